import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Faster model description search. Matching uses only the GIN index of the whole text (no
 * reading of each text's tsvector out of TOAST), and ranking uses the opening of the text
 * (short description and the start of the basic idea, first 3,000 characters): ranking the
 * whole text of hundreds of matches cost more than the rest of a search together.
 */
export class ModelSearchRanking1764200000001 implements MigrationInterface {
  name = 'ModelSearchRanking1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE collab_projections ADD COLUMN lead tsvector GENERATED ALWAYS AS (
        CASE WHEN doc_name LIKE 'model.%' THEN to_tsvector('finnish', left(text, 3000)) END
      ) STORED`);
    // The planner counts pages, not the TOAST reads a sequential scan of tsvectors makes, and
    // would scan every text for a common word; inside this function it has to use the index.
    await q.query(`
      CREATE FUNCTION model_search_matches(query tsquery) RETURNS SETOF text
        LANGUAGE sql STABLE SET enable_seqscan = off
        AS $$ SELECT doc_name FROM collab_projections WHERE search @@ query $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS model_search_matches(tsquery)`);
    await q.query(`ALTER TABLE collab_projections DROP COLUMN IF EXISTS lead`);
  }
}
