import type { INestApplication } from '@nestjs/common';
import { loadConfig, MailService, type AppConfig } from '@kehittamo/server/core';
import { hashPassword } from '@kehittamo/server/auth';
import { buildUser, createTestDatabase, TestClient, type BuiltUser, type TestDatabase } from '@kehittamo/server/testing';
import type { OrganisationRole } from '@kehittamo/shared/domain';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { demoEmail } from '../../src/database/seed';

export const DEMO_PASSWORD = 'kehittamo-demo';

export interface TestApp {
  app: INestApplication;
  server: Server;
  config: AppConfig;
  db: DataSource;
  mail: MailService;
  /** A fresh anonymous client (own cookies). */
  client(): TestClient;
  /** A client logged in as the demo user of that role. */
  loginAs(role: OrganisationRole): Promise<TestClient>;
  /** A new user with a role in an organisation (short name, e.g. KAINUU). */
  buildUser(role: OrganisationRole, organisation: string, options?: { roleVisible?: boolean }): Promise<BuiltUser>;
  /** A client logged in as the given user. */
  loginAsUser(user: { email: string; password: string }): Promise<TestClient>;
  /** Row count of a table, to prove a rejected request saved nothing. */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * The real application (same createApp as production) on a fresh database with the
 * demo seed. `env` overrides configuration for one test file.
 */
export async function startTestApp(env: Record<string, string> = {}, sameDatabaseAs?: TestApp): Promise<TestApp> {
  // A second instance on the same database (as a second replica would be) never drops it.
  const database: TestDatabase = sameDatabaseAs
    ? { url: sameDatabaseAs.config.DATABASE_URL as string, name: '', drop: async () => undefined }
    : await createTestDatabase(inject('postgresAdminUrl'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    DEMO_SEED: 'true',
    DEMO_PASSWORD,
    LOGIN_MAX_ATTEMPTS_PER_IP: '10000',
    WEB_DIST: '/nonexistent',
    ...env,
  });
  const app = await createApp(config, database.url);
  const server = app.getHttpServer() as Server;
  const dataSource = app.get(DataSource);
  const loginAsUser = async ({ email, password }: { email: string; password: string }) => {
    const client = new TestClient(server);
    const response = await client.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${response.text}`);
    return client;
  };
  return {
    app,
    server,
    config,
    db: dataSource,
    mail: app.get(MailService),
    client: () => new TestClient(server),
    loginAs: (role) => loginAsUser({ email: demoEmail(role), password: DEMO_PASSWORD }),
    loginAsUser,
    buildUser(role, organisation, options) {
      return buildUser(dataSource, hashPassword, { role, organisation, ...options });
    },
    async count(table) {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      return n;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
