import { startServerProcess, type ServerProcess } from '@kehittamo/server/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What `npm start` promises on a fresh machine: with no DATABASE_URL the built server
 * starts an embedded PostgreSQL in DATA_DIR, migrates, seeds the demo project, serves
 * the API and the web app on one port, and stops cleanly on SIGTERM — data kept.
 */
describe('the built server on an embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kehittamo-e2e-data-'));
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(56000 + Math.floor(Math.random() * 2000)) });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the demo accounts and their password at start', () => {
    expect(server.output()).toContain('admin@demo.kehittamo.fi');
    expect(server.output()).toContain('kehittamo-demo');
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
  });

  it('lets the demo coordinator log in and list spaces', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator@demo.kehittamo.fi', password: 'kehittamo-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const spaces = await fetch(`${server.url}/api/spaces`, { headers: { cookie } });
    expect(spaces.status).toBe(200);
    expect(((await spaces.json()) as unknown[]).length).toBe(2);
  });

  it('serves the web app with SPA fallback, but never for /api', async () => {
    const index = await fetch(`${server.url}/spaces/some-deep-link`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<kh-root');
    const missing = await fetch(`${server.url}/api/nothing-here`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('not_found');
    const docs = await fetch(`${server.url}/api/docs`);
    expect(docs.status).toBe(200);
  });

  it('stops cleanly on SIGTERM and keeps the data for the next start', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('SIGTERM received');
    server = await startServerProcess({ DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(58000 + Math.floor(Math.random() * 1000)) });
    // An existing database is not seeded again.
    expect(server.output()).not.toContain('Seeded the project');
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.kehittamo.fi', password: 'kehittamo-demo' }),
    });
    expect(login.status).toBe(200);
  });
});
