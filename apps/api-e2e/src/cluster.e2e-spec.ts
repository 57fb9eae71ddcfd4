import { ApiSession, createTestDatabase, findFreePort, findWorkspaceRoot, startTestPostgres, type TestDatabase, type TestPostgres } from '@kehittamo/server/testing';
import type { CollabTokenResponse } from '@kehittamo/shared/collab-protocol';
import type { Board, Space } from '@kehittamo/shared/domain';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * `npm run start:cluster`: two instances behind a round-robin proxy, on a real PostgreSQL
 * and Redis. Clients that land on different instances edit the same board and converge.
 */
describe('npm run start:cluster', () => {
  let postgres: TestPostgres;
  let database: TestDatabase;
  let cluster: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    postgres = await startTestPostgres();
    database = await createTestDatabase(postgres.adminUrl, 'kh_cluster');
    const port = await findFreePort();
    base = `http://localhost:${port}`;
    cluster = spawn(process.execPath, [join(findWorkspaceRoot(), 'tools/start-cluster.mjs')], {
      env: { ...process.env, PORT: String(port), DATABASE_URL: database.url, REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stdout?.on('data', (d) => (output += d));
    cluster.stderr?.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    for (;;) {
      // Ready when both instances answer through the proxy (two requests → two instances).
      const answers = await Promise.all([0, 1].map(() => fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)));
      if (answers.every(Boolean)) break;
      if (Date.now() > deadline || cluster.exitCode !== null) throw new Error(`cluster did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  });
  afterAll(async () => {
    cluster?.kill('SIGTERM');
    await new Promise((r) => cluster?.once('exit', r));
    await database?.drop();
    await postgres?.stop();
  });

  it('serves one board to clients on different instances', async () => {
    const developer = await ApiSession.login(base, 'developer@demo.kehittamo.fi');
    const [space] = await developer.json<Space[]>('GET', '/api/spaces');
    const board = await developer.json<Board>('POST', '/api/boards', { spaceId: space.id, title: 'Klusteri' });
    const clients = [];
    for (const email of ['developer@demo.kehittamo.fi', 'facilitator@demo.kehittamo.fi', 'coordinator@demo.kehittamo.fi']) {
      const session = await ApiSession.login(base, email);
      const token = await session.json<CollabTokenResponse>('POST', '/api/collab/token', { doc: board.doc });
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${base.replace('http', 'ws')}/collab`, board.doc, doc, {
        params: { token: token.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      clients.push({ doc, provider });
    }
    clients.forEach((c, i) => c.doc.getMap('notes').set(`n${i}`, `lappu ${i}`));
    const deadline = Date.now() + 5000;
    while (!clients.every((c) => c.doc.getMap('notes').size === 3)) {
      if (Date.now() > deadline) throw new Error(`not converged: ${clients.map((c) => c.doc.getMap('notes').size)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
  });
});
