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

  async setLocked(manager: EntityManager, name: string, locked: boolean): Promise<void> {
    await manager.query(`UPDATE collab_documents SET locked = $2 WHERE name = $1`, [name, locked]);
  }
}
