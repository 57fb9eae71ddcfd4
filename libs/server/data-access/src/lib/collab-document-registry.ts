import { Injectable } from '@nestjs/common';
import { collabDocName, type CollabDocKind } from '@kehittamo/shared/collab-protocol';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Every collaborative document is registered with the space it belongs to, so access to
 * it is always decided by rights in that space. Features (boards, model descriptions)
 * register their documents here when they create them.
 */
@Injectable()
export class CollabDocumentRegistry {
  constructor(private readonly dataSource: DataSource) {}

  async register(manager: EntityManager, kind: CollabDocKind, id: string, spaceId: string): Promise<string> {
    const name = collabDocName(kind, id);
    await manager.query(`INSERT INTO collab_documents (name, kind, space_id) VALUES ($1, $2, $3)`, [name, kind, spaceId]);
    return name;
  }

  /** The space of a registered document, or null when there is no such document. */
  async spaceOf(name: string): Promise<string | null> {
    return (await this.lookup(name))?.spaceId ?? null;
  }

  /** A registered document's space and whether it is locked (read-only for everyone); null when there is none. */
  async lookup(name: string): Promise<{ spaceId: string; locked: boolean } | null> {
    const [row] = await this.dataSource.query(`SELECT space_id, locked FROM collab_documents WHERE name = $1`, [name]);
    return row ? { spaceId: row.space_id, locked: row.locked } : null;
  }

  /**
   * The user's part in workshops that work on this board (its own board or one its agenda
   * links to): 'facilitator' wins over 'participant'; null when none.
   */
  async workshopRole(userId: string, name: string): Promise<'facilitator' | 'participant' | null> {
    if (!name.startsWith('board.')) return null;
    const [row] = await this.dataSource.query(
      `SELECT bool_or(p.facilitator) AS facilitator
         FROM boards b
         JOIN workshops w ON w.space_id = b.space_id
          AND (w.main_board_id = b.id OR w.agenda @> jsonb_build_array(jsonb_build_object('boardId', b.id::text)))
         JOIN workshop_people p ON p.workshop_id = w.id AND p.user_id = $2
        WHERE b.doc_name = $1`,
      [name, userId],
    );
    if (row?.facilitator === null || row?.facilitator === undefined) return null;
    return row.facilitator ? 'facilitator' : 'participant';
  }

  async setLocked(manager: EntityManager, name: string, locked: boolean): Promise<void> {
    await manager.query(`UPDATE collab_documents SET locked = $2 WHERE name = $1`, [name, locked]);
  }
}
