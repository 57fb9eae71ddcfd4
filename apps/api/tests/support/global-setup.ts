import type { TestProject } from 'vitest/node';
import { startTestPostgres } from '@kehittamo/server/testing';

/** One PostgreSQL for the whole run; each test file creates its own database on it. */
export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  console.log(`integration tests use PostgreSQL from ${postgres.source}`);
  project.provide('postgresAdminUrl', postgres.adminUrl);
  return () => postgres.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}
