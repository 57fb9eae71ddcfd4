import { MigrationInterface, QueryRunner } from 'typeorm';

/** Result and impact indicators, and the values the organisations enter per quarter. */
export class ProgressIndicators1764600000002 implements MigrationInterface {
  name = 'ProgressIndicators1764600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE progress_indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        unit text NOT NULL,
        description text NOT NULL DEFAULT '',
        source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'workshops-held', 'expert-contributions', 'models-ready')),
        target numeric(14, 2),
        baseline numeric(14, 2),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE progress_indicator_values (
        indicator_id uuid NOT NULL REFERENCES progress_indicators(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        period date NOT NULL,
        value numeric(14, 2) NOT NULL,
        entered_by uuid REFERENCES users(id) ON DELETE SET NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (indicator_id, organisation_id, period)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS progress_indicator_values`);
    await q.query(`DROP TABLE IF EXISTS progress_indicators`);
  }
}
