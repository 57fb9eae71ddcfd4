import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, organisations, spaces, sessions, invitations, resets, audit, project. */
export class FoundationSchema1764000000000 implements MigrationInterface {
  name = 'FoundationSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        short_name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('main', 'region', 'other')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        display_name text NOT NULL,
        real_name text,
        language text NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'developer', 'facilitator', 'expert', 'observer')),
        role_visible boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_memberships_user_organisation UNIQUE (user_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX ix_memberships_organisation ON memberships (organisation_id)`);
    await q.query(`
      CREATE TABLE spaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        kind text NOT NULL CHECK (kind IN ('project', 'organisation')),
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'organisation') = (organisation_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE space_members (
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        access text NOT NULL CHECK (access IN ('edit', 'comment', 'view')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_space_members_user ON space_members (user_id)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        email text NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        role text NOT NULL,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_invitations_organisation ON invitations (organisation_id)`);
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action text NOT NULL,
        actor_id uuid,
        target_type text,
        target_id uuid,
        organisation_id uuid,
        detail jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_audit_events_created_at ON audit_events (created_at)`);
    await q.query(`CREATE INDEX ix_audit_events_organisation ON audit_events (organisation_id, created_at)`);
    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL
      )`);
    await q.query(`
      CREATE TABLE work_packages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        position int NOT NULL DEFAULT 0,
        UNIQUE (project_id, code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'work_packages',
      'projects',
      'audit_events',
      'password_resets',
      'invitations',
      'sessions',
      'space_members',
      'spaces',
      'memberships',
      'users',
      'organisations',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
