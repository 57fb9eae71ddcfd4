import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The collaborative-document registry (every Yjs document belongs to a space), its
 * storage (append log + snapshot), derived projections and single-use connection tokens.
 */
export class CollabDocuments1764100000000 implements MigrationInterface {
  name = 'CollabDocuments1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collab_documents (
        name text PRIMARY KEY CHECK (name ~ '^(model|board)\\.[0-9a-f-]{36}$'),
        kind text NOT NULL CHECK (kind IN ('model', 'board')),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_collab_documents_space ON collab_documents (space_id)`);
    await q.query(`
      CREATE TABLE collab_updates (
        id bigserial PRIMARY KEY,
        doc_name text NOT NULL REFERENCES collab_documents(name) ON DELETE CASCADE,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_collab_updates_doc ON collab_updates (doc_name, id)`);
    await q.query(`
      CREATE TABLE collab_snapshots (
        doc_name text PRIMARY KEY REFERENCES collab_documents(name) ON DELETE CASCADE,
        state bytea NOT NULL,
        last_update_id bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE collab_projections (
        doc_name text PRIMARY KEY REFERENCES collab_documents(name) ON DELETE CASCADE,
        text text NOT NULL DEFAULT '',
        json jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE collab_tokens (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        doc_name text NOT NULL REFERENCES collab_documents(name) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['collab_tokens', 'collab_projections', 'collab_snapshots', 'collab_updates', 'collab_documents']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
