import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredDocument {
  /** Snapshot first, then the updates after it, in order. */
  updates: Uint8Array[];
  /** Updates stored after the snapshot, their bytes and when the oldest was stored (drive compaction). */
  tailCount: number;
  tailBytes: number;
  tailSince: number | null;
  /** Ids of the log rows in `updates` (after the snapshot). */
  tailIds: string[];
  /** Bytes of snapshot + tail (drives the size cap). */
  bytes: number;
}

export interface DocumentProjection {
  text: string;
  json: unknown;
  /** A small summary lists read instead of the whole JSON (model descriptions: completeness). */
  meta?: unknown;
}

/**
 * PostgreSQL storage of Yjs documents: an append log of updates plus a snapshot.
 * Loading is snapshot + tail; compaction folds the tail into a new snapshot.
 */
@Injectable()
export class DocumentStore {
  constructor(private readonly db: DataSource) {}

  async load(docName: string): Promise<StoredDocument> {
    const [snapshot] = await this.db.query(
      `SELECT state, last_update_id FROM collab_snapshots WHERE doc_name = $1`,
      [docName],
    );
    // Every row still in the log is outside the snapshot (compaction deletes exactly the rows
    // it folded in), whatever its id: rows of concurrent writers may commit out of id order.
    const tail: { id: string; data: Buffer; created_at: Date }[] = await this.db.query(
      `SELECT id, data, created_at FROM collab_updates WHERE doc_name = $1 ORDER BY id`,
      [docName],
    );
    const updates = [...(snapshot ? [snapshot.state as Buffer] : []), ...tail.map((r) => r.data)].map(
      (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
    );
    return {
      updates,
      tailCount: tail.length,
      tailBytes: tail.reduce((n, r) => n + r.data.byteLength, 0),
      tailSince: tail.length > 0 ? tail[0].created_at.getTime() : null,
      tailIds: tail.map((r) => String(r.id)),
      bytes: updates.reduce((n, u) => n + u.byteLength, 0),
    };
  }

  /**
   * The first content of a new document (an import, demo data), written in the caller's
   * transaction together with its projection, so it is listed and searchable at once.
   */
  async writeInitial(manager: EntityManager, docName: string, update: Uint8Array, projection: DocumentProjection): Promise<void> {
    await manager.query(`INSERT INTO collab_updates (doc_name, data) VALUES ($1, $2)`, [docName, Buffer.from(update)]);
    await this.writeProjection(manager.query.bind(manager), docName, projection);
  }

  /** Fails when the document tables cannot be read (readiness uses it after a failed load). */
  async probe(): Promise<void> {
    await this.db.query(`SELECT 1 FROM collab_snapshots LIMIT 0`);
    await this.db.query(`SELECT 1 FROM collab_updates LIMIT 0`);
  }

  /** Appends updates in one statement (one round trip per flush, whatever the count); returns the new rows' ids. */
  async append(docName: string, updates: Uint8Array[]): Promise<string[]> {
    if (updates.length === 0) return [];
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO collab_updates (doc_name, data) SELECT $1, unnest($2::bytea[]) RETURNING id`,
      [docName, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    );
    return rows.map((r) => String(r.id));
  }

  /**
   * Replaces snapshot + log with one snapshot. The stored state is read, `build` turns it into
   * the new snapshot (on a worker thread: it may take a while, and no transaction is open
   * meanwhile), then one short transaction writes it and deletes exactly the rows read — so rows
   * stored meanwhile (even with lower ids, committed late by another instance) stay in the log.
   * Only one instance compacts a document at a time (advisory lock), and if the snapshot changed
   * since it was read (another instance compacted), nothing is written.
   */
  async compact(
    docName: string,
    build: (stored: { updates: Uint8Array[]; rows: { id: string; data: Uint8Array }[] }) => Promise<{ state: Uint8Array; projection: DocumentProjection }>,
  ): Promise<{ compactedRows: string[]; compactedBytes: number } | null> {
    const [snapshot] = await this.db.query(`SELECT state, updated_at::text AS version FROM collab_snapshots WHERE doc_name = $1`, [docName]);
    const tail: { id: string; data: Buffer }[] = await this.db.query(`SELECT id, data FROM collab_updates WHERE doc_name = $1 ORDER BY id`, [docName]);
    if (tail.length === 0) return { compactedRows: [], compactedBytes: 0 };
    const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    const rows = tail.map((r) => ({ id: String(r.id), data: view(r.data) }));
    const { state, projection } = await build({ updates: [...(snapshot ? [view(snapshot.state)] : []), ...rows.map((r) => r.data)], rows });
    return this.db.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [`collab:${docName}`]);
      if (!locked) return null;
      const [current] = await manager.query(`SELECT updated_at::text AS version FROM collab_snapshots WHERE doc_name = $1`, [docName]);
      if (current?.version !== snapshot?.version) return null;
      await manager.query(
        `INSERT INTO collab_snapshots (doc_name, state, last_update_id, updated_at) VALUES ($1, $2, $3, clock_timestamp())
         ON CONFLICT (doc_name) DO UPDATE SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id, updated_at = clock_timestamp()`,
        [docName, Buffer.from(state.buffer, state.byteOffset, state.byteLength), tail[tail.length - 1].id],
      );
      await manager.query(`DELETE FROM collab_updates WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      await this.writeProjection(manager.query.bind(manager), docName, projection);
      return { compactedRows: rows.map((r) => r.id), compactedBytes: rows.reduce((n, r) => n + r.data.byteLength, 0) };
    });
  }

  /** Plain text and JSON of the document, for search and export without loading a Y.Doc. */
  async saveProjection(docName: string, projection: DocumentProjection): Promise<void> {
    await this.writeProjection(this.db.query.bind(this.db), docName, projection);
  }

  private async writeProjection(
    query: (sql: string, params: unknown[]) => Promise<unknown>,
    docName: string,
    projection: DocumentProjection,
  ): Promise<void> {
    // PostgreSQL text and jsonb refuse U+0000, which an editor can type: drop it from the copies.
    const text = projection.text.replaceAll('\u0000', '');
    const withoutNul = (_key: string, value: unknown) => (typeof value === 'string' ? value.replaceAll('\u0000', '') : value);
    const json = JSON.stringify(projection.json, withoutNul);
    const meta = JSON.stringify(projection.meta ?? {}, withoutNul);
    await query(
      `INSERT INTO collab_projections (doc_name, text, json, meta, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (doc_name) DO UPDATE SET text = EXCLUDED.text, json = EXCLUDED.json, meta = EXCLUDED.meta, updated_at = now()`,
      [docName, text, json, meta],
    );
  }
}
