import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { HEADLINE_OPTIONS, SpaceAccessService, finnishQuery, passageAround } from '@kehittamo/server/data-access';
import {
  MATERIAL_LIMITS,
  commentBodyProblems,
  type Material,
  type MaterialQuery,
  type MaterialSummary,
  type MaterialTagCount,
  type MaterialUsage,
  type Page,
} from '@kehittamo/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateMaterialDto, MaterialMetadataDto, UpdateMaterialDto } from './dto/material.dto';
import { SELECT_FILE, SELECT_MATERIAL, VIEWER_SPACES, toFileVersion, toSummary, type FileRow, type MaterialRow } from './material-rows';
import { storageKeys } from './storage/object-storage';

const PAGE = 20;

/** Materials: create links and notes, read, list and search, edit, delete, "useful" marks. Files: MaterialFileService. */
@Injectable()
export class MaterialService {
  constructor(
    private readonly db: DataSource,
    private readonly spaceAccess: SpaceAccessService,
  ) {}

  async create(user: AuthenticatedUser, dto: CreateMaterialDto): Promise<Material> {
    await this.spaceAccess.requireAccess(user, dto.spaceId, 'edit');
    await this.requireOrganisation(dto.organisationId);
    if (dto.kind === 'note') this.requireNoteBody(dto.body ?? '');
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO materials (space_id, kind, title, description, tags, work_packages, organisation_id, type, language, url, body, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        dto.spaceId,
        dto.kind,
        dto.title,
        dto.description ?? '',
        dto.tags ?? [],
        dto.workPackages ?? [],
        dto.organisationId ?? null,
        dto.type ?? (dto.kind === 'link' ? 'recording' : 'other'),
        dto.language ?? 'fi',
        dto.kind === 'link' ? dto.url : null,
        dto.kind === 'note' ? dto.body : null,
        user.id,
      ],
    );
    return this.get(user, row.id, { countView: false });
  }

  /** Inserts a file material's row (the caller stores the file in the same transaction). */
  async insertFileMaterial(manager: EntityManager, user: AuthenticatedUser, spaceId: string, meta: MaterialMetadataDto, id: string): Promise<void> {
    await this.requireOrganisation(meta.organisationId, manager);
    await manager.query(
      `INSERT INTO materials (id, space_id, kind, title, description, tags, work_packages, organisation_id, type, language, created_by)
       VALUES ($10, $1, 'file', $2, $3, $4, $5, $6, $7, $8, $9)`,
      [spaceId, meta.title, meta.description ?? '', meta.tags ?? [], meta.workPackages ?? [], meta.organisationId ?? null, meta.type ?? 'other', meta.language ?? 'fi', user.id, id],
    );
  }

  /** One material; 404 when the caller may not read its space. Counts a view unless told not to. */
  async get(user: AuthenticatedUser, id: string, options: { countView: boolean } = { countView: true }): Promise<Material> {
    const row = await this.findReadable(user, id);
    if (options.countView) {
      await this.db.query(`UPDATE materials SET view_count = view_count + 1 WHERE id = $1`, [id]);
      row.view_count += 1;
    }
    const versions: FileRow[] = row.kind === 'file' ? await this.db.query(`${SELECT_FILE} WHERE f.material_id = $1 ORDER BY f.version DESC`, [id]) : [];
    const collections: { id: string; title: string }[] = await this.db.query(
      `SELECT c.id, c.title FROM material_collection_items i JOIN material_collections c ON c.id = i.collection_id
        WHERE i.material_id = $2 AND c.space_id IN (${VIEWER_SPACES}) ORDER BY c.title`,
      [user.id, id],
    );
    return { ...toSummary(row), body: row.body, versions: versions.map(toFileVersion), collections, canEdit: row.can_edit };
  }

  async findReadable(user: AuthenticatedUser, id: string): Promise<MaterialRow> {
    const [row]: MaterialRow[] = await this.db.query(`${SELECT_MATERIAL} WHERE m.id = $2 AND m.space_id IN (${VIEWER_SPACES})`, [user.id, id]);
    if (!row) throw AppException.notFound('Material');
    return row;
  }

  async findEditable(user: AuthenticatedUser, id: string): Promise<MaterialRow> {
    const row = await this.findReadable(user, id);
    if (!row.can_edit) throw AppException.forbidden('Only the person who added it and the coordinators may change this material');
    return row;
  }

  async list(user: AuthenticatedUser, query: MaterialQuery): Promise<Page<MaterialSummary>> {
    if (query.spaceId) await this.spaceAccess.requireAccess(user, query.spaceId, 'view');
    const params: unknown[] = [user.id];
    const where: string[] = [`m.space_id IN (${VIEWER_SPACES})`];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('$?', `$${params.length}`));
    };
    if (query.spaceId) add(`m.space_id = $?`, query.spaceId);
    if (query.tag) add(`$? = ANY (m.tags)`, query.tag);
    if (query.wp) add(`$? = ANY (m.work_packages)`, query.wp);
    if (query.organisationId) add(`m.organisation_id = $?`, query.organisationId);
    if (query.type) add(`m.type = $?`, query.type);
    if (query.kind) add(`m.kind = $?`, query.kind);
    if (query.language) add(`m.language = $?`, query.language);
    const q = query.q?.trim();
    let tsq: string | null = null;
    if (q) {
      params.push(q);
      tsq = finnishQuery(`$${params.length}`);
      where.push(`m.search_vector @@ ${tsq}`);
    }
    const order =
      query.sort === 'title'
        ? `m.title COLLATE "C" ASC, m.id`
        : query.sort === 'popular'
          ? `(m.view_count + 3 * m.download_count) DESC, m.updated_at DESC`
          : tsq && query.sort !== 'recent'
            ? `ts_rank(m.search_vector, ${tsq}) DESC, m.updated_at DESC`
            : `m.updated_at DESC, m.id`;
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM materials m WHERE ${where.join(' AND ')}`, params);
    params.push(Math.min(query.limit ?? PAGE, 100), query.offset ?? 0);
    const limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
    // Only the page of hits gets a snippet, from a window of the text around the first match.
    const headline = tsq
      ? `, ts_headline('finnish', ${passageAround(`(m.description || E'\\n' || coalesce(m.body, '') || E'\\n' || m.extracted_text)`, tsq)}, ${tsq}, '${HEADLINE_OPTIONS}') AS headline`
      : '';
    const rows: MaterialRow[] = await this.db.query(
      `${SELECT_MATERIAL.replace('SELECT m.id,', `SELECT m.id${headline},`)}
        WHERE m.id IN (SELECT m.id FROM materials m WHERE ${where.join(' AND ')} ORDER BY ${order} ${limit})
        ORDER BY ${order}`,
      params,
    );
    return { items: rows.map(toSummary), total };
  }

  async tags(user: AuthenticatedUser, spaceId?: string): Promise<MaterialTagCount[]> {
    if (spaceId) await this.spaceAccess.requireAccess(user, spaceId, 'view');
    return this.db.query(
      `SELECT tag, count(*)::int AS count FROM materials m, unnest(m.tags) AS tag
        WHERE m.space_id IN (${VIEWER_SPACES}) AND ($2::uuid IS NULL OR m.space_id = $2)
        GROUP BY tag ORDER BY count DESC, tag LIMIT 200`,
      [user.id, spaceId ?? null],
    );
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateMaterialDto): Promise<Material> {
    const row = await this.findEditable(user, id);
    if (dto.url !== undefined && row.kind !== 'link') throw AppException.validation([{ field: 'url', problems: ['only links have an address'] }]);
    if (dto.body !== undefined) {
      if (row.kind !== 'note') throw AppException.validation([{ field: 'body', problems: ['only notes have a body'] }]);
      this.requireNoteBody(dto.body);
    }
    await this.requireOrganisation(dto.organisationId);
    await this.db.query(
      `UPDATE materials SET title = coalesce($2, title), description = coalesce($3, description), tags = coalesce($4, tags),
              work_packages = coalesce($5, work_packages),
              organisation_id = CASE WHEN $6 THEN $7::uuid ELSE organisation_id END,
              type = coalesce($8, type), language = coalesce($9, language), url = coalesce($10, url), body = coalesce($11, body),
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        dto.title ?? null,
        dto.description ?? null,
        dto.tags ?? null,
        dto.workPackages ?? null,
        dto.organisationId !== undefined,
        dto.organisationId ?? null,
        dto.type ?? null,
        dto.language ?? null,
        dto.url ?? null,
        dto.body ?? null,
      ],
    );
    return this.get(user, id, { countView: false });
  }

  /** Deletes the material; its stored files are queued for removal and removed after the commit. */
  async delete(user: AuthenticatedUser, id: string): Promise<string[]> {
    await this.findEditable(user, id);
    return this.db.transaction(async (manager) => {
      const files: { id: string; storage_key: string; preview_key: string | null }[] = await manager.query(
        `SELECT id, storage_key, preview_key FROM material_files WHERE material_id = $1`,
        [id],
      );
      const keys = files.flatMap((f) => [f.storage_key, f.preview_key ?? storageKeys.preview(id, f.id)]);
      if (keys.length > 0) {
        await manager.query(`INSERT INTO material_orphan_objects (storage_key) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [keys]);
      }
      await manager.query(`DELETE FROM materials WHERE id = $1`, [id]);
      return keys;
    });
  }

  async setUseful(user: AuthenticatedUser, id: string, useful: boolean): Promise<MaterialUsage> {
    await this.findReadable(user, id);
    await this.db.query(
      useful
        ? `INSERT INTO material_useful_marks (material_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
        : `DELETE FROM material_useful_marks WHERE material_id = $1 AND user_id = $2`,
      [id, user.id],
    );
    const row = await this.findReadable(user, id);
    return { views: row.view_count, downloads: row.download_count, useful: row.useful_count };
  }

  private requireNoteBody(body: string): void {
    const problems = commentBodyProblems(body, MATERIAL_LIMITS.noteMax);
    if (problems.length > 0) throw AppException.validation([{ field: 'body', problems }]);
  }

  private async requireOrganisation(organisationId: string | null | undefined, manager: EntityManager = this.db.manager): Promise<void> {
    if (!organisationId) return;
    const [row] = await manager.query(`SELECT 1 FROM organisations WHERE id = $1`, [organisationId]);
    if (!row) throw AppException.validation([{ field: 'organisationId', problems: ['no such organisation'] }]);
  }
}
