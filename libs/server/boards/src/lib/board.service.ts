import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { CollabDocumentRegistry, CollabDocuments, SpaceAccessService } from '@kehittamo/server/data-access';
import { applyTemplate, boardProjection, stripAuthors } from '@kehittamo/shared/board-content';
import type { Board, SpaceAccess, TemplateItem } from '@kehittamo/shared/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import type { CreateBoardDto, UpdateBoardDto } from './dto/board.dto';
import { BoardTemplateService } from './board-template.service';

interface BoardRow {
  id: string;
  space_id: string;
  title: string;
  doc_name: string;
  anonymous: boolean;
  created_at: Date;
  updated_at: Date;
}

const BOARD_COLUMNS = `id, space_id, title, doc_name, anonymous, created_at, updated_at`;

export const toBoard = (r: BoardRow): Board => ({
  id: r.id,
  spaceId: r.space_id,
  title: r.title,
  doc: r.doc_name,
  anonymous: r.anonymous,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** A board's first document: the template's frames, written before anyone connects. */
function initialBoard(template: readonly TemplateItem[]): { update: Uint8Array; projection: { text: string; json: unknown } } {
  const doc = new Y.Doc();
  applyTemplate(doc, template);
  return { update: Y.encodeStateAsUpdate(doc), projection: boardProjection(doc) };
}

/** Boards: a title and settings in a space, and the Yjs document `board.<uuid>` with the content. */
@Injectable()
export class BoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaceAccess: SpaceAccessService,
    private readonly registry: CollabDocumentRegistry,
    private readonly documents: CollabDocuments,
    private readonly templates: BoardTemplateService,
  ) {}

  async create(user: AuthenticatedUser, dto: CreateBoardDto): Promise<Board> {
    await this.spaceAccess.requireAccess(user, dto.spaceId, 'edit');
    const template = await this.templates.itemsFor(user, dto.templateId ?? 'empty');
    return this.dataSource.transaction((manager) => this.insert(manager, user, dto.spaceId, dto.title, template, dto.anonymous ?? false));
  }

  /** Creates a board inside the caller's transaction (a workshop creates its own board with it). */
  async insert(
    manager: EntityManager,
    user: AuthenticatedUser,
    spaceId: string,
    title: string,
    template: readonly TemplateItem[],
    anonymous: boolean,
  ): Promise<Board> {
    const id = randomUUID();
    const doc = await this.registry.register(manager, 'board', id, spaceId);
    if (template.length > 0) {
      const initial = initialBoard(template);
      await this.documents.writeInitial(manager, doc, initial.update, initial.projection);
    }
    const [created]: BoardRow[] = await manager.query(
      `INSERT INTO boards (id, space_id, title, doc_name, created_by, anonymous) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${BOARD_COLUMNS}`,
      [id, spaceId, title.trim(), doc, user.id, anonymous],
    );
    return toBoard(created);
  }

  async listInSpace(user: AuthenticatedUser, spaceId: string): Promise<Board[]> {
    await this.spaceAccess.requireAccess(user, spaceId, 'view');
    const rows: BoardRow[] = await this.dataSource.query(
      `SELECT ${BOARD_COLUMNS} FROM boards WHERE space_id = $1 ORDER BY created_at DESC`,
      [spaceId],
    );
    return rows.map(toBoard);
  }

  /** A board the user may see (404 otherwise, so its existence is not revealed), with their access. */
  async find(user: AuthenticatedUser, id: string, needed: SpaceAccess = 'view'): Promise<Board> {
    const [row]: BoardRow[] = await this.dataSource.query(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`, [id]);
    const access = row ? await this.spaceAccess.accessFor(user.id, row.space_id) : null;
    if (!row || !access) throw AppException.notFound('Board');
    if (needed !== 'view') await this.spaceAccess.requireAccess(user, row.space_id, needed);
    return toBoard(row);
  }

  /** Renames or turns anonymous mode on/off; turning it on removes author names already on notes. */
  async update(user: AuthenticatedUser, id: string, dto: UpdateBoardDto): Promise<Board> {
    const board = await this.find(user, id, 'edit');
    const [[row]]: [BoardRow[], number] = await this.dataSource.query(
      `UPDATE boards SET title = COALESCE($2, title), anonymous = COALESCE($3, anonymous), updated_at = now()
        WHERE id = $1 RETURNING ${BOARD_COLUMNS}`,
      [id, dto.title?.trim() ?? null, dto.anonymous ?? null],
    );
    if (dto.anonymous && !board.anonymous) await this.documents.change(board.doc, stripAuthors);
    return toBoard(row);
  }
}
