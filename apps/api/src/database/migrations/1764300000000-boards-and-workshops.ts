import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Boards grow settings and templates; workshops run on them. Live state is one JSON value
 * per workshop (changed under a row lock); votes, private notes, hands and pause requests,
 * attendance and feedback are rows. Feedback rows carry no user: who answered is kept apart
 * only to refuse a second answer.
 */
export class BoardsAndWorkshops1764300000000 implements MigrationInterface {
  name = 'BoardsAndWorkshops1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE boards ADD COLUMN anonymous boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE board_templates (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        items jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE workshops (
        id uuid PRIMARY KEY,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        location text NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        main_board_id uuid NOT NULL REFERENCES boards(id) ON DELETE RESTRICT,
        agenda jsonb NOT NULL DEFAULT '[]',
        live jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_workshops_space ON workshops (space_id, starts_at)`);
    await q.query(`CREATE INDEX ix_workshops_main_board ON workshops (main_board_id)`);
    await q.query(`
      CREATE TABLE workshop_people (
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        facilitator boolean NOT NULL DEFAULT false,
        PRIMARY KEY (workshop_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_workshop_people_user ON workshop_people (user_id)`);
    await q.query(`
      CREATE TABLE workshop_models (
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        model_id uuid NOT NULL REFERENCES model_descriptions(id) ON DELETE CASCADE,
        PRIMARY KEY (workshop_id, model_id)
      )`);
    await q.query(`
      CREATE TABLE workshop_votes (
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        voting_id text NOT NULL,
        item_id text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        votes integer NOT NULL CHECK (votes > 0),
        PRIMARY KEY (workshop_id, voting_id, item_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE workshop_vote_results (
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        voting_id text NOT NULL,
        board_id uuid NOT NULL,
        item_id text NOT NULL,
        votes integer NOT NULL,
        PRIMARY KEY (workshop_id, voting_id, item_id)
      )`);
    await q.query(`
      CREATE TABLE workshop_private_notes (
        id uuid PRIMARY KEY,
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        text text NOT NULL,
        colour text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_workshop_private_notes ON workshop_private_notes (workshop_id, user_id)`);
    await q.query(`
      CREATE TABLE workshop_signals (
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('hand', 'pause')),
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workshop_id, user_id, kind)
      )`);
    await q.query(`
      CREATE TABLE workshop_attendance (
        id bigserial PRIMARY KEY,
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        connection_id text NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_workshop_attendance ON workshop_attendance (workshop_id, user_id, joined_at)`);
    await q.query(`CREATE INDEX ix_workshop_attendance_open ON workshop_attendance (connection_id) WHERE left_at IS NULL`);
    await q.query(`
      CREATE TABLE workshop_feedback (
        id bigserial PRIMARY KEY,
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        heard smallint NOT NULL CHECK (heard BETWEEN 0 AND 10),
        mattered smallint NOT NULL CHECK (mattered BETWEEN 0 AND 10),
        suited smallint NOT NULL CHECK (suited BETWEEN 0 AND 10),
        overall smallint NOT NULL CHECK (overall BETWEEN 0 AND 10)
      )`);
    await q.query(`CREATE INDEX ix_workshop_feedback ON workshop_feedback (workshop_id)`);
    await q.query(`CREATE INDEX ix_workshop_feedback_org ON workshop_feedback (organisation_id)`);
    await q.query(`
      CREATE TABLE workshop_feedback_given (
        workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (workshop_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'workshop_feedback_given',
      'workshop_feedback',
      'workshop_attendance',
      'workshop_signals',
      'workshop_private_notes',
      'workshop_vote_results',
      'workshop_votes',
      'workshop_models',
      'workshop_people',
      'workshops',
      'board_templates',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE boards DROP COLUMN IF EXISTS anonymous`);
  }
}
