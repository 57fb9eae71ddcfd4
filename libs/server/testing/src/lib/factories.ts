import { defaultSpaceAccess, type OrganisationRole } from '@kehittamo/shared/domain';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface BuiltUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  organisationId: string;
}

/** A precomputed argon2id hash of {@link FACTORY_PASSWORD}, so factories stay fast. */
export const FACTORY_PASSWORD = 'factory-password-1';
let factoryHash: Promise<string> | undefined;

/**
 * Inserts a user with a role in the organisation (by short name) and the space rights
 * that role gets, exactly as accepting an invitation would.
 */
export async function buildUser(
  db: DataSource,
  hashPassword: (password: string) => Promise<string>,
  options: { role: OrganisationRole; organisation: string; displayName?: string; roleVisible?: boolean },
): Promise<BuiltUser> {
  factoryHash ??= hashPassword(FACTORY_PASSWORD);
  const suffix = randomBytes(4).toString('hex');
  const email = `${options.role}-${suffix}@test.kehittamo.fi`;
  const displayName = options.displayName ?? `${options.role} ${suffix}`;
  const [organisation] = await db.query(`SELECT id FROM organisations WHERE short_name = $1`, [options.organisation]);
  if (!organisation) throw new Error(`No organisation ${options.organisation}`);
  const [user] = await db.query(
    `INSERT INTO users (email, password_hash, display_name) VALUES ($1, $2, $3) RETURNING id`,
    [email, await factoryHash, displayName],
  );
  await db.query(`INSERT INTO memberships (user_id, organisation_id, role, role_visible) VALUES ($1, $2, $3, $4)`, [
    user.id,
    organisation.id,
    options.role,
    options.roleVisible ?? true,
  ]);
  await db.query(
    `INSERT INTO space_members (space_id, user_id, access)
     SELECT id, $1, $2 FROM spaces WHERE kind = 'project' OR organisation_id = $3
     ON CONFLICT DO NOTHING`,
    [user.id, defaultSpaceAccess(options.role), organisation.id],
  );
  return { id: user.id, email, password: FACTORY_PASSWORD, displayName, organisationId: organisation.id };
}
