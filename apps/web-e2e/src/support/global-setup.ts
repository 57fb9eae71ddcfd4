import type { TestProject } from 'vitest/node';
import { createTestDatabase, startServerProcess, startTestPostgres } from '@kehittamo/server/testing';
import { findChromium } from './browser';

/**
 * One built server for all browser tests, on a fresh database (TEST_DATABASE_URL's server
 * or an embedded PostgreSQL) with the demo seed. Fails at once, with the fix, when there
 * is no Chromium: a browser test must never be skipped silently.
 */
export default async function setup(project: TestProject) {
  findChromium();
  const postgres = await startTestPostgres();
  const database = await createTestDatabase(postgres.adminUrl, 'kh_web_e2e');
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    DEMO_SEED: 'true',
    DEMO_PASSWORD: 'kehittamo-demo',
    LOGIN_MAX_ATTEMPTS_PER_IP: '10000',
    LOG_LEVEL: 'warn',
  });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
    await database.drop();
    await postgres.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
