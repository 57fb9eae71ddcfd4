import type { CollabAwarenessUser, CollabTokenResponse } from '@kehittamo/shared/collab-protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CollabSession } from './collab-session';

/** A WebSocket the test drives: it records what the client sends and delivers what the "server" says. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static created: FakeSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'blob';
  readonly sent: Uint8Array[] = [];
  /** How many of `sent` the fake server has handled. */
  handled = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.created.push(this);
  }

  send(data: Uint8Array): void {
    this.sent.push(new Uint8Array(data));
  }

  close(): void {
    this.readyState = this.CLOSED;
  }

  receive(message: Uint8Array): void {
    this.onmessage?.({ data: message.slice().buffer });
  }

  /** The server closes the socket (or refuses the upgrade, which a browser reports as 1006). */
  drop(code: number): void {
    this.readyState = this.CLOSED;
    this.onclose?.({ code, reason: '' });
  }
}

/** Handles frames in order like the real server: applies updates, answers every step 1 with a step 2. */
class FakeServer {
  readonly doc = new Y.Doc();
  /** The room's presence, as the real server keeps it (it has no state of its own). */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());

  constructor() {
    this.awareness.setLocalState(null);
  }

  /** Opens the socket and sends the server's step 1, as the real server does on connect. */
  accept(socket: FakeSocket): void {
    socket.readyState = socket.OPEN;
    socket.onopen?.();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    socket.receive(encoding.toUint8Array(encoder));
  }

  /** Handles everything the client has sent so far. */
  handle(socket: FakeSocket): void {
    while (socket.handled < socket.sent.length) {
      const decoder = decoding.createDecoder(socket.sent[socket.handled++]);
      if (decoding.readVarUint(decoder) === 1) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), socket);
        continue;
      }
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        syncProtocol.writeSyncStep2(encoder, this.doc, payload);
        socket.receive(encoding.toUint8Array(encoder));
      } else {
        Y.applyUpdate(this.doc, payload);
      }
    }
  }

  /** Sends awareness states, as the server relays them (with its own `user` field). */
  sendPresence(socket: FakeSocket, users: { clientId: number; user: CollabAwarenessUser }[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, users.length);
    for (const { clientId, user } of users) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, JSON.stringify({ user }));
    }
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 1);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(encoder));
    socket.receive(encoding.toUint8Array(message));
  }
}

function token(n: number, access: CollabTokenResponse['access'] = 'edit'): CollabTokenResponse {
  return {
    token: `t${n}`,
    url: `ws://public.example/collab/board.x?token=t${n}`,
    serverUrl: 'ws://public.example/collab',
    room: 'board.x',
    access,
    expiresInSeconds: 60,
  };
}

const user = (id: string, name: string): CollabAwarenessUser => ({ id, name, color: '#0b57d0', organisation: 'KAINUU' });

describe('CollabSession', () => {
  let server: FakeServer;
  let requestToken: ReturnType<typeof vi.fn<(doc: string) => Promise<CollabTokenResponse>>>;
  let issued: number;
  let session: CollabSession | undefined;

  function open(options: { random?: () => number } = {}): CollabSession {
    session = new CollabSession({
      docName: 'board.x',
      serverUrl: 'ws://app.example/collab',
      requestToken,
      selfUserId: () => 'me',
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
      random: options.random ?? (() => 0),
    });
    return session;
  }

  const lastSocket = () => FakeSocket.created[FakeSocket.created.length - 1];

  /** Accepts the newest socket and lets the handshake finish. */
  async function connect(): Promise<FakeSocket> {
    await vi.advanceTimersByTimeAsync(0);
    const socket = lastSocket();
    server.accept(socket);
    await vi.advanceTimersByTimeAsync(0);
    server.handle(socket);
    return socket;
  }

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.created = [];
    server = new FakeServer();
    issued = 0;
    requestToken = vi.fn(async () => token(++issued));
  });

  afterEach(() => {
    session?.close();
    session = undefined;
    server.awareness.destroy();
    vi.useRealTimers();
  });

  it('connects on the page’s own origin with a fresh single-use token every time', async () => {
    const s = open();
    expect(s.connection()).toBe('connecting');
    const first = await connect();
    expect(first.url).toBe('ws://app.example/collab/board.x?token=t1');
    expect(s.connection()).toBe('connected');
    expect(s.synced()).toBe(true);
    expect(s.access()).toBe('edit');

    first.drop(1001); // server going away
    expect(s.connection()).toBe('offline');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(requestToken).toHaveBeenCalledTimes(2);
    expect(FakeSocket.created).toHaveLength(2);
    expect(lastSocket().url).toBe('ws://app.example/collab/board.x?token=t2');
  });

  it('says “saving” until the server has handled the edit, then “saved”', async () => {
    const s = open();
    const socket = await connect();
    expect(s.saveState()).toBe('saved');

    s.doc.getText('notes').insert(0, 'hei');
    expect(s.saveState()).toBe('saving');
    await vi.advanceTimersByTimeAsync(250); // the probe goes out after a short pause
    expect(s.saveState()).toBe('saving'); // sent, but the server has not answered
    server.handle(socket);
    expect(s.saveState()).toBe('saved');
    expect(server.doc.getText('notes').toString()).toBe('hei');
  });

  it('does not count remote changes as unsaved local ones', async () => {
    const s = open();
    const socket = await connect();
    const remote = new Y.Doc();
    remote.getText('notes').insert(0, 'muilta');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(remote));
    socket.receive(encoding.toUint8Array(encoder));
    expect(s.doc.getText('notes').toString()).toBe('muilta');
    expect(s.saveState()).toBe('saved');
  });

  it('keeps edits made offline, says so, and saves them after reconnecting', async () => {
    const s = open();
    const first = await connect();
    s.doc.getText('notes').insert(0, 'a');
    first.drop(1006); // lost before the server handled anything
    expect(s.connection()).toBe('offline');
    expect(s.saveState()).toBe('offline-unsaved');
    s.doc.getText('notes').insert(1, 'b');
    expect(s.saveState()).toBe('offline-unsaved');

    await vi.advanceTimersByTimeAsync(500);
    const second = lastSocket();
    expect(second).not.toBe(first);
    server.accept(second);
    expect(s.connection()).toBe('connected');
    expect(s.saveState()).toBe('saving');
    server.handle(second); // the handshake: its answer does not yet prove our offline edits arrived
    await vi.advanceTimersByTimeAsync(250);
    expect(s.saveState()).toBe('saving');
    server.handle(second);
    expect(s.saveState()).toBe('saved');
    expect(server.doc.getText('notes').toString()).toBe('ab');
  });

  it('stops for good with “no-access” when the token request answers 404', async () => {
    const s = open();
    const socket = await connect();
    requestToken.mockRejectedValue({ status: 404 });
    socket.drop(4003); // rights changed: ask again at once
    await vi.advanceTimersByTimeAsync(0);
    expect(requestToken).toHaveBeenCalledTimes(2);
    expect(s.connection()).toBe('no-access');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(requestToken).toHaveBeenCalledTimes(2);
    expect(FakeSocket.created).toHaveLength(1);
  });

  it('stops, and says why, when the server refuses a change as too large (resending would fail again)', async () => {
    const s = open();
    const socket = await connect();
    s.doc.getText('notes').insert(0, 'x'.repeat(100));
    socket.drop(4009);
    expect(s.problem()).toBe('document-too-large');
    expect(s.stopped()).toBe(true);
    expect(s.saveState()).toBe('offline-unsaved');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(requestToken).toHaveBeenCalledTimes(1);
    expect(FakeSocket.created).toHaveLength(1);
  });

  it('reconnects after a pause of at least 5 s when rate-limited, and clears the warning once synced', async () => {
    const s = open();
    const socket = await connect();
    socket.drop(4029);
    expect(s.problem()).toBe('rate-limited');
    await vi.advanceTimersByTimeAsync(4_900);
    expect(FakeSocket.created).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await connect();
    expect(s.problem()).toBeNull();
  });

  it('takes the new access level from the new token after rights change', async () => {
    const s = open();
    const socket = await connect();
    expect(s.canEdit()).toBe(true);
    requestToken.mockImplementation(async () => token(++issued, 'view'));
    socket.drop(4003);
    await connect();
    expect(s.access()).toBe('view');
    expect(s.canEdit()).toBe(false);
  });

  it('backs off exponentially while the server refuses connections, and on failing token requests', async () => {
    const s = open({ random: () => 1 });
    await vi.advanceTimersByTimeAsync(0);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      lastSocket().drop(1006); // e.g. 401 at the upgrade: the browser sees only a failed connection
      const before = FakeSocket.created.length;
      let waited = 0;
      while (FakeSocket.created.length === before) {
        await vi.advanceTimersByTimeAsync(100);
        waited += 100;
      }
      times.push(waited);
    }
    expect(times).toEqual([500, 1000, 2000, 4000]);
    expect(s.connection()).toBe('offline');

    requestToken.mockRejectedValue({ status: 0 }); // network down
    lastSocket().drop(1006);
    await vi.advanceTimersByTimeAsync(16_000 + 8_000);
    expect(s.connection()).toBe('offline');
    expect(requestToken.mock.calls.length).toBeGreaterThanOrEqual(7);
  });

  it('lists the others present once each, by the server-set user, leaving out this user', async () => {
    const s = open();
    const socket = await connect();
    server.sendPresence(socket, [
      { clientId: 101, user: user('u-fasi', 'Fasilitaattori (demo)') },
      { clientId: 102, user: user('u-fasi', 'Fasilitaattori (demo)') }, // a second tab
      { clientId: 103, user: user('me', 'Minä') },
      { clientId: 104, user: user('u-arvo', 'Arvioija') },
    ]);
    expect(s.peers().map((peer) => peer.name)).toEqual(['Arvioija', 'Fasilitaattori (demo)']);

    socket.drop(1001);
    expect(s.peers()).toEqual([]); // nobody is known to be present while offline

    // After reconnecting the server reports the same states again (same clocks): shown at once.
    await vi.advanceTimersByTimeAsync(500);
    const again = await connect();
    server.sendPresence(again, [{ clientId: 104, user: user('u-arvo', 'Arvioija') }]);
    expect(s.peers().map((peer) => peer.name)).toEqual(['Arvioija']);
  });

  it('is present for others at once, also after reconnecting (awareness clocks the server accepts)', async () => {
    const s = open();
    const first = await connect();
    expect(server.awareness.getStates().has(s.doc.clientID)).toBe(true);

    first.drop(1006);
    // The server forgets a closed connection's presence, at a higher clock.
    awarenessProtocol.removeAwarenessStates(server.awareness, [s.doc.clientID], null);
    expect(server.awareness.getStates().has(s.doc.clientID)).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    await connect();
    expect(server.awareness.getStates().has(s.doc.clientID)).toBe(true);
  });

  it('closes cleanly: no reconnect, no further token requests', async () => {
    const s = open();
    const socket = await connect();
    s.close();
    expect(socket.readyState).toBe(socket.CLOSED);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requestToken).toHaveBeenCalledTimes(1);
    expect(FakeSocket.created).toHaveLength(1);
    session = undefined;
  });

});
