import { CollabCloseCode } from '@kehittamo/shared/collab-protocol';
import type { Space } from '@kehittamo/shared/domain';
import type { TestClient } from '@kehittamo/server/testing';
import type { AddressInfo } from 'node:net';
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
