import { Injectable } from '@nestjs/common';
import { AppException, isAdmin, type AuthenticatedUser } from '@kehittamo/server/core';
import { AccessEvents, CollabDocumentRegistry, HEADLINE_OPTIONS, SpaceAccessService, finnishQuery, passageAround, snippetParts } from '@kehittamo/server/data-access';
import {
  MANAGING_ROLES,
  emptyModelContent,
  modelCompleteness,
  type ModelCompleteness,
  type ModelDescription,
  type ModelDescriptionContent,
  type ModelDescriptionQuery,
  type ModelDescriptionSummary,
  type ModelPhase,
  type ModelPhaseChange,
  type ModelProjectionMeta,
  type SpaceAccess,
} from '@kehittamo/shared/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

export interface ModelRow {
  id: string;
  space_id: string;
  space_name: string;
  space_kind: 'project' | 'organisation';
  space_organisation_id: string | null;
  doc_name: string;
  name: string;
  phase: string;
  work_packages: string[];
  tags: string[];
  locked: boolean;
  meta: Partial<ModelProjectionMeta> | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  headline?: string | null;
}

const SELECT_MODEL = `
  SELECT m.id, m.space_id, s.name AS space_name, s.kind AS space_kind, s.organisation_id AS space_organisation_id,
         m.doc_name, m.name, m.phase, m.work_packages, m.tags, d.locked, p.meta, m.created_by, m.created_at,
         GREATEST(m.updated_at, p.updated_at) AS updated_at
    FROM model_descriptions m
    JOIN spaces s ON s.id = m.space_id
    JOIN collab_documents d ON d.name = m.doc_name
    LEFT JOIN collab_projections p ON p.doc_name = m.doc_name`;

/** Search hits per page (`limit`), and the most a page may ask for. */
const SEARCH_PAGE = 20;
const SEARCH_PAGE_MAX = 50;

const EMPTY_COMPLETENESS: ModelCompleteness = modelCompleteness(emptyModelContent());

export function toSummary(r: ModelRow): ModelDescriptionSummary {
  const meta = r.meta ?? {};
  return {
    id: r.id,
    spaceId: r.space_id,
    spaceName: r.space_name,
    doc: r.doc_name,
    name: r.name,
    summary: meta.summary ?? '',
    phase: r.phase,
    workPackages: r.work_packages,
    tags: r.tags,
    organisations: meta.organisations ?? '',
    locked: r.locked,
    completeness: meta.completeness ?? EMPTY_COMPLETENESS,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    ...(r.headline != null && { snippet: snippetParts(r.headline) }),
  };
}

/**
 * Model descriptions: the database row (space, name, phase, work packages, tags, lock) beside
 * the collaborative document that holds the content. Rights always come from the space.
 */
@Injectable()
export class ModelDescriptionService {
  constructor(
    private readonly db: DataSource,
    private readonly spaceAccess: SpaceAccessService,
    private readonly registry: CollabDocumentRegistry,
    private readonly accessEvents: AccessEvents,
  ) {}

  async phases(): Promise<ModelPhase[]> {
    const rows: { key: string; label_fi: string; label_sv: string; label_en: string }[] = await this.db.query(
      `SELECT key, label_fi, label_sv, label_en FROM model_phases ORDER BY position`,
    );
    return rows.map((r) => ({ key: r.key, labels: { fi: r.label_fi, sv: r.label_sv, en: r.label_en } }));
  }

  /** Admins replace the phase list (order = position). Keys used by a description must stay. */
  async setPhases(user: AuthenticatedUser, phases: ModelPhase[]): Promise<ModelPhase[]> {
    if (!isAdmin(user)) throw AppException.forbidden('Only admins may change the development phases');
    const keys = phases.map((p) => p.key);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate) throw AppException.validation([{ field: 'phases', problems: [`phase "${duplicate}" is listed twice`] }]);
    await this.db.transaction(async (manager) => {
      const used: { phase: string }[] = await manager.query(`SELECT DISTINCT phase FROM model_descriptions WHERE NOT (phase = ANY ($1))`, [keys]);
      if (used.length > 0) {
        throw new AppException('conflict', `Phases in use cannot be removed: ${used.map((u) => u.phase).join(', ')}`);
      }
      await manager.query(`DELETE FROM model_phases WHERE NOT (key = ANY ($1))`, [keys]);
      for (const [position, phase] of phases.entries()) {
        await manager.query(
          `INSERT INTO model_phases (key, position, label_fi, label_sv, label_en) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (key) DO UPDATE SET position = EXCLUDED.position, label_fi = EXCLUDED.label_fi, label_sv = EXCLUDED.label_sv, label_en = EXCLUDED.label_en`,
          [phase.key, position + 1, phase.labels.fi.trim(), phase.labels.sv.trim(), phase.labels.en.trim()],
        );
      }
    });
    return this.phases();
  }

  private async requirePhase(phase: string): Promise<void> {
    const [row] = await this.db.query(`SELECT 1 FROM model_phases WHERE key = $1`, [phase]);
    if (!row) {
      const known = (await this.phases()).map((p) => p.key).join(', ');
      throw AppException.validation([{ field: 'phase', problems: [`phase must be one of: ${known}`] }]);
    }
  }

  async create(
    user: AuthenticatedUser,
    input: { spaceId: string; name: string; phase?: string; workPackages?: string[]; tags?: string[] },
    writeContent?: (manager: EntityManager, docName: string) => Promise<void>,
  ): Promise<ModelDescription> {
    await this.spaceAccess.requireAccess(user, input.spaceId, 'edit');
    const phase = input.phase ?? (await this.phases())[0]?.key;
    if (!phase) throw new AppException('conflict', 'No development phases are configured');
    await this.requirePhase(phase);
    const id = randomUUID();
    await this.db.transaction(async (manager) => {
      const doc = await this.registry.register(manager, 'model', id, input.spaceId);
      await manager.query(
        `INSERT INTO model_descriptions (id, space_id, doc_name, name, phase, work_packages, tags, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, input.spaceId, doc, input.name.trim(), phase, input.workPackages ?? [], input.tags ?? [], user.id],
      );
      await manager.query(`INSERT INTO model_phase_changes (model_id, from_phase, to_phase, changed_by) VALUES ($1, NULL, $2, $3)`, [
        id,
        phase,
        user.id,
      ]);
      await writeContent?.(manager, doc);
    });
    return this.get(user, id);
  }

  /** The row and the caller's rights; 404 when the caller cannot see its space. */
  async find(user: AuthenticatedUser, id: string): Promise<{ row: ModelRow; access: SpaceAccess }> {
    const [row]: ModelRow[] = await this.db.query(`${SELECT_MODEL} WHERE m.id = $1`, [id]);
    const access = row ? await this.spaceAccess.accessFor(user.id, row.space_id) : null;
    if (!row || !access) throw AppException.notFound('Model description');
    return { row, access };
  }

  /** For changes: edit rights in the space, and the description must not be locked. */
  async findEditable(user: AuthenticatedUser, id: string): Promise<ModelRow> {
    const { row, access } = await this.find(user, id);
    if (access !== 'edit') throw AppException.forbidden(`This needs edit rights in the space; you have ${access}`);
    if (row.locked) throw new AppException('conflict', 'The model description is locked (read-only); a coordinator can unlock it');
    return row;
  }

  async get(user: AuthenticatedUser, id: string): Promise<ModelDescription> {
    const { row, access } = await this.find(user, id);
    const history: { from_phase: string | null; to_phase: string; changed_by: string | null; changed_at: Date }[] = await this.db.query(
      `SELECT c.from_phase, c.to_phase, u.display_name AS changed_by, c.changed_at
         FROM model_phase_changes c LEFT JOIN users u ON u.id = c.changed_by
        WHERE c.model_id = $1 ORDER BY c.id`,
      [id],
    );
    const [creator] = row.created_by ? await this.db.query(`SELECT display_name FROM users WHERE id = $1`, [row.created_by]) : [];
    const phaseHistory: ModelPhaseChange[] = history.map((h) => ({
      from: h.from_phase,
      to: h.to_phase,
      by: h.changed_by,
      at: new Date(h.changed_at).toISOString(),
    }));
    return {
      ...toSummary(row),
      createdBy: creator?.display_name ?? null,
      access: row.locked && access === 'edit' ? 'comment' : access,
      canLock: access === 'edit' && this.mayLock(user, row),
      phaseHistory,
    };
  }

  /** Coordinators and admins of the space's organisation, of the main project, or (project spaces) of any organisation. */
  private mayLock(user: AuthenticatedUser, row: ModelRow): boolean {
    return user.memberships.some(
      (m) =>
        MANAGING_ROLES.includes(m.role) &&
        (row.space_kind === 'project' || m.organisationKind === 'main' || m.organisationId === row.space_organisation_id),
    );
  }

  async list(user: AuthenticatedUser, query: ModelDescriptionQuery): Promise<ModelDescriptionSummary[]> {
    if (query.spaceId) await this.spaceAccess.requireAccess(user, query.spaceId, 'view');
    const params: unknown[] = [user.id];
    const where: string[] = [`m.space_id IN (SELECT space_id FROM space_members WHERE user_id = $1)`];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('$?', `$${params.length}`));
    };
    if (query.spaceId) add(`m.space_id = $?`, query.spaceId);
    if (query.phase) add(`m.phase = $?`, query.phase);
    if (query.wp) add(`$? = ANY (m.work_packages)`, query.wp);
    if (query.tag) add(`$? = ANY (m.tags)`, query.tag.toLowerCase());
    if (query.organisation) add(`p.meta->>'organisations' ILIKE '%' || $? || '%'`, query.organisation.replace(/[\\%_]/g, (c) => `\\${c}`));
    const q = query.q?.trim();
    if (!q) {
      const rows: ModelRow[] = await this.db.query(`${SELECT_MODEL} WHERE ${where.join(' AND ')} ORDER BY updated_at DESC LIMIT 500`, params);
      return rows.map(toSummary);
    }
    params.push(q);
    const tsq = finnishQuery(`$${params.length}`);
    params.push(Math.min(query.limit ?? SEARCH_PAGE, SEARCH_PAGE_MAX), query.offset ?? 0);
    // Matches come from the GIN indexes only (model_search_matches reads no text); ranking is a
    // hit in the name (+1) and the rank in the opening of the text (short description, start of
    // the basic idea), then the latest change. Only the page of hits is joined and given a
    // snippet, highlighted in a window around the first place a query word occurs (over the
    // whole text it would cost milliseconds a hit).
    const rows: ModelRow[] = await this.db.query(
      `WITH ranked AS (
         SELECT m.id, ts_rank(coalesce(p.lead, ''::tsvector), ${tsq}) + CASE WHEN m.name_search @@ ${tsq} THEN 1 ELSE 0 END AS rank
           FROM model_descriptions m LEFT JOIN collab_projections p ON p.doc_name = m.doc_name
          WHERE ${where.join(' AND ')}
            AND (m.name_search @@ ${tsq} OR m.doc_name IN (SELECT model_search_matches(${tsq})))
          ORDER BY rank DESC, m.updated_at DESC LIMIT $${params.length - 1} OFFSET $${params.length})
       SELECT hit.*, ts_headline('finnish', ${passageAround('hit.body', tsq)}, ${tsq}, '${HEADLINE_OPTIONS}') AS headline
         FROM (${SELECT_MODEL.replace('SELECT m.id,', 'SELECT ranked.rank, p.text AS body, m.id,')} JOIN ranked ON ranked.id = m.id) hit
        ORDER BY hit.rank DESC, hit.updated_at DESC`,
      params,
    );
    return rows.map(toSummary);
  }

  async update(user: AuthenticatedUser, id: string, input: { name?: string; workPackages?: string[]; tags?: string[] }): Promise<ModelDescription> {
    await this.findEditable(user, id);
    await this.db.query(
      `UPDATE model_descriptions SET name = coalesce($2, name), work_packages = coalesce($3, work_packages),
              tags = coalesce($4, tags), updated_at = now() WHERE id = $1`,
      [id, input.name?.trim() ?? null, input.workPackages ?? null, input.tags ?? null],
    );
    return this.get(user, id);
  }

  /** Records who moved it from which phase to which; the caller makes the automatic version. */
  async changePhase(user: AuthenticatedUser, id: string, phase: string): Promise<{ changed: boolean; from: string }> {
    const row = await this.findEditable(user, id);
    await this.requirePhase(phase);
    if (row.phase === phase) return { changed: false, from: row.phase };
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE model_descriptions SET phase = $2, updated_at = now() WHERE id = $1`, [id, phase]);
      await manager.query(`INSERT INTO model_phase_changes (model_id, from_phase, to_phase, changed_by) VALUES ($1, $2, $3, $4)`, [
        id,
        row.phase,
        phase,
        user.id,
      ]);
    });
    return { changed: true, from: row.phase };
  }

  async setLocked(user: AuthenticatedUser, id: string, locked: boolean): Promise<ModelDescription> {
    const { row, access } = await this.find(user, id);
    if (access !== 'edit' || !this.mayLock(user, row)) throw AppException.forbidden('Only coordinators and admins may lock or unlock a model description');
    await this.db.transaction(async (manager) => {
      await this.registry.setLocked(manager, row.doc_name, locked);
      await manager.query(`UPDATE model_descriptions SET updated_at = now() WHERE id = $1`, [id]);
    });
    // Open editors reconnect and get their new (read-only or editing) rights.
    this.accessEvents.emit({ userId: null, spaceId: row.space_id, docName: row.doc_name });
    return this.get(user, id);
  }

  /** The last projected content (at most a couple of seconds behind the live document). */
  async projectedContent(docName: string): Promise<ModelDescriptionContent> {
    const [row] = await this.db.query(`SELECT json FROM collab_projections WHERE doc_name = $1`, [docName]);
    return normaliseContent(row?.json);
  }
}

/** Fills in what a projection of a new or partly written document leaves out. */
export function normaliseContent(json: unknown): ModelDescriptionContent {
  const empty = emptyModelContent();
  if (!json || typeof json !== 'object') return empty;
  const value = json as Partial<ModelDescriptionContent>;
  return {
    facts: { ...(value.facts ?? {}) },
    sections: { ...empty.sections, ...(value.sections ?? {}) },
    structure: Array.isArray(value.structure) ? value.structure : [],
  };
}
