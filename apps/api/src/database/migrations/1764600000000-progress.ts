import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The project management view: work-package objectives, tasks and milestones per organisation
 * (with sub-tasks and linked model descriptions), each organisation's planned budget, and the
 * actual costs entered per month and category.
 */
export class Progress1764600000000 implements MigrationInterface {
  name = 'Progress1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_packages ADD COLUMN objective text NOT NULL DEFAULT ''`);
    await q.query(`
      CREATE TABLE progress_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        work_package_id uuid NOT NULL REFERENCES work_packages(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES progress_tasks(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('task', 'milestone')),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        starts_on date,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'on-track', 'at-risk', 'delayed', 'done')),
        percent integer NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_on IS NULL OR starts_on <= due_on)
      )`);
    await q.query(`CREATE INDEX ix_progress_tasks_wp ON progress_tasks (work_package_id, due_on)`);
    await q.query(`CREATE INDEX ix_progress_tasks_parent ON progress_tasks (parent_id)`);
    await q.query(`
      CREATE TABLE progress_task_models (
        task_id uuid NOT NULL REFERENCES progress_tasks(id) ON DELETE CASCADE,
        model_id uuid NOT NULL REFERENCES model_descriptions(id) ON DELETE CASCADE,
        PRIMARY KEY (task_id, model_id)
      )`);
    await q.query(`
      CREATE TABLE progress_budgets (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        net_costs numeric(12, 2) NOT NULL CHECK (net_costs >= 0),
        own_share numeric(12, 2) NOT NULL CHECK (own_share >= 0),
        eu_share numeric(12, 2) NOT NULL CHECK (eu_share >= 0),
        CHECK (own_share + eu_share = net_costs)
      )`);
    await q.query(`
      CREATE TABLE progress_costs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        period date NOT NULL CHECK (extract(day FROM period) = 1),
        category text NOT NULL CHECK (category IN ('personnel', 'services', 'travel', 'equipment', 'other')),
        amount numeric(12, 2) NOT NULL CHECK (amount <> 0),
        note text NOT NULL DEFAULT '',
        entered_by uuid REFERENCES users(id) ON DELETE SET NULL,
        entered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_progress_costs_org ON progress_costs (organisation_id, period)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['progress_costs', 'progress_budgets', 'progress_task_models', 'progress_tasks']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE work_packages DROP COLUMN IF EXISTS objective`);
  }
}
