import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The peer-learning material library: materials (files, links, notes) in a space, the stored
 * versions of uploaded files, "useful" marks, ordered collections, and stored objects waiting to
 * be deleted. Finnish full-text search covers title, tags, description, note text and the text
 * extracted from the current file.
 */
export class Materials1764500000000 implements MigrationInterface {
  name = 'Materials1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE materials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('file', 'link', 'note')),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        tags text[] NOT NULL DEFAULT '{}',
        work_packages text[] NOT NULL DEFAULT '{}',
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        type text NOT NULL DEFAULT 'other' CHECK (type IN ('guide', 'slides', 'measure', 'experiment-report', 'recording', 'other')),
        language text NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en', 'other')),
        url text,
        body text,
        current_file_id uuid,
        extracted_text text NOT NULL DEFAULT '',
        view_count integer NOT NULL DEFAULT 0,
        download_count integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector NOT NULL DEFAULT ''::tsvector,
        CHECK ((kind = 'link') = (url IS NOT NULL)),
        CHECK ((kind = 'note') = (body IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_materials_space ON materials (space_id, updated_at DESC)`);
    await q.query(`CREATE INDEX ix_materials_tags ON materials USING gin (tags)`);
    await q.query(`CREATE INDEX ix_materials_wps ON materials USING gin (work_packages)`);
    await q.query(`CREATE INDEX ix_materials_search ON materials USING gin (search_vector)`);
    // Weights: title and tags A, description B, note text and link C, the file's text D. A text so
    // long that its vector passes PostgreSQL's 1 MB limit is indexed by its beginning instead.
    await q.query(`
      CREATE FUNCTION materials_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head tsvector := setweight(to_tsvector('finnish', NEW.title), 'A')
          || setweight(to_tsvector('finnish', array_to_string(NEW.tags, ' ')), 'A')
          || setweight(to_tsvector('finnish', NEW.description), 'B')
          || setweight(to_tsvector('finnish', coalesce(NEW.body, '') || ' ' || coalesce(NEW.url, '')), 'C');
      BEGIN
        BEGIN
          NEW.search_vector := head || setweight(to_tsvector('finnish', left(NEW.extracted_text, 400000)), 'D');
        EXCEPTION WHEN program_limit_exceeded THEN
          NEW.search_vector := head || setweight(to_tsvector('finnish', left(NEW.extracted_text, 40000)), 'D');
        END;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER materials_search_vector BEFORE INSERT OR UPDATE OF title, tags, description, body, url, extracted_text
        ON materials FOR EACH ROW EXECUTE FUNCTION materials_search_vector()`);
    await q.query(`
      CREATE TABLE material_files (
        id uuid PRIMARY KEY,
        material_id uuid NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
        version integer NOT NULL,
        filename text NOT NULL,
        format text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL,
        preview_key text,
        status text NOT NULL CHECK (status IN ('pending', 'clean', 'rejected')),
        processing text NOT NULL CHECK (processing IN ('pending', 'done', 'failed', 'none')),
        processing_attempts integer NOT NULL DEFAULT 0,
        process_after timestamptz NOT NULL DEFAULT now(),
        extracted_text text,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (material_id, version)
      )`);
    // The background job picks work by this index (scan pending, or text/preview pending).
    await q.query(`
      CREATE INDEX ix_material_files_work ON material_files (process_after)
        WHERE status = 'pending' OR (status = 'clean' AND processing = 'pending')`);
    await q.query(`
      ALTER TABLE materials ADD CONSTRAINT fk_materials_current_file
        FOREIGN KEY (current_file_id) REFERENCES material_files(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`
      CREATE TABLE material_useful_marks (
        material_id uuid NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (material_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE material_collections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_material_collections_space ON material_collections (space_id, updated_at DESC)`);
    await q.query(`
      CREATE TABLE material_collection_items (
        collection_id uuid NOT NULL REFERENCES material_collections(id) ON DELETE CASCADE,
        material_id uuid NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
        position integer NOT NULL,
        PRIMARY KEY (collection_id, material_id)
      )`);
    await q.query(`CREATE INDEX ix_material_collection_items_material ON material_collection_items (material_id)`);
    // Objects of deleted materials: removed from storage after the deleting transaction commits,
    // retried by the background job until storage confirms.
    await q.query(`
      CREATE TABLE material_orphan_objects (
        storage_key text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['material_orphan_objects', 'material_collection_items', 'material_collections', 'material_useful_marks']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE materials DROP CONSTRAINT IF EXISTS fk_materials_current_file`);
    await q.query(`DROP TABLE IF EXISTS material_files`);
    await q.query(`DROP TABLE IF EXISTS materials`);
    await q.query(`DROP FUNCTION IF EXISTS materials_search_vector()`);
  }
}
