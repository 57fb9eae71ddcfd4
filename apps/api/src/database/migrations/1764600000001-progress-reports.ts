import { MigrationInterface, QueryRunner } from 'typeorm';

/** Periodic progress reports per organisation and quarter, with the history of every step. */
export class ProgressReports1764600000001 implements MigrationInterface {
  name = 'ProgressReports1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
        done text NOT NULL DEFAULT '',
        next text NOT NULL DEFAULT '',
        risks text NOT NULL DEFAULT '',
        support text NOT NULL DEFAULT '',
        coordinator_comment text NOT NULL DEFAULT '',
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, starts_on),
        CHECK (starts_on < ends_on)
      )`);
    await q.query(`
      CREATE TABLE progress_report_events (
        id bigserial PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES progress_reports(id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('created', 'edited', 'submitted', 'approved', 'returned')),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        comment text NOT NULL DEFAULT '',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_progress_report_events_report ON progress_report_events (report_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS progress_report_events`);
    await q.query(`DROP TABLE IF EXISTS progress_reports`);
  }
}
