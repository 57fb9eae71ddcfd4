import { Injectable } from '@nestjs/common';
import { AppException, isAdmin, type AuthenticatedUser } from '@kehittamo/server/core';
import { CollabDocuments, SpaceAccessService } from '@kehittamo/server/data-access';
import { boardAsTemplate, readBoard } from '@kehittamo/shared/board-content';
import {
  BUILT_IN_TEMPLATE_KEYS,
  builtInTemplateItems,
  isBuiltInTemplateKey,
  type BoardTemplate,
  type TemplateItem,
} from '@kehittamo/shared/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';

interface TemplateRow {
  id: string;
  name: string;
  items: TemplateItem[];
  created_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Built-in templates (frames named in the reader's language) and those admins saved from boards. */
@Injectable()
export class BoardTemplateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaceAccess: SpaceAccessService,
    private readonly documents: CollabDocuments,
  ) {}

  async list(user: AuthenticatedUser): Promise<BoardTemplate[]> {
    const builtIn = BUILT_IN_TEMPLATE_KEYS.map(
      (key): BoardTemplate => ({
        id: key,
        builtIn: true,
        name: null,
        frames: builtInTemplateItems(key, user.language).map((i) => i.text),
        createdAt: null,
      }),
    );
    const rows: TemplateRow[] = await this.dataSource.query(`SELECT id, name, items, created_at FROM board_templates ORDER BY name`);
    return [...builtIn, ...rows.map(toTemplate)];
  }

  /** A template's items for a new board; unknown id → 400 (the request names something that is not there). */
  async itemsFor(user: AuthenticatedUser, templateId: string): Promise<TemplateItem[]> {
    if (isBuiltInTemplateKey(templateId)) return builtInTemplateItems(templateId, user.language);
    const [row]: TemplateRow[] = UUID.test(templateId)
      ? await this.dataSource.query(`SELECT id, name, items, created_at FROM board_templates WHERE id = $1`, [templateId])
      : [];
    if (!row) throw AppException.validation([{ field: 'templateId', problems: [`no template "${templateId}"`] }]);
    return row.items;
  }

  /** Admins save a board's frames and text blocks (never its notes: those are people's words) as a template. */
  async save(user: AuthenticatedUser, boardId: string, name: string): Promise<BoardTemplate> {
    if (!isAdmin(user)) throw AppException.forbidden('Only administrators can save templates');
    const [board] = await this.dataSource.query(`SELECT space_id, doc_name FROM boards WHERE id = $1`, [boardId]);
    if (!board || !(await this.spaceAccess.accessFor(user.id, board.space_id))) throw AppException.notFound('Board');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.documents.readState(board.doc_name));
    const items = boardAsTemplate(readBoard(doc));
    const [row]: TemplateRow[] = await this.dataSource.query(
      `INSERT INTO board_templates (id, name, items, created_by) VALUES ($1, $2, $3, $4) RETURNING id, name, items, created_at`,
      [randomUUID(), name.trim(), JSON.stringify(items), user.id],
    );
    return toTemplate(row);
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    if (!isAdmin(user)) throw AppException.forbidden('Only administrators can delete templates');
    const [, count] = await this.dataSource.query(`DELETE FROM board_templates WHERE id = $1`, [id]);
    if (count === 0) throw AppException.notFound('Template');
  }
}

function toTemplate(row: TemplateRow): BoardTemplate {
  return {
    id: row.id,
    builtIn: false,
    name: row.name,
    frames: row.items.filter((i) => i.type === 'frame').map((i) => i.text),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
