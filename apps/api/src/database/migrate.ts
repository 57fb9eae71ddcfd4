import { Logger } from '@nestjs/common';
import type { AppConfig } from '@kehittamo/server/core';
import type { DataSource } from 'typeorm';
import { seedDatabase } from './seed';

/** Arbitrary but fixed: the advisory lock every replica takes before migrating. */
const MIGRATION_LOCK_KEY = 74_201_601;

/**
 * Runs pending migrations and the first-start seed while holding a PostgreSQL advisory
 * lock, so replicas starting together on an empty database take turns instead of racing.
 */
export async function migrateAndSeed(dataSource: DataSource, config: AppConfig): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) new Logger('Migrations').log(`Applied ${applied.map((m) => m.name).join(', ')}`);
    await seedDatabase(dataSource, config);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
