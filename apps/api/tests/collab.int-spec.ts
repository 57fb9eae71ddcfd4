import { CollabServer } from '@kehittamo/collab/server';
import { CollabCloseCode } from '@kehittamo/shared/collab-protocol';
import type { Space } from '@kehittamo/shared/domain';
import * as encoding from 'lib0/encoding';
import type { AddressInfo } from 'node:net';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { closed, collabToken, connectStock, createBoard, rawSocket, until, type StockClient } from './support/collab-clients';
import { startTestApp, type TestApp } from './support/test-app';

const METRICS_TOKEN = 'mittarit-vain-valvonnalle';
let t: TestApp;
let ws: string;
let projectSpace: string;
let kainuuSpace: string;
const open: StockClient[] = [];

beforeAll(async () => {
  t = await startTestApp({
    COLLAB_FLUSH_MS: '50',
    COLLAB_UNLOAD_AFTER_MS: '200',
    COLLAB_MAX_DOCUMENT_BYTES: '200000',
    COLLAB_COMPACT_AFTER_BYTES: '8192',
    METRICS_TOKEN: METRICS_TOKEN,
  });
  await t.app.listen(0, '127.0.0.1');
  const port = (t.server.address() as AddressInfo).port;
  ws = `ws://127.0.0.1:${port}`;
  const spaces = (await (await t.loginAs('developer')).get('/api/spaces')).body as Space[];
  projectSpace = spaces.find((s) => s.kind === 'project')!.id;
  kainuuSpace = spaces.find((s) => s.kind === 'organisation')!.id;
});
afterEach(() => {
  while (open.length) open.pop()!.destroy();
});
afterAll(() => t?.close());

/** The token's URL on this test server's port (PUBLIC_URL names the default port). */
const local = (token: { room: string; token: string }) => `${ws}/collab/${token.room}?token=${encodeURIComponent(token.token)}`;

async function stock(role: Parameters<TestApp['loginAs']>[0], doc: string, ydoc?: Y.Doc): Promise<StockClient> {
  const client = await connectStock(await t.loginAs(role), ws, doc, ydoc);
  open.push(client);
  return client;
}

const storedState = async (doc: string) => {
  const rows: { data: Buffer }[] = await t.db.query(
    `SELECT state AS data FROM collab_snapshots WHERE doc_name = $1 UNION ALL SELECT data FROM (SELECT data FROM collab_updates WHERE doc_name = $1 ORDER BY id) u`,
    [doc],
  );
  const ydoc = new Y.Doc();
  rows.forEach((r) => Y.applyUpdate(ydoc, r.data));
  return ydoc;
};

describe('boards and tokens', () => {
  it('creates a board in a space and lists it; view-only members cannot create', async () => {
    const developer = await t.loginAs('developer');
    const board = await createBoard(developer, kainuuSpace, 'Ideointi');
    expect(board.doc).toBe(`board.${board.id}`);
    const list = (await developer.get(`/api/spaces/${kainuuSpace}/boards`)).body as { id: string }[];
    expect(list.map((b) => b.id)).toContain(board.id);
    expect((await (await t.loginAs('observer')).post('/api/boards', { spaceId: projectSpace, title: 'x' })).status).toBe(403);
    expect((await (await t.loginAs('observer')).get(`/api/spaces/${kainuuSpace}/boards`)).status).toBe(404);
  });

  it('issues a token only for a document the caller may see, with their access', async () => {
    const board = await createBoard(await t.loginAs('developer'), projectSpace);
    expect((await collabToken(await t.loginAs('developer'), board.doc)).access).toBe('edit');
    expect((await collabToken(await t.loginAs('observer'), board.doc)).access).toBe('view');
    expect((await collabToken(await t.loginAs('expert'), board.doc)).access).toBe('comment');
    const privateBoard = await createBoard(await t.loginAs('developer'), kainuuSpace);
    expect((await (await t.loginAs('observer')).post('/api/collab/token', { doc: privateBoard.doc })).status).toBe(404);
    expect((await (await t.loginAs('observer')).post('/api/collab/token', { doc: 'board.not-a-doc' })).status).toBe(404);
  });
});

describe('access at the door', () => {
  it('answers 401 for no, used, expired and other-document tokens, 404 without access, 403 for a foreign origin', async () => {
    const developer = await t.loginAs('developer');
    const board = await createBoard(developer, kainuuSpace);
    const other = await createBoard(developer, kainuuSpace);
    expect((await rawSocket(`${ws}/collab/${board.doc}`)).status).toBe(401);

    const token = await collabToken(developer, board.doc);
    const first = await rawSocket(local(token));
    expect(first.status).toBe(101);
    first.ws!.close();
    expect((await rawSocket(local(token))).status).toBe(401); // single use

    const foreign = await collabToken(developer, other.doc);
    expect((await rawSocket(`${ws}/collab/${board.doc}?token=${foreign.token}`)).status).toBe(401);

    const expiring = await collabToken(developer, board.doc);
    await t.db.query(`UPDATE collab_tokens SET expires_at = now() - interval '1 second'`);
    expect((await rawSocket(local(expiring))).status).toBe(401);

    const withOrigin = await collabToken(developer, board.doc);
    expect((await rawSocket(local(withOrigin), { origin: 'https://evil.example' })).status).toBe(403);

    // Rights lost between token and connection: the document's existence is not revealed.
    const user = await t.buildUser('developer', 'KAINUU');
    const member = await t.loginAsUser(user);
    const late = await collabToken(member, board.doc);
    await t.db.query(`DELETE FROM space_members WHERE user_id = $1`, [user.id]);
    expect((await rawSocket(local(late))).status).toBe(404);
  });
});

describe('editing together', () => {
  it('makes two stock y-websocket clients converge on concurrent text and map edits, and stores it', async () => {
    const board = await createBoard(await t.loginAs('developer'), projectSpace);
    const a = await stock('developer', board.doc);
    const b = await stock('facilitator', board.doc);
    a.doc.getText('notes').insert(0, 'Hei ');
    b.doc.getText('notes').insert(0, 'Moi ');
    a.doc.getMap('cards').set('c1', 'Perheen ääni kuuluviin');
    b.doc.getMap('cards').set('c2', 'Kokemusasiantuntija mukaan');
    await until(() => a.doc.getText('notes').toString() === b.doc.getText('notes').toString() && b.doc.getMap('cards').size === 2 && a.doc.getMap('cards').size === 2);
    expect(a.doc.getText('notes').toString()).toHaveLength(8);
    await until(async () => (await storedState(board.doc)).getMap('cards').size === 2);
    const stored = await storedState(board.doc);
    expect(stored.getText('notes').toString()).toBe(a.doc.getText('notes').toString());
    await until(async () => {
      const [row] = await t.db.query(`SELECT text FROM collab_projections WHERE doc_name = $1`, [board.doc]);
      return Boolean(row?.text.includes('Kokemusasiantuntija mukaan'));
      // 2 s projection interval, plus the builder worker's first start (compiled from source in tests).
    }, 10_000);
  });

  it('lets view and comment rights read but never change the document, by any message type', async () => {
    const board = await createBoard(await t.loginAs('developer'), projectSpace);
    const editor = await stock('developer', board.doc);
    editor.doc.getText('t').insert(0, 'alkuperäinen');
    for (const role of ['observer', 'expert'] as const) {
      const reader = await stock(role, board.doc);
      await until(() => reader.doc.getText('t').toString() === 'alkuperäinen');
      reader.doc.getText('t').insert(0, 'VÄÄRÄ ');
      // Also a hand-made step 2 and update message.
      const forged = new Y.Doc();
      forged.getText('t').insert(0, 'VÄÄRÄ ');
      for (const step of [syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsUpdate]) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarUint(encoder, step);
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(forged));
        (reader.provider.ws as unknown as { send(d: Uint8Array): void }).send(encoding.toUint8Array(encoder));
      }
    }
    editor.doc.getText('t').insert(12, '!');
    await new Promise((r) => setTimeout(r, 300));
    expect(editor.doc.getText('t').toString()).toBe('alkuperäinen!');
    expect((await storedState(board.doc)).getText('t').toString()).toBe('alkuperäinen!');
  });

  it('closes a socket within moments when the user’s rights change', async () => {
    const coordinator = await t.loginAs('coordinator');
    const board = await createBoard(coordinator, projectSpace);
    const user = await t.buildUser('developer', 'ESAVO');
    const member = await t.loginAsUser(user);
    const socket = (await rawSocket(local(await collabToken(member, board.doc)))).ws!;
    const closing = closed(socket);
    expect((await coordinator.put(`/api/spaces/${projectSpace}/members/${user.id}`, { access: 'view' })).status).toBe(200);
    const { code } = await closing;
    expect(code).toBe(CollabCloseCode.accessChanged);
  });
});

describe('presence', () => {
  it('sets the user field from the session and ignores spoofed client ids', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const watcher = await stock('developer', board.doc);
    const expert = await stock('expert', board.doc);
    expert.provider.awareness.setLocalStateField('user', { name: 'Oikea Nimi Paljastettu', color: '#000', id: 'spoof' });
    expert.provider.awareness.setLocalStateField('cursor', { index: 3 });
    await until(() => watcher.provider.awareness.getStates().get(expert.doc.clientID)?.['cursor'] !== undefined);
    const seen = watcher.provider.awareness.getStates().get(expert.doc.clientID)!;
    expect(seen['user'].name).toBe('Kokemuskumppani Kuu');
    expect(JSON.stringify(seen)).not.toContain('Oikea Nimi');
    expect(JSON.stringify(seen)).not.toContain('expert');

    // Speaking for the watcher's client id changes nothing.
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = watcher.doc.clientID;
    fake.setLocalState({ user: { name: 'Huijari' } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(fake, [watcher.doc.clientID]));
    (expert.provider.ws as unknown as { send(d: Uint8Array): void }).send(encoding.toUint8Array(encoder));
    await new Promise((r) => setTimeout(r, 200));
    expect(watcher.provider.awareness.getStates().get(watcher.doc.clientID)?.['user']?.name).not.toBe('Huijari');
    fake.destroy();
  });
});

describe('bad input closes only its own socket', () => {
  const frames: [string, () => Uint8Array | string, number][] = [
    ['a text frame', () => 'hello', CollabCloseCode.unsupportedData],
    ['an empty frame', () => new Uint8Array(), CollabCloseCode.invalidPayload],
    ['an unknown message type', () => Uint8Array.of(9, 1, 2), CollabCloseCode.invalidPayload],
    ['an unknown sync step', () => Uint8Array.of(0, 7, 0), CollabCloseCode.invalidPayload],
    ['a truncated sync update', () => Uint8Array.of(0, 2, 200, 1), CollabCloseCode.invalidPayload],
    ['an update that does not decode', () => Uint8Array.of(0, 2, 5, 255, 255, 255, 255, 255), CollabCloseCode.invalidPayload],
    ['a malformed state vector', () => Uint8Array.of(0, 0, 3, 255, 255, 255), CollabCloseCode.invalidPayload],
    ['awareness that is not JSON', () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 12345);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, '{not json');
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      return encoding.toUint8Array(e);
    }, CollabCloseCode.invalidPayload],
    ['a large update that does not decode (decoded off the event loop)', () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array(40 * 1024).fill(255));
      return encoding.toUint8Array(e);
    }, CollabCloseCode.invalidPayload],
    ['an oversized frame', () => new Uint8Array(3 * 1024 * 1024), CollabCloseCode.messageTooBig],
  ];

  it('accepts a large valid update (decoded off the event loop) and what the same client sends right after it', async () => {
    const developer = await t.loginAs('developer');
    const board = await createBoard(developer, kainuuSpace);
    const reader = await stock('facilitator', board.doc);
    const writer = (await rawSocket(local(await collabToken(developer, board.doc)))).ws!;
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      writer.send(encoding.toUint8Array(e));
    });
    const long = 'pitkä liitetty teksti '.repeat(3000);
    source.getText('t').insert(0, long);
    source.getText('t').insert(long.length, ' ja loppu');
    await until(() => reader.doc.getText('t').toString() === `${long} ja loppu`);
    writer.close();
  });

  it.each(frames)('%s', async (_name, frame, expectedCode) => {
    const developer = await t.loginAs('developer');
    const board = await createBoard(developer, kainuuSpace);
    const good = await stock('facilitator', board.doc);
    const bad = (await rawSocket(local(await collabToken(developer, board.doc)))).ws!;
    const closing = closed(bad);
    bad.send(frame());
    expect((await closing).code).toBe(expectedCode);
    good.doc.getText('t').insert(0, 'jatkuu');
    const other = await stock('developer', board.doc);
    await until(() => other.doc.getText('t').toString() === 'jatkuu');
    expect(good.provider.wsconnected).toBe(true);
  });

  it('refuses growth beyond the document size cap with its own close code, keeping what was there', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const writer = await stock('developer', board.doc);
    writer.doc.getText('t').insert(0, 'pieni');
    await until(async () => (await storedState(board.doc)).getText('t').toString() === 'pieni');
    const socket = writer.provider.ws as unknown as { addEventListener(e: string, l: (ev: { code: number }) => void): void };
    const code = new Promise<number>((resolve) => socket.addEventListener('close', (ev) => resolve(ev.code)));
    writer.provider.shouldConnect = true;
    writer.doc.getText('t').insert(5, 'x'.repeat(250_000));
    expect(await code).toBe(CollabCloseCode.documentTooLarge);
    writer.provider.disconnect();
    expect((await storedState(board.doc)).getText('t').toString()).toBe('pieni');
  });
});

describe('storage trouble', () => {
  it('keeps edits in memory while storage fails, reports not ready, and stores them once it recovers', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const a = await stock('developer', board.doc);
    const b = await stock('facilitator', board.doc);
    await t.db.query(`ALTER TABLE collab_updates RENAME TO collab_updates_offline`);
    try {
      a.doc.getText('t').insert(0, 'tallentuu myöhemmin');
      await until(() => b.doc.getText('t').toString() === 'tallentuu myöhemmin');
      await until(async () => (await t.client().get('/api/health/ready')).status === 503);
      expect((await t.client().get('/api/health/ready')).body.checks.collabStorage).toBe('error');
    } finally {
      await t.db.query(`ALTER TABLE collab_updates_offline RENAME TO collab_updates`);
    }
    await until(async () => (await t.client().get('/api/health/ready')).status === 200, 10_000);
    expect((await storedState(board.doc)).getText('t').toString()).toBe('tallentuu myöhemmin');
  });
});

describe('metrics', () => {
  it('exports applied updates and the update delay for Prometheus, only with the metrics token', async () => {
    const metricValue = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    const scrape = async () => {
      const res = await t.client().get('/api/metrics', { Authorization: `Bearer ${METRICS_TOKEN}` });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
      return res.text;
    };
    expect((await t.client().get('/api/metrics')).status).toBe(401);
    expect((await t.client().get('/api/metrics', { Authorization: 'Bearer vaara-mutta-yhta-pitka' })).status).toBe(401);
    const before = await scrape();

    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const [a, b] = [await stock('developer', board.doc), await stock('facilitator', board.doc)];
    a.doc.getText('t').insert(0, 'mitattu');
    await until(() => b.doc.getText('t').toString() === 'mitattu');
    const after = await scrape();

    expect(metricValue(after, 'kehittamo_collab_updates_applied_total')).toBeGreaterThan(metricValue(before, 'kehittamo_collab_updates_applied_total'));
    expect(metricValue(after, 'kehittamo_collab_update_delay_seconds_count')).toBeGreaterThan(metricValue(before, 'kehittamo_collab_update_delay_seconds_count'));
    expect(metricValue(after, 'kehittamo_collab_connections')).toBeGreaterThanOrEqual(2);
    expect(after).toMatch(/^kehittamo_collab_update_delay_seconds_bucket\{le="\+Inf"\} \d+$/m);
    // No content and no names: only counts.
    expect(after).not.toContain('mitattu');
    expect(after).not.toContain(board.doc);
  });
});

describe('compaction', () => {
  it('folds the log into a snapshot once it passes the size limit, while the document stays open', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const writer = await stock('developer', board.doc);
    const logRows = async () => Number((await t.db.query(`SELECT count(*) AS n FROM collab_updates WHERE doc_name = $1`, [board.doc]))[0].n);
    for (let i = 0; i < 12; i++) {
      writer.doc.getText('t').insert(0, `kappale ${i}: ${'sisältöä '.repeat(100)}`);
      await new Promise((r) => setTimeout(r, 60));
    }
    const server = t.app.get(CollabServer);
    await until(async () => (await t.db.query(`SELECT 1 FROM collab_snapshots WHERE doc_name = $1`, [board.doc])).length === 1, 5000);
    expect(server.openDocuments).toContain(board.doc);
    expect(await logRows()).toBeLessThan(12);
    expect((await storedState(board.doc)).getText('t').toString()).toBe(writer.doc.getText('t').toString());
  });
});

describe('storage trouble when opening', () => {
  it('refuses to open a document it cannot load (503, never an empty document) and reports not ready until storage is back', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const first = await stock('developer', board.doc);
    first.doc.getText('t').insert(0, 'ei saa kadota');
    await until(async () => (await storedState(board.doc)).getText('t').toString() === 'ei saa kadota');
    first.destroy();
    open.pop();
    const server = t.app.get(CollabServer);
    await until(() => !server.openDocuments.includes(board.doc), 3000);
    await t.db.query(`ALTER TABLE collab_snapshots RENAME TO collab_snapshots_offline`);
    try {
      const token = await collabToken(await t.loginAs('facilitator'), board.doc);
      expect((await rawSocket(local(token))).status).toBe(503);
      const ready = await t.client().get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.collabStorage).toBe('error');
    } finally {
      await t.db.query(`ALTER TABLE collab_snapshots_offline RENAME TO collab_snapshots`);
    }
    expect((await t.client().get('/api/health/ready')).status).toBe(200);
    const again = await stock('facilitator', board.doc);
    expect(again.doc.getText('t').toString()).toBe('ei saa kadota');
  });
});

describe('memory', () => {
  it('unloads a document after its last connection leaves', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const client = await stock('developer', board.doc);
    client.doc.getText('t').insert(0, 'tallessa');
    const server = t.app.get(CollabServer);
    expect(server.openDocuments).toContain(board.doc);
    client.destroy();
    open.pop();
    await until(() => !server.openDocuments.includes(board.doc), 3000);
    const again = await stock('facilitator', board.doc);
    expect(again.doc.getText('t').toString()).toBe('tallessa');
  });

  it('frees the memory of an unloaded document: nothing keeps its Y.Doc alive', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'run with --expose-gc (vitest.int.config.mts)').toBeDefined();
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const client = await stock('developer', board.doc);
    client.doc.getText('t').insert(0, 'muistissa '.repeat(5000));
    await until(async () => (await storedState(board.doc)).getText('t').length === 50_000);
    const server = t.app.get(CollabServer);
    // Inside a function, so this test holds no reference of its own.
    const weakDoc = await (async () => {
      const rooms = (server as unknown as { rooms: Map<string, Promise<{ doc: Y.Doc }>> }).rooms;
      return new WeakRef((await rooms.get(board.doc)!).doc);
    })();
    client.destroy();
    open.pop();
    await until(() => !server.openDocuments.includes(board.doc), 3000);
    await until(async () => {
      gc!();
      await new Promise((r) => setTimeout(r, 50));
      return weakDoc.deref() === undefined;
    }, 10_000);
  });

  it('serves a stored document before building it, and still merges a returning client’s offline edits', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const server = t.app.get(CollabServer);
    const first = await stock('developer', board.doc);
    first.doc.getText('t').insert(0, 'tallessa');
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(first.doc));
    first.destroy();
    open.pop();
    await until(() => !server.openDocuments.includes(board.doc), 3000);
    // Edited while disconnected: the server has never seen this.
    offline.getText('t').insert(8, ' ja offline');

    // The returning client is the first to open it: it gets the stored copy, then the server's
    // sync step 1 once the server has built the document, and answers with its offline edit.
    const returning = await stock('developer', board.doc, offline);
    const reader = await stock('facilitator', board.doc);
    expect(reader.doc.getText('t').toString()).toContain('tallessa');
    reader.doc.getText('t').insert(0, 'Moi: ');
    const expected = 'Moi: tallessa ja offline';
    await until(() => reader.doc.getText('t').toString() === expected && returning.doc.getText('t').toString() === expected);
    await until(async () => (await storedState(board.doc)).getText('t').toString() === expected);
  });

  it('gives a client the snapshot and the log after it in one sync step 2, so it is complete when synced', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const first = await stock('developer', board.doc);
    first.doc.getText('t').insert(0, 'tilannekuva');
    first.destroy();
    open.pop();
    const server = t.app.get(CollabServer);
    await until(() => !server.openDocuments.includes(board.doc), 3000);
    // Log rows after the snapshot, as a crashed server leaves them.
    const writer = await storedState(board.doc);
    const rows: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => rows.push(update));
    writer.getText('t').insert(11, ' ja loki');
    writer.getText('t').insert(19, '!');
    await t.db.query(`INSERT INTO collab_updates (doc_name, data) SELECT $1, unnest($2::bytea[])`, [board.doc, rows.map((u) => Buffer.from(u))]);

    const reader = await stock('facilitator', board.doc);
    expect(reader.doc.getText('t').toString()).toBe('tilannekuva ja loki!');
  });

  it('applies a 5,000-update burst in order and in batches (far fewer broadcasts), while another room keeps working', async () => {
    const developer = await t.loginAs('developer');
    const [busy, quiet] = [await createBoard(developer, kainuuSpace), await createBoard(developer, kainuuSpace)];
    const watcher = await stock('facilitator', busy.doc);
    let broadcasts = 0;
    const countingSocket = watcher.provider.ws as unknown as { addEventListener(e: string, l: (ev: { data: ArrayBuffer }) => void): void };
    countingSocket.addEventListener('message', (ev) => {
      const bytes = new Uint8Array(ev.data);
      if (bytes[0] === 0 && bytes[1] === 2) broadcasts++;
    });
    const [quietA, quietB] = [await stock('developer', quiet.doc), await stock('facilitator', quiet.doc)];
    const token = await collabToken(developer, busy.doc);
    const { ws: burster } = await rawSocket(local(token));
    const source = new Y.Doc();
    const list = source.getArray<number>('list');
    const frames: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      frames.push(encoding.toUint8Array(encoder));
    });
    for (let i = 0; i < 5000; i++) list.push([i]);
    // All in one go: the frames arrive at the server in large TCP reads.
    for (const frame of frames) burster!.send(frame);
    quietA.doc.getText('t').insert(0, 'hiljainen huone');
    await until(() => quietB.doc.getText('t').toString() === 'hiljainen huone');
    await until(() => watcher.doc.getArray('list').length === 5000, 15_000);
    expect(watcher.doc.getArray<number>('list').toArray()).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(broadcasts).toBeLessThan(1000);
    burster!.close();
  });
});


describe('robustness found in review', () => {
  it('answers a path that does not decode with 404', async () => {
    expect((await rawSocket(`${ws}/collab/%E0?token=x`)).status).toBe(404);
  });

  it('stores a NUL character typed by an editor once, and keeps the projection working', async () => {
    const board = await createBoard(await t.loginAs('developer'), kainuuSpace);
    const a = await stock('developer', board.doc);
    a.doc.getText('t').insert(0, 'ennen\u0000jälkeen');
    await until(async () => {
      const [row] = await t.db.query(`SELECT text FROM collab_projections WHERE doc_name = $1`, [board.doc]);
      return row?.text === 'ennenjälkeen';
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.count(`collab_updates WHERE doc_name = '${board.doc}'`)).toBe(1);
    expect((await t.client().get('/api/health/ready')).status).toBe(200);
  });

  it('refuses a blank board title', async () => {
    const res = await (await t.loginAs('developer')).post('/api/boards', { spaceId: kainuuSpace, title: '   ' });
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe('title');
  });
});

describe('shutdown', () => {
  it('closes open collaboration sockets and finishes quickly, with their last edits stored', async () => {
    const own = await startTestApp({ COLLAB_FLUSH_MS: '1000' });
    await own.app.listen(0, '127.0.0.1');
    const url = `ws://127.0.0.1:${(own.server.address() as AddressInfo).port}`;
    const developer = await own.loginAs('developer');
    const spaces = (await developer.get('/api/spaces')).body as Space[];
    const board = await createBoard(developer, spaces[0].id);
    const client = await connectStock(developer, url, board.doc);
    client.doc.getText('t').insert(0, 'viimeinen sana');
    await new Promise((r) => setTimeout(r, 100));
    const dbUrl = own.config.DATABASE_URL as string;
    const started = Date.now();
    await own.app.close();
    expect(Date.now() - started).toBeLessThan(5000);
    client.destroy();
    // The app's own connection is closed: read what it stored through a fresh one.
    const { Client } = await import('pg');
    const pg = new Client({ connectionString: dbUrl });
    await pg.connect();
    const rows = await pg.query(`SELECT count(*)::int AS n FROM collab_updates WHERE doc_name = $1`, [board.doc]);
    const snapshots = await pg.query(`SELECT count(*)::int AS n FROM collab_snapshots WHERE doc_name = $1`, [board.doc]);
    await pg.end();
    expect(rows.rows[0].n + snapshots.rows[0].n).toBeGreaterThan(0);
    await own.close().catch(() => undefined);
  });
});
