import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kehittamo/server/core';
import { CollabDocumentRegistry, SpaceAccessService } from '@kehittamo/server/data-access';
import type { Board } from '@kehittamo/shared/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CreateBoardDto } from './dto/create-board.dto';

interface BoardRow {
  id: string;
  space_id: string;
  title: string;
  doc_name: string;
  created_at: Date;
}

const toBoard = (r: BoardRow): Board => ({
  id: r.id,
  spaceId: r.space_id,
  title: r.title,
  doc: r.doc_name,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The minimal board: a title and a Yjs document in a space (the boards issue extends it). */
@Injectable()
export class BoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaceAccess: SpaceAccessService,
    private readonly registry: CollabDocumentRegistry,
  ) {}

  async create(user: AuthenticatedUser, dto: CreateBoardDto): Promise<Board> {
    await this.spaceAccess.requireAccess(user, dto.spaceId, 'edit');
    const id = randomUUID();
    const row = await this.dataSource.transaction(async (manager) => {
      const doc = await this.registry.register(manager, 'board', id, dto.spaceId);
      const [created]: BoardRow[] = await manager.query(
        `INSERT INTO boards (id, space_id, title, doc_name, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, space_id, title, doc_name, created_at`,
        [id, dto.spaceId, dto.title.trim(), doc, user.id],
      );
      return created;
    });
    return toBoard(row);
  }

  async listInSpace(user: AuthenticatedUser, spaceId: string): Promise<Board[]> {
    await this.spaceAccess.requireAccess(user, spaceId, 'view');
    const rows: BoardRow[] = await this.dataSource.query(
      `SELECT id, space_id, title, doc_name, created_at FROM boards WHERE space_id = $1 ORDER BY created_at DESC`,
      [spaceId],
    );
    return rows.map(toBoard);
  }
}
