import { Client } from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedDatabase } from '@kehittamo/server/core';
import { findFreePort } from './server-process';

/** A PostgreSQL server tests may create databases on. */
export interface TestPostgres {
  /** Connection string to a maintenance database with CREATE DATABASE rights. */
  adminUrl: string;
  /** Where it came from, for logs. */
  source: 'TEST_DATABASE_URL' | 'embedded';
  stop(): Promise<void>;
}

/**
 * `TEST_DATABASE_URL` when set (CI points it at its PostgreSQL), otherwise a throw-away
 * embedded PostgreSQL in a temporary folder on a free port — so tests pass on a machine
 * with no database server.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) return { adminUrl: url, source: 'TEST_DATABASE_URL', stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'kehittamo-test-pg-'));
  const embedded = await startEmbeddedDatabase({
    dataDir,
    port: await findFreePort(),
    database: 'postgres',
    persistent: false,
  });
  return {
    adminUrl: embedded.url,
    source: 'embedded',
    async stop() {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on the test server; `drop()` removes it. */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(adminUrl: string, prefix = 'kh_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
