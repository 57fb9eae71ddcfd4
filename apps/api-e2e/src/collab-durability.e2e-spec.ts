import {
  ApiSession,
  createTestDatabase,
  startServerProcess,
  startTestPostgres,
  type ServerProcess,
  type TestDatabase,
  type TestPostgres,
} from '@kehittamo/server/testing';
import type { CollabTokenResponse } from '@kehittamo/shared/collab-protocol';
import type { Board, Space } from '@kehittamo/shared/domain';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const FLUSH_MS = 100;

/**
 * `kill -9` of the server while people edit: everything older than the durability window
 * (COLLAB_FLUSH_MS) survives, and after a restart clients resync and converge.
 */
describe('collaborative documents survive a killed server', () => {
  let postgres: TestPostgres;
  let database: TestDatabase;
  let server: ServerProcess;
  const env = () => ({ DATABASE_URL: database.url, DEMO_SEED: 'true', COLLAB_FLUSH_MS: String(FLUSH_MS), LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    postgres = await startTestPostgres();
    database = await createTestDatabase(postgres.adminUrl, 'kh_durability');
    server = await startServerProcess(env());
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
    await postgres?.stop();
  });

  async function connect(session: ApiSession, doc: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
    const token = await session.json<CollabTokenResponse>('POST', '/api/collab/token', { doc });
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/collab`, doc, ydoc, {
      params: { token: token.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    return { doc: ydoc, provider };
  }

  it('keeps every edit older than the durability window after kill -9 and a restart', async () => {
    const developer = await ApiSession.login(server.url, 'developer@demo.kehittamo.fi');
    const [space] = await developer.json<Space[]>('GET', '/api/spaces');
    const board = await developer.json<Board>('POST', '/api/boards', { spaceId: space.id, title: 'Kestävä taulu' });
    const client = await connect(developer, board.doc);
    const text = client.doc.getText('notes');
    for (let i = 0; i < 200; i++) text.insert(text.length, `rivi ${i}\n`);
    client.doc.getMap('cards').set('tärkeä', { title: 'Vanhempien tuki', votes: 3 });
    const expected = text.toString();
    // Past the durability window (with margin for a loaded CI machine).
    await new Promise((r) => setTimeout(r, FLUSH_MS * 10));
    client.provider.disconnect();

    expect(await server.stop('SIGKILL')).toBe(null);
    server = await startServerProcess(env());

    const again = await ApiSession.login(server.url, 'facilitator@demo.kehittamo.fi');
    const reloaded = await connect(again, board.doc);
    expect(reloaded.doc.getText('notes').toString()).toBe(expected);
    expect(reloaded.doc.getMap('cards').get('tärkeä')).toEqual({ title: 'Vanhempien tuki', votes: 3 });

    // The first client, kept offline meanwhile, edits and reconnects with a new token: both converge.
    client.doc.getText('notes').insert(0, 'offline-muokkaus\n');
    const rejoined = await connect(await ApiSession.login(server.url, 'developer@demo.kehittamo.fi'), board.doc);
    Y.applyUpdate(rejoined.doc, Y.encodeStateAsUpdate(client.doc));
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('did not converge')), 5000);
      const check = () => {
        if (reloaded.doc.getText('notes').toString().startsWith('offline-muokkaus')) {
          clearTimeout(deadline);
          resolve();
        } else setTimeout(check, 20);
      };
      check();
    });
    for (const c of [client, reloaded, rejoined]) {
      c.provider.destroy();
      c.doc.destroy();
    }
  });
});
