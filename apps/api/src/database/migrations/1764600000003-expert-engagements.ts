import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tasks of experience experts entered for fees and travel (workshop attendance is already recorded). */
export class ExpertEngagements1764600000003 implements MigrationInterface {
  name = 'ExpertEngagements1764600000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expert_engagements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        expert_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        happened_on date NOT NULL,
        description text NOT NULL,
        hours numeric(5, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
        travel_costs numeric(8, 2) NOT NULL DEFAULT 0 CHECK (travel_costs >= 0),
        entered_by uuid REFERENCES users(id) ON DELETE SET NULL,
        entered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_expert_engagements ON expert_engagements (happened_on, expert_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS expert_engagements`);
  }
}
