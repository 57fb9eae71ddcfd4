import { Logger } from '@nestjs/common';
import { hashPassword } from '@kehittamo/server/auth';
import type { AppConfig } from '@kehittamo/server/core';
import { defaultSpaceAccess, type OrganisationKind, type OrganisationRole } from '@kehittamo/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { seedDemoComments } from './demo-comments';
import { seedDemoMaterials } from './demo-materials';
import { seedDemoProgress, seedProgressPlan } from './progress-seed';
import { seedDemoModels } from './demo-models';
import { seedDemoWorkshop } from './demo-workshops';

/** The project this platform was built for (facts from the project plan). */
const PROJECT = { name: 'Matkalla riittävään vanhemmuuteen', startsOn: '2024-08-01', endsOn: '2026-12-31' };

const ORGANISATIONS: { key: string; name: string; shortName: string; kind: OrganisationKind }[] = [
  { key: 'iso', name: 'Itä-Suomen sosiaalialan osaamiskeskus', shortName: 'ISO', kind: 'main' },
  { key: 'esavo', name: 'Etelä-Savon hyvinvointialue', shortName: 'ESAVO', kind: 'region' },
  { key: 'kainuu', name: 'Kainuun hyvinvointialue', shortName: 'KAINUU', kind: 'region' },
  { key: 'psavo', name: 'Pohjois-Savon hyvinvointialue', shortName: 'PSAVO', kind: 'region' },
];

const WORK_PACKAGES = [
  { code: 'TP1', name: 'Monialainen tiimi vanhemmuuden tukena' },
  { code: 'TP2', name: 'Henkilöstön osaamisen vahvistaminen' },
  { code: 'TP3', name: 'Mittarit asiakastyössä' },
  { code: 'TP4', name: 'Kokemusasiantuntijuus kehittämisessä' },
  { code: 'TP5', name: 'ISO:n hallinnointi ja viestintä' },
];

/** One demo user per role: admin, coordinator and observer in ISO; the rest in Kainuu. */
const DEMO_USERS: { role: OrganisationRole; org: string; displayName: string; realName: string | null; roleVisible: boolean }[] = [
  { role: 'admin', org: 'iso', displayName: 'Ylläpitäjä (demo)', realName: 'Aino Admin', roleVisible: true },
  { role: 'coordinator', org: 'iso', displayName: 'Koordinaattori (demo)', realName: 'Kaisa Koordinaattori', roleVisible: true },
  { role: 'observer', org: 'iso', displayName: 'Ohjausryhmä (demo)', realName: 'Olli Ohjausryhmä', roleVisible: true },
  { role: 'developer', org: 'kainuu', displayName: 'Kehittäjä (demo)', realName: 'Kerttu Kehittäjä', roleVisible: true },
  { role: 'facilitator', org: 'kainuu', displayName: 'Fasilitaattori (demo)', realName: 'Fredrik Fasilitaattori', roleVisible: true },
  // An experience expert appears under a pseudonym and keeps the role to themselves.
  { role: 'expert', org: 'kainuu', displayName: 'Kokemuskumppani Kuu', realName: 'Essi Esimerkki', roleVisible: false },
];

export const demoEmail = (role: OrganisationRole) => `${role}@demo.kehittamo.fi`;

/**
 * On an empty database: the project, its organisations, work packages and spaces, and
 * — when DEMO_SEED is on — one demo user per role. Never touches a database that has data.
 */
export async function seedDatabase(dataSource: DataSource, config: AppConfig): Promise<void> {
  const logger = new Logger('Seed');
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM organisations`);
  if (count === 0) await seedProject(dataSource, config, logger);
  await ensureInitialAdmin(dataSource, config, logger);
}

async function seedProject(dataSource: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  const passwordHash = config.demoSeedEnabled ? await hashPassword(config.DEMO_PASSWORD) : null;
  await dataSource.transaction(async (manager) => {
    const [project] = await manager.query(
      `INSERT INTO projects (name, starts_on, ends_on) VALUES ($1, $2, $3) RETURNING id`,
      [PROJECT.name, PROJECT.startsOn, PROJECT.endsOn],
    );
    for (const [position, wp] of WORK_PACKAGES.entries()) {
      await manager.query(`INSERT INTO work_packages (project_id, code, name, position) VALUES ($1, $2, $3, $4)`, [
        project.id,
        wp.code,
        wp.name,
        position,
      ]);
    }
    const orgIds = new Map<string, string>();
    for (const org of ORGANISATIONS) {
      const [row] = await manager.query(
        `INSERT INTO organisations (name, short_name, kind) VALUES ($1, $2, $3) RETURNING id`,
        [org.name, org.shortName, org.kind],
      );
      orgIds.set(org.key, row.id);
      await manager.query(
        `INSERT INTO spaces (name, description, kind, organisation_id) VALUES ($1, $2, 'organisation', $3)`,
        [org.name, 'Organisaation oma työtila: näkyy vain sen jäsenille.', row.id],
      );
    }
    await manager.query(
      `INSERT INTO spaces (name, description, kind) VALUES ($1, $2, 'project')`,
      [PROJECT.name, 'Koko hankkeen yhteinen työtila: ISO ja kolme hyvinvointialuetta.'],
    );
    await seedProgressPlan(manager, orgIds);
    if (passwordHash) {
      await seedDemoUsers(manager, orgIds, passwordHash);
      const [author] = await manager.query(`SELECT id FROM users WHERE email = $1`, [demoEmail('developer')]);
      const [kainuu] = await manager.query(`SELECT id FROM spaces WHERE organisation_id = $1`, [orgIds.get('kainuu')]);
      const [project] = await manager.query(`SELECT id FROM spaces WHERE kind = 'project'`);
      await seedDemoModels(manager, { kainuu: kainuu.id, project: project.id }, author.id);
      const byRole = async (role: OrganisationRole): Promise<string> =>
        (await manager.query(`SELECT id FROM users WHERE email = $1`, [demoEmail(role)]))[0].id;
      const models: { id: string }[] = await manager.query(`SELECT id FROM model_descriptions WHERE space_id = $1`, [project.id]);
      await seedDemoWorkshop(
        manager,
        project.id,
        { facilitator: await byRole('facilitator'), participants: [await byRole('developer'), await byRole('expert'), await byRole('coordinator')] },
        models.map((m) => m.id),
      );
      await seedDemoProgress(manager, orgIds, await byRole('coordinator'));
      await seedDemoMaterials(manager, { project: project.id, kainuu: kainuu.id, kainuuOrganisation: orgIds.get('kainuu') as string, author: author.id });
      if (models[0]) {
        await seedDemoComments(manager, { spaceId: project.id, modelId: models[0].id, expert: await byRole('expert'), developer: author.id });
      }
    }
  });
  logger.log(`Seeded the project "${PROJECT.name}" with ${ORGANISATIONS.length} organisations`);
  if (passwordHash) {
    logger.log(
      `Demo users (password "${config.DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => demoEmail(u.role)).join(', ')}`,
    );
  }
}

async function seedDemoUsers(manager: EntityManager, orgIds: Map<string, string>, passwordHash: string): Promise<void> {
  for (const demo of DEMO_USERS) {
    const [user] = await manager.query(
      `INSERT INTO users (email, password_hash, display_name, real_name) VALUES ($1, $2, $3, $4) RETURNING id`,
      [demoEmail(demo.role), passwordHash, demo.displayName, demo.realName],
    );
    const organisationId = orgIds.get(demo.org);
    await manager.query(`INSERT INTO memberships (user_id, organisation_id, role, role_visible) VALUES ($1, $2, $3, $4)`, [
      user.id,
      organisationId,
      demo.role,
      demo.roleVisible,
    ]);
    await manager.query(
      `INSERT INTO space_members (space_id, user_id, access)
       SELECT id, $1, $2 FROM spaces WHERE kind = 'project' OR organisation_id = $3`,
      [user.id, defaultSpaceAccess(demo.role), organisationId],
    );
  }
}

/** Creates INITIAL_ADMIN_EMAIL as admin of the main organisation when the platform has no admin. */
async function ensureInitialAdmin(dataSource: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  if (!config.INITIAL_ADMIN_EMAIL || !config.INITIAL_ADMIN_PASSWORD) return;
  const [{ admins }] = await dataSource.query(`SELECT count(*)::int AS admins FROM memberships WHERE role = 'admin'`);
  if (admins > 0) return;
  const email = config.INITIAL_ADMIN_EMAIL.trim().toLowerCase();
  const passwordHash = await hashPassword(config.INITIAL_ADMIN_PASSWORD);
  await dataSource.transaction(async (manager) => {
    const [main] = await manager.query(
      `SELECT id FROM organisations ORDER BY (kind = 'main') DESC, created_at LIMIT 1`,
    );
    // An existing account keeps its password: the variable only grants the admin role.
    const [user] = await manager.query(
      `INSERT INTO users (email, password_hash, display_name) VALUES ($1, $2, 'Ylläpitäjä')
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [email, passwordHash],
    );
    await manager.query(
      `INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'admin')
       ON CONFLICT (user_id, organisation_id) DO UPDATE SET role = 'admin'`,
      [user.id, main.id],
    );
    await manager.query(
      `INSERT INTO space_members (space_id, user_id, access)
       SELECT id, $1, 'edit' FROM spaces WHERE kind = 'project' OR organisation_id = $2
       ON CONFLICT (space_id, user_id) DO UPDATE SET access = 'edit'`,
      [user.id, main.id],
    );
  });
  logger.log('Created the initial admin account from INITIAL_ADMIN_EMAIL');
}
