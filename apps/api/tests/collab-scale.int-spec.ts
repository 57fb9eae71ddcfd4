import { CollabCloseCode } from '@kehittamo/shared/collab-protocol';
import type { Space } from '@kehittamo/shared/domain';
import type { TestClient } from '@kehittamo/server/testing';
import * as encoding from 'lib0/encoding';
import { createServer, connect as tcpConnect, type AddressInfo, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closed, collabToken, createBoard, rawSocket, until } from './support/collab-clients';
import { startTestApp, type TestApp } from './support/test-app';

/** Two API instances on one database and one Redis, as two replicas behind a load balancer. */
describe('collaboration across two instances through Redis', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  let first: TestApp;
  let second: TestApp;
  const wsOf = (app: TestApp) => `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    first = await startTestApp({ REDIS_URL: redisUrl, COLLAB_FLUSH_MS: '50' });
    second = await startTestApp({ REDIS_URL: redisUrl, COLLAB_FLUSH_MS: '50' }, first);
    await first.app.listen(0, '127.0.0.1');
    await second.app.listen(0, '127.0.0.1');
  });
  afterEach(() => cleanup.splice(0).forEach((f) => f()));
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  async function connect(app: TestApp, client: TestClient, docName: string) {
    const token = await collabToken(client, docName);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${wsOf(app)}/collab`, docName, doc, {
      params: { token: token.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    cleanup.push(() => {
      provider.destroy();
      doc.destroy();
    });
    return { doc, provider };
  }

  it('converges edits and presence made on different instances, and loses nothing on a late join', async () => {
    const developer = await first.loginAs('developer');
    const spaces = (await developer.get('/api/spaces')).body as Space[];
    const board = await createBoard(developer, spaces[0].id);
    const a = await connect(first, developer, board.doc);
    const b = await connect(second, await second.loginAs('facilitator'), board.doc);
    a.doc.getText('t').insert(0, 'ensimmäiseltä ');
    b.doc.getText('t').insert(0, 'toiselta ');
    a.doc.getMap('votes').set('idea-1', 2);
    await until(() => a.doc.getText('t').toString() === b.doc.getText('t').toString() && b.doc.getMap('votes').get('idea-1') === 2);
    expect(a.doc.getText('t').length).toBe('ensimmäiseltä '.length + 'toiselta '.length);

    a.provider.awareness.setLocalStateField('cursor', { at: 1 });
    await until(() => b.provider.awareness.getStates().get(a.doc.clientID)?.['cursor'] !== undefined);
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.['user'].name).toBe('Kehittäjä (demo)');

    // Typed on the first instance right before someone opens it on the second: the newcomer still gets it.
    a.doc.getText('t').insert(0, 'tuore ');
    const c = await connect(second, await second.loginAs('coordinator'), board.doc);
    await until(() => c.doc.getText('t').toString() === a.doc.getText('t').toString());
  });

  it('does not let a connection on another instance speak for a client id that is in use', async () => {
    const developer = await first.loginAs('developer');
    const spaces = (await developer.get('/api/spaces')).body as Space[];
    const board = await createBoard(developer, spaces[0].id);
    const a = await connect(first, developer, board.doc);
    a.provider.awareness.setLocalStateField('cursor', { at: 1 });
    const b = await connect(second, await second.loginAs('facilitator'), board.doc);
    await until(() => b.provider.awareness.getStates().get(a.doc.clientID)?.['cursor'] !== undefined);

    const facilitator = await second.loginAs('facilitator');
    const token = await collabToken(facilitator, board.doc);
    const spoofer = (await rawSocket(`${wsOf(second)}/collab/${token.room}?token=${encodeURIComponent(token.token)}`)).ws!;
    cleanup.push(() => spoofer.terminate());
    const awarenessFrame = (clientId: number, clock: number, state: unknown) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, JSON.stringify(state));
      const frame = encoding.createEncoder();
      encoding.writeVarUint(frame, 1);
      encoding.writeVarUint8Array(frame, encoding.toUint8Array(inner));
      return encoding.toUint8Array(frame);
    };
    spoofer.send(awarenessFrame(a.doc.clientID, 1000, { cursor: 'kaapattu' }));
    // Its own id afterwards is accepted: once b sees it, the spoof (sent before) was handled too.
    spoofer.send(awarenessFrame(424242, 1, { cursor: 'oma' }));
    await until(() => b.provider.awareness.getStates().get(424242)?.['cursor'] === 'oma');
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.['cursor']).toEqual({ at: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(a.provider.awareness.getStates().get(a.doc.clientID)?.['cursor']).toEqual({ at: 1 });
  });

  it('has no metrics endpoint without METRICS_TOKEN', async () => {
    expect((await first.client().get('/api/metrics')).status).toBe(404);
  });

  it('closes a socket on the other instance when rights change', async () => {
    const coordinator = await first.loginAs('coordinator');
    const spaces = (await coordinator.get('/api/spaces')).body as Space[];
    const project = spaces.find((s) => s.kind === 'project')!;
    const board = await createBoard(coordinator, project.id);
    const user = await second.buildUser('developer', 'PSAVO');
    const member = await second.loginAsUser(user);
    const token = await collabToken(member, board.doc);
    const socket = (await rawSocket(`${wsOf(second)}/collab/${token.room}?token=${encodeURIComponent(token.token)}`)).ws!;
    const closing = closed(socket);
    expect((await coordinator.delete(`/api/spaces/${project.id}/members/${user.id}`)).status).toBe(204);
    expect((await closing).code).toBe(CollabCloseCode.accessChanged);
  });
});

/**
 * Redis behind a TCP proxy the test can cut: while cut, the instance reports not ready;
 * once Redis is back, the documents resync so what was typed meanwhile reaches everyone.
 */
describe('a Redis outage', () => {
  const redis = new URL(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const upstream = tcpConnect(Number(redis.port || 6379), redis.hostname);
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
  });
  let cut = false;
  proxy.on('connection', (s) => cut && s.destroy());
  let viaProxy: TestApp;
  let direct: TestApp;

  beforeAll(async () => {
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `redis://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    direct = await startTestApp({ REDIS_URL: redis.toString(), COLLAB_FLUSH_MS: '50' });
    viaProxy = await startTestApp({ REDIS_URL: proxyUrl, COLLAB_FLUSH_MS: '50' }, direct);
    await direct.app.listen(0, '127.0.0.1');
    await viaProxy.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    cut = false;
    await viaProxy?.close();
    await direct?.close();
    await new Promise((r) => proxy.close(r));
  });

  it('reports not ready while cut off and resyncs the open documents when Redis is back', async () => {
    const wsOf = (app: TestApp) => `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const developer = await direct.loginAs('developer');
    const spaces = (await developer.get('/api/spaces')).body as Space[];
    const board = await createBoard(developer, spaces[0].id);
    const open = async (app: TestApp, client: TestClient) => {
      const token = await collabToken(client, board.doc);
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${wsOf(app)}/collab`, board.doc, doc, {
        params: { token: token.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      return { doc, provider };
    };
    const a = await open(direct, developer);
    const b = await open(viaProxy, await viaProxy.loginAs('facilitator'));
    try {
      a.doc.getText('t').insert(0, 'ennen ');
      await until(() => b.doc.getText('t').toString() === 'ennen ');

      cut = true;
      sockets.forEach((s) => s.destroy());
      await until(async () => (await viaProxy.client().get('/api/health/ready')).status === 503);
      expect((await viaProxy.client().get('/api/health/ready')).body.checks.collabRedis).toBe('error');
      expect((await direct.client().get('/api/health/ready')).status).toBe(200);
      // Typed on both sides while the instances cannot hear each other.
      a.doc.getText('t').insert(6, 'katkon aikana ');
      b.doc.getText('t').insert(0, 'toisaalla ');
      // Long enough for ioredis to give up the publishes it queued (maxRetriesPerRequest):
      // only the resync after the outage can bring these edits across.
      await new Promise((r) => setTimeout(r, 1500));
      expect(b.doc.getText('t').toString()).not.toContain('katkon aikana');

      cut = false;
      await until(async () => (await viaProxy.client().get('/api/health/ready')).status === 200, 15_000);
      await until(() => a.doc.getText('t').toString() === b.doc.getText('t').toString(), 10_000);
      expect(a.doc.getText('t').toString()).toContain('katkon aikana');
      expect(a.doc.getText('t').toString()).toContain('toisaalla');
    } finally {
      for (const side of [a, b]) {
        side.provider.destroy();
        side.doc.destroy();
      }
    }
  });
});
