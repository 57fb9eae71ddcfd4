import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Model descriptions (Innokylä format): the row that lists and filters them, their phase
 * history and named versions, the configurable phase list, a lock on collaborative documents,
 * and Finnish full-text search over the documents' projections.
 */
export class ModelDescriptions1764200000000 implements MigrationInterface {
  name = 'ModelDescriptions1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE model_phases (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9-]{0,39}$'),
        position int NOT NULL,
        label_fi text NOT NULL,
        label_sv text NOT NULL,
        label_en text NOT NULL
      )`);
    await q.query(`
      INSERT INTO model_phases (key, position, label_fi, label_sv, label_en) VALUES
        ('idea', 1, 'Idea', 'Idé', 'Idea'),
        ('in-development', 2, 'Kehitteillä', 'Under utveckling', 'In development'),
        ('piloting', 3, 'Pilotoinnissa', 'Pilotering', 'Piloting'),
        ('ready', 4, 'Valmis', 'Färdig', 'Ready'),
        ('established', 5, 'Vakiintunut', 'Etablerad', 'Established')`);
    // A locked document is read-only for everyone (e.g. once published).
    await q.query(`ALTER TABLE collab_documents ADD COLUMN locked boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE model_descriptions (
        id uuid PRIMARY KEY,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        doc_name text NOT NULL UNIQUE REFERENCES collab_documents(name) ON DELETE CASCADE,
        name text NOT NULL,
        phase text NOT NULL REFERENCES model_phases(key) ON UPDATE CASCADE,
        work_packages text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        name_search tsvector GENERATED ALWAYS AS (to_tsvector('finnish', name)) STORED
      )`);
    await q.query(`CREATE INDEX ix_model_descriptions_space ON model_descriptions (space_id, updated_at DESC)`);
    await q.query(`CREATE INDEX ix_model_descriptions_tags ON model_descriptions USING gin (tags)`);
    await q.query(`CREATE INDEX ix_model_descriptions_wps ON model_descriptions USING gin (work_packages)`);
    await q.query(`CREATE INDEX ix_model_descriptions_name_search ON model_descriptions USING gin (name_search)`);
    await q.query(`
      CREATE TABLE model_phase_changes (
        id bigserial PRIMARY KEY,
        model_id uuid NOT NULL REFERENCES model_descriptions(id) ON DELETE CASCADE,
        from_phase text,
        to_phase text NOT NULL,
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_model_phase_changes_model ON model_phase_changes (model_id, id)`);
    await q.query(`
      CREATE TABLE model_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        model_id uuid NOT NULL REFERENCES model_descriptions(id) ON DELETE CASCADE,
        number int NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('manual', 'phase', 'restore')),
        state bytea NOT NULL,
        content jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (model_id, number)
      )`);
    await q.query(`ALTER TABLE collab_projections ADD COLUMN meta jsonb NOT NULL DEFAULT '{}'`);
    // Search over model documents' text only (boards are not searched this way). tsvector holds
    // at most 1 MB, so very long texts are searched by their first 300,000 characters.
    await q.query(`
      ALTER TABLE collab_projections ADD COLUMN search tsvector GENERATED ALWAYS AS (
        CASE WHEN doc_name LIKE 'model.%' THEN to_tsvector('finnish', left(text, 300000)) END
      ) STORED`);
    await q.query(`CREATE INDEX ix_collab_projections_search ON collab_projections USING gin (search)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_collab_projections_search`);
    await q.query(`ALTER TABLE collab_projections DROP COLUMN IF EXISTS search`);
    await q.query(`ALTER TABLE collab_projections DROP COLUMN IF EXISTS meta`);
    for (const table of ['model_versions', 'model_phase_changes', 'model_descriptions', 'model_phases']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE collab_documents DROP COLUMN IF EXISTS locked`);
  }
}
