import { MigrationInterface, QueryRunner } from 'typeorm';

/** The minimal board: a title in a space, with its Yjs document. The boards issue extends it. */
export class Boards1764100000001 implements MigrationInterface {
  name = 'Boards1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE boards (
        id uuid PRIMARY KEY,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        title text NOT NULL,
        doc_name text NOT NULL UNIQUE REFERENCES collab_documents(name) ON DELETE CASCADE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_boards_space ON boards (space_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS boards`);
  }
}
