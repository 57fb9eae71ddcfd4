import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comment threads on models, board notes and workshops; their comments, mentions, reactions
 * and outcomes; notifications and each user's e-mail choice. A withdrawn comment keeps only a
 * tombstone (no text, no author) so replies stay readable. Comment text is searched with the
 * language-neutral `simple` configuration (comments mix Finnish, Swedish and English).
 */
export class CommentsAndNotifications1764400000000 implements MigrationInterface {
  name = 'CommentsAndNotifications1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comment_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        target_kind text NOT NULL CHECK (target_kind IN ('model', 'board-note', 'workshop', 'material')),
        target_id uuid NOT NULL,
        target_part text,
        anchor jsonb,
        private boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_comment_threads_target ON comment_threads (target_kind, target_id, last_activity_at DESC)`);
    await q.query(`CREATE INDEX ix_comment_threads_space ON comment_threads (space_id, last_activity_at DESC)`);
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        expert_badge boolean NOT NULL DEFAULT false,
        visibility text NOT NULL CHECK (visibility IN ('space', 'facilitators')),
        state text NOT NULL DEFAULT 'published' CHECK (state IN ('published', 'held', 'hidden', 'withdrawn')),
        hidden_reason text,
        hidden_by uuid REFERENCES users(id) ON DELETE SET NULL,
        hidden_at timestamptz,
        outcome text CHECK (outcome IN ('accepted', 'changed', 'not-adopted')),
        outcome_reason text,
        outcome_by uuid REFERENCES users(id) ON DELETE SET NULL,
        outcome_at timestamptz,
        outcome_version_id uuid REFERENCES model_versions(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', left(body, 100000))) STORED
      )`);
    await q.query(`CREATE INDEX ix_comments_thread ON comments (thread_id, created_at)`);
    await q.query(`CREATE INDEX ix_comments_author ON comments (author_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_comments_search ON comments USING gin (search)`);
    await q.query(`
      CREATE TABLE comment_mentions (
        comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (comment_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_comment_mentions_user ON comment_mentions (user_id)`);
    await q.query(`
      CREATE TABLE comment_reactions (
        comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reaction text NOT NULL CHECK (reaction IN ('thumbs-up', 'heart', 'idea', 'thanks')),
        PRIMARY KEY (comment_id, user_id, reaction)
      )`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('mention', 'reply', 'outcome', 'version', 'resolved', 'review')),
        thread_id uuid NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
        comment_id uuid REFERENCES comments(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_notifications_user ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_notifications_unmailed ON notifications (user_id) WHERE emailed_at IS NULL AND read_at IS NULL`);
    await q.query(`
      ALTER TABLE users
        ADD COLUMN email_notifications text NOT NULL DEFAULT 'daily' CHECK (email_notifications IN ('immediately', 'daily', 'off')),
        ADD COLUMN last_digest_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'comment_reactions', 'comment_mentions', 'comments', 'comment_threads']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS email_notifications, DROP COLUMN IF EXISTS last_digest_at`);
  }
}
