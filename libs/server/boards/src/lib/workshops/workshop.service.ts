import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { AccessEvents, SpaceAccessService } from '@kehittamo/server/data-access';
import { BoardService } from '../board.service';
import { BoardTemplateService } from '../board-template.service';
import type {
  AgendaItem,
  FieldError,
  LiveState,
  SpaceAccess,
  Workshop,
  WorkshopListItem,
  WorkshopPerson,
  WorkshopRole,
} from '@kehittamo/shared/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AgendaItemDto, CreateWorkshopDto, UpdateWorkshopDto } from './dto/workshop.dto';
import { initialLiveState, normaliseLiveState } from './live/live-state';

export interface WorkshopRow {
  id: string;
  space_id: string;
  title: string;
  description: string;
  location: string;
  starts_at: Date;
  ends_at: Date;
  main_board_id: string;
  agenda: AgendaItem[];
  live: Partial<LiveState>;
  created_at: Date;
  updated_at: Date;
}

/** A workshop as its caller may see it: the row, their part in it and their rights in its space. */
export interface WorkshopAccess {
  row: WorkshopRow;
  role: WorkshopRole;
  spaceAccess: SpaceAccess;
}

/**
 * The organisation short name shown next to a person: their organisation that owns the space
 * first, then alphabetically. Never their role (that could tell who is an experience expert).
 */
export const PERSON_ORGANISATION = (userColumn: string, spaceColumn: string) => `(
  SELECT o.short_name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
   WHERE m.user_id = ${userColumn}
   ORDER BY (o.id = (SELECT organisation_id FROM spaces WHERE id = ${spaceColumn})) DESC NULLS LAST, o.short_name
   LIMIT 1)`;

const uniq = <T>(values: readonly T[]): T[] => [...new Set(values)];

@Injectable()
export class WorkshopService {
  constructor(
    private readonly db: DataSource,
    private readonly spaceAccess: SpaceAccessService,
    private readonly boards: BoardService,
    private readonly templates: BoardTemplateService,
    private readonly accessEvents: AccessEvents,
  ) {}

  /** The workshop and the caller's part in it; 404 without access to its space (its existence stays hidden). */
  async access(user: Pick<AuthenticatedUser, 'id'>, id: string, manager: EntityManager = this.db.manager): Promise<WorkshopAccess> {
    const [row]: WorkshopRow[] = await manager.query(`SELECT * FROM workshops WHERE id = $1`, [id]);
    const spaceAccess = row ? await this.spaceAccess.accessFor(user.id, row.space_id) : null;
    if (!row || !spaceAccess) throw AppException.notFound('Workshop');
    const [person] = await manager.query(`SELECT facilitator FROM workshop_people WHERE workshop_id = $1 AND user_id = $2`, [id, user.id]);
    const role: WorkshopRole = person ? (person.facilitator ? 'facilitator' : 'participant') : 'observer';
    return { row, role, spaceAccess };
  }

  async requireFacilitator(user: Pick<AuthenticatedUser, 'id'>, id: string): Promise<WorkshopAccess> {
    const access = await this.access(user, id);
    if (access.role !== 'facilitator') throw AppException.forbidden('Only the workshop\'s facilitators can do this');
    return access;
  }

  /** Boards the workshop works on: its own, then those its agenda links to (once each). */
  boardIds(row: Pick<WorkshopRow, 'main_board_id' | 'agenda'>): string[] {
    return uniq([row.main_board_id, ...row.agenda.map((a) => a.boardId).filter((id): id is string => !!id)]);
  }

  async list(user: AuthenticatedUser, spaceId?: string): Promise<WorkshopListItem[]> {
    if (spaceId) await this.spaceAccess.requireAccess(user, spaceId, 'view');
    const rows: (WorkshopRow & { facilitators: string[]; participant_count: number; my_facilitator: boolean | null })[] =
      await this.db.query(
        `SELECT w.*,
                COALESCE((SELECT array_agg(u.display_name ORDER BY u.display_name) FROM workshop_people p JOIN users u ON u.id = p.user_id
                           WHERE p.workshop_id = w.id AND p.facilitator), '{}') AS facilitators,
                (SELECT count(*)::int FROM workshop_people p WHERE p.workshop_id = w.id AND NOT p.facilitator) AS participant_count,
                (SELECT p.facilitator FROM workshop_people p WHERE p.workshop_id = w.id AND p.user_id = $1) AS my_facilitator
           FROM workshops w
           JOIN space_members sm ON sm.space_id = w.space_id AND sm.user_id = $1
          WHERE ($2::uuid IS NULL OR w.space_id = $2)
          ORDER BY (w.ends_at < now()) ASC,
                   CASE WHEN w.ends_at >= now() THEN w.starts_at END ASC,
                   w.starts_at DESC
          LIMIT 500`,
        [user.id, spaceId ?? null],
      );
    return rows.map((r) => ({
      id: r.id,
      spaceId: r.space_id,
      title: r.title,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      status: normaliseLiveState(r.live).status,
      facilitators: r.facilitators,
      participantCount: r.participant_count,
      myRole: r.my_facilitator === null ? 'observer' : r.my_facilitator ? 'facilitator' : 'participant',
    }));
  }

  /** People who can be invited: everyone with access to the space (any organisation, experts too). */
  async people(user: AuthenticatedUser, spaceId: string, q?: string): Promise<WorkshopPerson[]> {
    await this.spaceAccess.requireAccess(user, spaceId, 'view');
    const rows: { user_id: string; display_name: string; organisation: string | null }[] = await this.db.query(
      `SELECT u.id AS user_id, u.display_name, ${PERSON_ORGANISATION('u.id', '$1')} AS organisation
         FROM space_members sm JOIN users u ON u.id = sm.user_id
        WHERE sm.space_id = $1 AND ($2::text IS NULL OR u.display_name ILIKE '%' || $2 || '%')
        ORDER BY u.display_name
        LIMIT 200`,
      [spaceId, q?.trim() ? q.trim().replace(/[%_\\]/g, (c) => `\\${c}`) : null],
    );
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, organisation: r.organisation }));
  }

  async create(user: AuthenticatedUser, dto: CreateWorkshopDto): Promise<Workshop> {
    await this.spaceAccess.requireAccess(user, dto.spaceId, 'edit');
    const template = await this.templates.itemsFor(user, dto.templateId ?? 'empty');
    const id = randomUUID();
    const invited = await this.db.transaction(async (manager) => {
      const board = await this.boards.insert(manager, user, dto.spaceId, dto.title, template, dto.anonymous ?? false);
      const fields = await this.checkedFields(manager, user, dto.spaceId, dto, null);
      await manager.query(
        `INSERT INTO workshops (id, space_id, title, description, location, starts_at, ends_at, main_board_id, agenda, live, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          dto.spaceId,
          dto.title.trim(),
          dto.description ?? '',
          dto.location ?? '',
          dto.startsAt,
          dto.endsAt,
          board.id,
          JSON.stringify(fields.agenda ?? []),
          JSON.stringify(initialLiveState()),
          user.id,
        ],
      );
      const facilitators = uniq([user.id, ...(fields.facilitatorIds ?? [])]);
      return this.writePeople(manager, id, facilitators, fields.participantIds ?? [], fields.modelIds ?? []);
    });
    this.announceAccess(invited, dto.spaceId);
    return this.get(user, id);
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateWorkshopDto): Promise<Workshop> {
    const { row } = await this.requireFacilitator(user, id);
    const changed = await this.db.transaction(async (manager) => {
      const fields = await this.checkedFields(manager, user, row.space_id, dto, row);
      await manager.query(
        `UPDATE workshops SET title = COALESCE($2, title), description = COALESCE($3, description), location = COALESCE($4, location),
                starts_at = COALESCE($5, starts_at), ends_at = COALESCE($6, ends_at), agenda = COALESCE($7, agenda), updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.title?.trim() ?? null,
          dto.description ?? null,
          dto.location ?? null,
          dto.startsAt ?? null,
          dto.endsAt ?? null,
          fields.agenda ? JSON.stringify(fields.agenda) : null,
        ],
      );
      if (!dto.facilitatorIds && !dto.participantIds && !dto.modelIds && !dto.agenda) return [];
      const current: { user_id: string; facilitator: boolean }[] = await manager.query(
        `SELECT user_id, facilitator FROM workshop_people WHERE workshop_id = $1`,
        [id],
      );
      const facilitators = fields.facilitatorIds ?? current.filter((p) => p.facilitator).map((p) => p.user_id);
      if (facilitators.length === 0) {
        throw AppException.validation([{ field: 'facilitatorIds', problems: ['a workshop needs at least one facilitator'] }]);
      }
      const participants = fields.participantIds ?? current.filter((p) => !p.facilitator).map((p) => p.user_id);
      const models = fields.modelIds ?? (await manager.query(`SELECT model_id FROM workshop_models WHERE workshop_id = $1`, [id])).map((m: { model_id: string }) => m.model_id);
      const after = await this.writePeople(manager, id, facilitators, participants, models);
      // Whoever was added, removed or changed role, and everyone when the agenda's boards changed.
      return dto.agenda ? null : uniq([...current.map((p) => p.user_id), ...after]);
    });
    this.announceAccess(changed, row.space_id);
    return this.get(user, id);
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    const { row } = await this.requireFacilitator(user, id);
    const people: { user_id: string }[] = await this.db.query(`SELECT user_id FROM workshop_people WHERE workshop_id = $1`, [id]);
    await this.db.query(`DELETE FROM workshops WHERE id = $1`, [id]);
    this.announceAccess(people.map((p) => p.user_id), row.space_id);
  }

  async get(user: AuthenticatedUser, id: string): Promise<Workshop> {
    const { row, role } = await this.access(user, id);
    const people: { user_id: string; display_name: string; organisation: string | null; facilitator: boolean }[] = await this.db.query(
      `SELECT p.user_id, u.display_name, p.facilitator, ${PERSON_ORGANISATION('p.user_id', '$2')} AS organisation
         FROM workshop_people p JOIN users u ON u.id = p.user_id
        WHERE p.workshop_id = $1 ORDER BY u.display_name`,
      [id, row.space_id],
    );
    const boardIds = this.boardIds(row);
    const boards: { id: string; title: string; doc_name: string; anonymous: boolean }[] = await this.db.query(
      `SELECT id, title, doc_name, anonymous FROM boards WHERE id = ANY($1::uuid[])`,
      [boardIds],
    );
    const models: { id: string; name: string }[] = await this.db.query(
      `SELECT m.id, m.name FROM workshop_models wm JOIN model_descriptions m ON m.id = wm.model_id
        WHERE wm.workshop_id = $1 ORDER BY m.name`,
      [id],
    );
    const toPerson = (p: (typeof people)[number]): WorkshopPerson => ({ userId: p.user_id, displayName: p.display_name, organisation: p.organisation });
    const existing = new Set(boards.map((b) => b.id));
    return {
      id: row.id,
      spaceId: row.space_id,
      title: row.title,
      description: row.description,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      location: row.location,
      facilitators: people.filter((p) => p.facilitator).map(toPerson),
      participants: people.filter((p) => !p.facilitator).map(toPerson),
      // A deleted board leaves its agenda item without a board, not pointing at nothing.
      agenda: row.agenda.map((a) => (a.boardId && !existing.has(a.boardId) ? { ...a, boardId: null, frameId: null } : a)),
      boards: boardIds
        .map((bid) => boards.find((b) => b.id === bid))
        .filter((b): b is (typeof boards)[number] => !!b)
        .map((b) => ({ id: b.id, title: b.title, doc: b.doc_name, anonymous: b.anonymous })),
      mainBoardId: row.main_board_id,
      models,
      status: normaliseLiveState(row.live).status,
      myRole: role,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  /** Checks what a create or update names: people with access to the space, boards of the space, visible models. */
  private async checkedFields(
    manager: EntityManager,
    user: AuthenticatedUser,
    spaceId: string,
    dto: UpdateWorkshopDto,
    current: WorkshopRow | null,
  ): Promise<{ agenda?: AgendaItem[]; facilitatorIds?: string[]; participantIds?: string[]; modelIds?: string[] }> {
    const problems: FieldError[] = [];
    const startsAt = dto.startsAt ?? (current ? new Date(current.starts_at).toISOString() : undefined);
    const endsAt = dto.endsAt ?? (current ? new Date(current.ends_at).toISOString() : undefined);
    if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
      problems.push({ field: 'endsAt', problems: ['must be after startsAt'] });
    }
    const named = uniq([...(dto.facilitatorIds ?? []), ...(dto.participantIds ?? [])]);
    if (named.length > 0) {
      const rows: { user_id: string }[] = await manager.query(
        `SELECT user_id FROM space_members WHERE space_id = $1 AND user_id = ANY($2::uuid[])`,
        [spaceId, named],
      );
      const allowed = new Set(rows.map((r) => r.user_id));
      for (const field of ['facilitatorIds', 'participantIds'] as const) {
        const outside = (dto[field] ?? []).filter((uid) => !allowed.has(uid));
        if (outside.length > 0) problems.push({ field, problems: [`${outside.length} of these people have no access to the workshop's space`] });
      }
    }
    let agenda: AgendaItem[] | undefined;
    if (dto.agenda) {
      agenda = dto.agenda.map((a: AgendaItemDto) => ({
        id: a.id ?? randomUUID(),
        title: a.title.trim(),
        minutes: a.minutes,
        boardId: a.boardId,
        frameId: a.boardId ? a.frameId : null,
      }));
      if (new Set(agenda.map((a) => a.id)).size !== agenda.length) problems.push({ field: 'agenda', problems: ['item ids must be unique'] });
      const boardIds = uniq(agenda.map((a) => a.boardId).filter((id): id is string => !!id));
      if (boardIds.length > 0) {
        const rows: { id: string }[] = await manager.query(`SELECT id FROM boards WHERE space_id = $1 AND id = ANY($2::uuid[])`, [spaceId, boardIds]);
        if (rows.length !== boardIds.length) problems.push({ field: 'agenda', problems: ['an item links to a board that is not in the workshop\'s space'] });
      }
    }
    if (dto.modelIds && dto.modelIds.length > 0) {
      const rows: { id: string }[] = await manager.query(
        `SELECT m.id FROM model_descriptions m JOIN space_members sm ON sm.space_id = m.space_id AND sm.user_id = $1
          WHERE m.id = ANY($2::uuid[])`,
        [user.id, uniq(dto.modelIds)],
      );
      if (rows.length !== uniq(dto.modelIds).length) problems.push({ field: 'modelIds', problems: ['a model description does not exist or you cannot see it'] });
    }
    if (problems.length > 0) throw AppException.validation(problems);
    return {
      agenda,
      facilitatorIds: dto.facilitatorIds && uniq(dto.facilitatorIds),
      participantIds: dto.participantIds && uniq(dto.participantIds),
      modelIds: dto.modelIds && uniq(dto.modelIds),
    };
  }

  /** Replaces the people and models; someone named both ways is a facilitator. Returns everyone now invited. */
  private async writePeople(manager: EntityManager, id: string, facilitators: string[], participants: string[], models: string[]): Promise<string[]> {
    const facilitatorSet = new Set(facilitators);
    const everyone = uniq([...facilitators, ...participants]);
    await manager.query(`DELETE FROM workshop_people WHERE workshop_id = $1`, [id]);
    if (everyone.length > 0) {
      await manager.query(
        `INSERT INTO workshop_people (workshop_id, user_id, facilitator) SELECT $1, u, u = ANY($3::uuid[]) FROM unnest($2::uuid[]) AS u`,
        [id, everyone, [...facilitatorSet]],
      );
    }
    await manager.query(`DELETE FROM workshop_models WHERE workshop_id = $1`, [id]);
    if (models.length > 0) {
      await manager.query(`INSERT INTO workshop_models (workshop_id, model_id) SELECT $1, m FROM unnest($2::uuid[]) AS m`, [id, models]);
    }
    return everyone;
  }

  /** Open board connections re-check their rights (an invited expert now edits; a removed one no longer). */
  private announceAccess(userIds: string[] | null, spaceId: string): void {
    if (userIds === null) return this.accessEvents.emit({ userId: null, spaceId });
    for (const userId of userIds) this.accessEvents.emit({ userId, spaceId });
  }
}
