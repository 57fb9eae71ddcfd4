import { computed, signal, type Signal } from '@angular/core';
import {
  CollabCloseCode,
  type CollabAwarenessUser,
  type CollabTokenResponse,
} from '@kehittamo/shared/collab-protocol';
import type { SpaceAccess } from '@kehittamo/shared/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { reconnectDelay } from './backoff';
import { SaveTracker } from './save-tracker';

/**
 * - `connecting`: the first connection is being made;
 * - `connected`: a socket is open (see `synced` for whether the document has arrived);
 * - `offline`: the connection dropped or could not be made; retrying with backoff;
 * - `no-access`: the server says this user may not open the document (token request 404); no more retries.
 */
export type CollabConnectionState = 'connecting' | 'connected' | 'offline' | 'no-access';

/**
 * - `saved`: the server has acknowledged every local change (or there were none);
 * - `saving`: connected, some local changes not yet acknowledged;
 * - `offline-unsaved`: not connected and some local changes not yet acknowledged. They are kept
 *   in this tab's memory and sent when the connection returns (closing the tab loses them).
 */
export type CollabSaveState = 'saved' | 'saving' | 'offline-unsaved';

/**
 * Something the server refused that the user should know about:
 * - `document-too-large` (close 4009) and `change-too-large` (1009): the local changes cannot be
 *   saved, and reconnecting would only send them again, so the session stops; the page should
 *   offer a reload (which continues from the saved version);
 * - `rate-limited` (4029): reconnecting after a pause; cleared when the document syncs again.
 */
export type CollabProblem = 'document-too-large' | 'change-too-large' | 'rate-limited';

/** A token request that failed with this HTTP status means "no access": stop retrying. */
const NO_ACCESS_STATUS = 404;
/** A connection that stayed synced this long resets the backoff. */
const STABLE_CONNECTION_MS = 5_000;
/** Local edits are acknowledged at most this often (a probe after a short pause). */
const PROBE_DELAY_MS = 200;
/** After "too many messages" the server needs a breather. */
const RATE_LIMITED_MIN_DELAY_MS = 5_000;

export interface CollabSessionOptions {
  /** `board.<uuid>` or `model.<uuid>`. */
  docName: string;
  /** WebSocket base URL without the document, e.g. `wss://host/collab`. */
  serverUrl: string;
  /** `POST /api/collab/token`; rejects with an error carrying the HTTP `status` when refused. */
  requestToken: (docName: string) => Promise<CollabTokenResponse>;
  /** The logged-in user, left out of `peers` (their other tabs are not "others"). */
  selfUserId?: () => string | null;
  /** Tests pass a fake WebSocket. */
  WebSocketImpl?: typeof WebSocket;
  /** Jitter source for the backoff; `Math.random` unless a test fixes it. */
  random?: () => number;
  /** Calls `retry` when the network comes back (the window's `online` event); returns an unsubscribe. */
  onNetworkBack?: (retry: () => void) => () => void;
}

/**
 * One open collaborative document: a `Y.Doc` kept in sync with the server over a stock
 * `WebsocketProvider`, and its state as Angular signals. Made by `CollabDocumentService.open`.
 *
 * Every connection uses a fresh single-use token: the provider's own reconnect (which would
 * reuse a spent token) is switched off, and this class reconnects with exponential backoff and
 * jitter (0.5 s → 30 s). It stops for good, with `connection() === 'no-access'`, when the token
 * request answers 404. Call `close()` when the page goes away.
 */
export class CollabSession {
  readonly doc: Y.Doc = new Y.Doc();
  readonly awareness: Awareness;

  private readonly connectionState = signal<CollabConnectionState>('connecting');
  private readonly syncedState = signal(false);
  private readonly loadedState = signal(false);
  private readonly accessState = signal<SpaceAccess | null>(null);
  private readonly unacknowledged = signal(0);
  private readonly peerList = signal<readonly CollabAwarenessUser[]>([]);
  private readonly problemState = signal<CollabProblem | null>(null);

  /** Connection to the server; `no-access` is final. */
  readonly connection: Signal<CollabConnectionState> = this.connectionState.asReadonly();
  /** True once the server's copy has been received on the current connection. */
  readonly synced: Signal<boolean> = this.syncedState.asReadonly();
  /** True once the server's copy has been received at least once; stays true while offline. */
  readonly loaded: Signal<boolean> = this.loadedState.asReadonly();
  /** The user's rights in the document (from the latest token); null before the first one. */
  readonly access: Signal<SpaceAccess | null> = this.accessState.asReadonly();
  /** Only `edit` may change the document; the server drops changes sent with other rights. */
  readonly canEdit: Signal<boolean> = computed(() => this.accessState() === 'edit');
  /** Whether the server has every local change — see {@link CollabSaveState}. */
  readonly saveState: Signal<CollabSaveState> = computed(() => {
    if (this.unacknowledged() === 0) return 'saved';
    return this.connectionState() === 'connected' ? 'saving' : 'offline-unsaved';
  });
  /** The other people in the document (the server-set `user` of each awareness state), one entry per person. */
  readonly peers: Signal<readonly CollabAwarenessUser[]> = this.peerList.asReadonly();
  /** A refusal worth showing — see {@link CollabProblem}. */
  readonly problem: Signal<CollabProblem | null> = this.problemState.asReadonly();

  /** True when the session has stopped for good: no access, or a change the server cannot take. */
  readonly stopped: Signal<boolean> = computed(
    () =>
      this.connectionState() === 'no-access' ||
      this.problemState() === 'document-too-large' ||
      this.problemState() === 'change-too-large',
  );

  private readonly provider: WebsocketProvider;
  private readonly tracker = new SaveTracker();
  private readonly random: () => number;
  private readonly stopListeningToNetwork: () => void;
  private closed = false;
  private attempt = 0;
  private syncedAt: number | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private tokenRequestRunning = false;

  constructor(private readonly options: CollabSessionOptions) {
    this.random = options.random ?? Math.random;
    this.provider = new WebsocketProvider(options.serverUrl, options.docName, this.doc, {
      connect: false,
      // Other tabs would bypass the server (and its read-only rule and our save accounting).
      disableBc: true,
      WebSocketPolyfill: options.WebSocketImpl,
    });
    this.awareness = this.provider.awareness;
    this.watchSyncMessages();
    this.provider.on('status', ({ status }) => this.onStatus(status));
    this.provider.on('sync', (synced: boolean) => this.onSync(synced));
    this.provider.on('connection-close', (event: CloseEvent | null) => this.onClose(event));
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('change', this.onAwarenessChange);
    this.stopListeningToNetwork = options.onNetworkBack?.(() => this.retryNow()) ?? (() => undefined);
    void this.connectWithFreshToken();
  }

  get docName(): string {
    return this.options.docName;
  }

  /** Disconnects (telling the others this user left), stops retrying and frees the document. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.probeTimer);
    this.stopListeningToNetwork();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('change', this.onAwarenessChange);
    this.provider.destroy();
    this.awareness.destroy();
    this.doc.destroy();
    this.syncedState.set(false);
    this.peerList.set([]);
  }

  // ---------- connecting ----------

  private async connectWithFreshToken(): Promise<void> {
    this.reconnectTimer = undefined;
    if (this.closed || this.tokenRequestRunning || this.provider.ws) return;
    this.tokenRequestRunning = true;
    let token: CollabTokenResponse;
    try {
      token = await this.options.requestToken(this.options.docName);
    } catch (error) {
      this.tokenRequestRunning = false;
      if (this.closed) return;
      if (httpStatus(error) === NO_ACCESS_STATUS) {
        this.giveUp();
      } else {
        this.connectionState.set('offline');
        this.scheduleReconnect(reconnectDelay(this.attempt++, this.random));
      }
      return;
    }
    this.tokenRequestRunning = false;
    if (this.closed) return;
    this.accessState.set(token.access);
    this.provider.roomname = token.room;
    this.provider.params = { token: token.token };
    this.raiseAwarenessClock();
    this.provider.connect();
  }

  /**
   * Awareness states are accepted only with a clock above the last one seen for that client.
   * A fresh Awareness starts at clock 0, which everyone ignores, and the server, on our
   * disconnect, removes our state at our clock + 1. Two local bumps before each connection
   * (no socket yet, so nothing is sent) make the state the provider sends on open count at
   * once, instead of after the 15 s renewal.
   */
  private raiseAwarenessClock(): void {
    for (let i = 0; i < 2; i++) this.awareness.setLocalState({ ...(this.awareness.getLocalState() ?? {}) });
  }

  private scheduleReconnect(delay: number): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connectWithFreshToken(), delay);
  }

  /** The network is back: skip the rest of the backoff. */
  private retryNow(): void {
    if (this.closed || this.connectionState() !== 'offline' || this.reconnectTimer === undefined) return;
    this.scheduleReconnect(0);
  }

  private giveUp(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.connectionState.set('no-access');
    this.syncedState.set(false);
  }

  private onStatus(status: 'connected' | 'disconnected' | 'connecting'): void {
    if (this.closed || status !== 'connected') return;
    // The provider sends its handshake step 1 right after this event.
    this.tracker.socketOpened();
    this.forgetDepartedPeers();
    this.connectionState.set('connected');
  }

  private onSync(synced: boolean): void {
    if (this.closed) return;
    this.syncedState.set(synced);
    if (synced) {
      this.loadedState.set(true);
      this.syncedAt = Date.now();
      if (this.problemState() === 'rate-limited') this.problemState.set(null);
    }
  }

  /**
   * Every closed socket, whether the server closed it, the upgrade was refused (the browser
   * reports only a failed connection), or the provider's watchdog gave up on a silent one.
   */
  private onClose(event: CloseEvent | null): void {
    // Emitted before the provider schedules its own reconnect: switch that off (it would reuse the spent token).
    this.provider.shouldConnect = false;
    if (this.closed) return;
    this.tracker.socketClosed();
    clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    this.syncedState.set(false);
    if (this.connectionState() !== 'no-access') this.connectionState.set('offline');
    if (this.syncedAt !== null && Date.now() - this.syncedAt >= STABLE_CONNECTION_MS) this.attempt = 0;
    this.syncedAt = null;

    const code = event?.code;
    if (code === CollabCloseCode.documentTooLarge || code === CollabCloseCode.messageTooBig) {
      // The refused change is still in the local document: every reconnect would resend it.
      this.problemState.set(code === CollabCloseCode.documentTooLarge ? 'document-too-large' : 'change-too-large');
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = undefined;
      return;
    }
    let delay = reconnectDelay(this.attempt, this.random);
    if (code === CollabCloseCode.accessChanged && this.attempt === 0) {
      delay = 0; // rights changed: ask for a new token (and the new access) at once
    } else if (code === CollabCloseCode.rateLimited) {
      this.problemState.set('rate-limited');
      delay = Math.max(delay, RATE_LIMITED_MIN_DELAY_MS);
    }
    this.attempt++;
    this.scheduleReconnect(delay);
  }

  // ---------- knowing what is saved ----------

  /**
   * Wraps the provider's sync message handler to see, per socket, the server's step 1 (our
   * answer to it carries everything local) and each step 2 (the answer to one of our step 1s).
   */
  private watchSyncMessages(): void {
    const handlers = this.provider.messageHandlers;
    const original = handlers[messageSync];
    handlers[messageSync] = (encoder, decoder, provider, emitSynced, messageType) => {
      const step = decoding.peekVarUint(decoder);
      original(encoder, decoder, provider, emitSynced, messageType);
      if (this.closed) return;
      if (step === syncProtocol.messageYjsSyncStep1) {
        // The provider sends our answer after this handler returns.
        queueMicrotask(() => {
          if (this.closed || provider.ws === null) return;
          this.tracker.serverStateAnswered();
          this.afterSaveChange();
        });
      } else if (step === syncProtocol.messageYjsSyncStep2) {
        this.tracker.answerReceived();
        this.afterSaveChange();
      }
    };
  }

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || this.closed) return;
    this.tracker.localChange();
    this.afterSaveChange();
  };

  private afterSaveChange(): void {
    this.unacknowledged.set(this.tracker.unacknowledged);
    if (this.tracker.wantsProbe() && this.probeTimer === undefined) {
      this.probeTimer = setTimeout(() => this.sendProbe(), PROBE_DELAY_MS);
    }
  }

  /** A sync step 1: the server answers it after handling everything sent before it. */
  private sendProbe(): void {
    this.probeTimer = undefined;
    const ws = this.provider.ws;
    if (this.closed || !ws || !this.provider.wsconnected || ws.readyState !== ws.OPEN || !this.tracker.wantsProbe()) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    this.tracker.probeSent();
  }

  // ---------- presence ----------

  /**
   * On disconnect the provider removes the others' states and remembers their clocks, one
   * higher than the last seen. The server then sends their unchanged states (same clocks), which
   * would be ignored until each renews it 15 s later. Forgetting the clocks of people who are no
   * longer shown lets the new socket's states count at once.
   */
  private forgetDepartedPeers(): void {
    for (const clientId of [...this.awareness.meta.keys()]) {
      if (clientId !== this.doc.clientID && !this.awareness.states.has(clientId)) this.awareness.meta.delete(clientId);
    }
  }

  private readonly onAwarenessChange = (): void => {
    if (this.closed) return;
    const self = this.options.selfUserId?.() ?? null;
    const seen = new Map<string, CollabAwarenessUser>();
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.doc.clientID) continue;
      const user = asAwarenessUser((state as { user?: unknown }).user);
      if (user && user.id !== self && !seen.has(user.id)) seen.set(user.id, user);
    }
    const next = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const current = this.peerList();
    const same =
      next.length === current.length &&
      next.every((user, i) => user.id === current[i].id && user.name === current[i].name && user.color === current[i].color && user.organisation === current[i].organisation);
    if (!same) this.peerList.set(next);
  };
}

/** The `user` field as the server sets it; anything else (a client's own invention) is ignored. */
function asAwarenessUser(value: unknown): CollabAwarenessUser | null {
  if (!value || typeof value !== 'object') return null;
  const { id, name, color, organisation } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') return null;
  return { id, name, color, organisation: typeof organisation === 'string' ? organisation : null };
}

function httpStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}
