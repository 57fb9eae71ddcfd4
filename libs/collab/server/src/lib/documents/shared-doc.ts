import { Logger } from '@nestjs/common';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { CollabCloseCode, YMessageType } from '@kehittamo/shared/collab-protocol';
import type { DocumentStore } from '../persistence/document-store';
import type { StateBuilder } from '../persistence/state-builder';
import type { CollabMetrics } from '../metrics/collab-metrics';
import { BusMessageKind, type RedisDocBus } from '../scaling/redis-doc-bus';

/** Origin of changes that arrived from another instance over Redis. */
const FROM_OTHER_INSTANCE = Symbol('from-other-instance');
/** Origin of a change the server itself makes (e.g. restoring a version). */
const FROM_SERVER = Symbol('from-server');
/** Origin of a batch of this instance's clients' updates, applied in one transaction. */
const FROM_CLIENTS = Symbol('from-clients');

/**
 * Caps on one batch (one transaction, one broadcast). Whatever is left waits for the next
 * event-loop turn, so a client pushing a burst never holds the loop for long.
 */
const BATCH_MAX_UPDATES = 256;
const BATCH_MAX_BYTES = 1024 * 1024;
/** Time budget of one batch's applying; what is left waits for the next turn. */
const BATCH_MAX_MS = 3;
/** Longest time the projection (text + JSON for search and export) lags behind the stored updates. */
export const PROJECTION_INTERVAL_MS = 2000;

export interface SharedDocOptions {
  flushMs: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  compactAfterMs: number;
  /** Builds snapshots and projections from stored updates off the event loop. */
  builder: StateBuilder;
  metrics: CollabMetrics;
  maxDocumentBytes: number;
  /** A schema check of client updates (model descriptions): returns why one is refused, or null. */
  checkUpdate?: (update: Uint8Array) => string | null;
}

/** What a room needs from a connection: a way to send, and who it is. */
export interface DocPeer {
  send(message: Uint8Array): void;
  /** The Y.Doc has been built from storage (the peer was sent the stored copy before). */
  documentReady(): void;
  /** One of this peer's queued updates left the inbox (it may read more again). */
  updateTaken(): void;
  /** Called when an update this peer sent could not be applied (or broke the schema): the peer closes. */
  refuse(reason: string, code?: number): void;
  /** Awareness client ids this peer controls (cleared when it leaves). */
  readonly awarenessIds: Set<number>;
}

/**
 * One Y.Doc and its awareness, shared by every connection to a document on this instance.
 * Clients' updates are applied in batches, one transaction per event-loop turn, and each
 * batch is broadcast as one message (a room of 400 sends 400 frames per turn, not 400 per
 * update). Updates are stored within `flushMs` (the durability window); when storage fails
 * they stay queued and are retried, and the room reports unhealthy.
 */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<DocPeer>();
  /**
   * Awareness client ids that connections on other instances speak for: a connection here
   * cannot take them over. Freed when the other instance removes the state (its client left)
   * or, for a crashed instance, when the state times out (30 s without renewal).
   */
  readonly remoteAwarenessIds = new Set<number>();

  private readonly logger = new Logger('SharedDoc');
  private pending: Uint8Array[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  /** The stored log after the snapshot: rows, bytes, when its oldest row was written. */
  private tailCount = 0;
  private tailBytes = 0;
  private tailSince: number | null = null;
  /** Ids of log rows already in `doc`: read at load or written by this instance. */
  private readonly rowsInDoc = new Set<string>();
  private bus: RedisDocBus | null = null;
  private failures = 0;
  /** Client updates waiting for the next batch. */
  private inbox: { peer: DocPeer; update: Uint8Array; receivedAt: number }[] = [];
  /** Peers refused for a bad update: the rest of what they queued is dropped. */
  private readonly refused = new WeakSet<DocPeer>();
  private inboxBytes = 0;
  /** Awareness client ids changed since the last broadcast. */
  private awarenessChanged = new Set<number>();
  private batchScheduled: NodeJS.Immediate | null = null;
  private derivedTimer: NodeJS.Timeout | null = null;
  /** The stored state not yet applied to `doc` (see `load`). */
  private stored: Uint8Array | null = null;
  /** Approximate stored size: loaded bytes plus every update since. */
  bytes = 0;
  storageHealthy = true;

  constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: SharedDocOptions,
  ) {
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Updates applied while loading come from storage: neither stored again nor broadcast.
      if (origin !== this) this.onUpdate(update, origin);
    });
    this.awareness.on('update', (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.onAwareness(change, origin),
    );
  }

  /**
   * Reads the document from storage. Throws when storage fails: a room is never served empty
   * by mistake. The stored state is not applied yet: the first connections get it as it is
   * (see `storedState`), and the Y.Doc is built right after, off their critical path.
   */
  async load(): Promise<void> {
    const stored = await this.store.load(this.name);
    this.tailCount = stored.tailCount;
    this.tailBytes = stored.tailBytes;
    this.tailSince = stored.tailSince;
    stored.tailIds.forEach((id) => this.rowsInDoc.add(id));
    this.bytes = stored.bytes;
    // A snapshot with log rows after it is merged (off the event loop) into one update, so a
    // client gets it as one sync step 2: a stock provider reports `synced` on the first step 2,
    // and anything arriving after it would be missing at that moment.
    if (stored.updates.length > 1) this.stored = await this.options.builder.merge(stored.updates);
    else this.stored = stored.updates[0] ?? null;
  }

  /** The stored state as one update, while the Y.Doc has not been built from it; else null. */
  get storedState(): Uint8Array | null {
    return this.stored;
  }

  /** Builds the Y.Doc from the stored updates after the current I/O (e.g. the first client's copy) is on its way. */
  applySoon(): void {
    if (this.stored) setImmediate(() => this.ensureApplied());
  }

  /**
   * Builds the Y.Doc from the stored updates (once). Everything that reads or changes the
   * document calls this first; the peers that were sent the stored copy then get the
   * server's sync step 1, so they send what they have that the server lacks.
   */
  ensureApplied(): void {
    const stored = this.stored;
    if (!stored) return;
    this.stored = null;
    Y.applyUpdate(this.doc, stored, this);
    for (const peer of this.peers) peer.documentReady();
    this.bus?.publish(this.name, BusMessageKind.syncRequest, Y.encodeStateVector(this.doc));
  }

  wouldExceedCap(updateBytes: number): boolean {
    return this.bytes + this.inboxBytes + updateBytes > this.options.maxDocumentBytes;
  }

  /**
   * Queues a client update for the next batch; one that does not decode there refuses its peer.
   * `receivedAt` (performance.now()) feeds the update-delay metric.
   */
  receiveUpdate(peer: DocPeer, update: Uint8Array, receivedAt = performance.now()): void {
    this.inbox.push({ peer, update, receivedAt });
    this.inboxBytes += update.byteLength;
    this.scheduleBatch();
  }

  private scheduleBatch(): void {
    this.batchScheduled ??= setImmediate(() => this.runBatch());
  }

  /** Applies queued client updates in one transaction (one stored row, one broadcast) and sends changed presence. */
  private runBatch(): void {
    this.batchScheduled = null;
    this.ensureApplied();
    let count = 0;
    let bytes = 0;
    while (count < this.inbox.length && count < BATCH_MAX_UPDATES && bytes < BATCH_MAX_BYTES) bytes += this.inbox[count++].update.byteLength;
    const batch = this.inbox.splice(0, count);
    this.inboxBytes -= bytes;
    const started = performance.now();
    const appliedReceivedAt: number[] = [];
    if (batch.length > 0) {
      // A peer that already left still had its updates received: they are applied. One refused
      // update drops the rest of what that peer queued (it may depend on it).
      Y.transact(
        this.doc,
        () => {
          for (const [index, { peer, update, receivedAt }] of batch.entries()) {
            // Over the time budget: the rest goes back to the front of the inbox for the next turn.
            if (performance.now() - started > BATCH_MAX_MS) {
              const rest = batch.slice(index);
              this.inbox.unshift(...rest);
              this.inboxBytes += rest.reduce((n, entry) => n + entry.update.byteLength, 0);
              break;
            }
            peer.updateTaken();
            if (this.refused.has(peer)) continue;
            try {
              const refusal = this.options.checkUpdate?.(update);
              if (refusal) {
                this.refused.add(peer);
                this.options.metrics.socketsRefused++;
                peer.refuse(`content refused: ${refusal}`, CollabCloseCode.contentRefused);
                continue;
              }
              Y.applyUpdate(this.doc, update, FROM_CLIENTS);
              appliedReceivedAt.push(receivedAt);
            } catch (error) {
              this.refused.add(peer);
              this.options.metrics.socketsRefused++;
              peer.refuse(`update could not be applied: ${(error as Error).message}`);
            }
          }
        },
        FROM_CLIENTS,
      );
    }
    // The transaction's 'update' event has broadcast the batch by now.
    if (appliedReceivedAt.length > 0) {
      const { metrics } = this.options;
      const now = performance.now();
      metrics.broadcasts++;
      metrics.updatesApplied += appliedReceivedAt.length;
      appliedReceivedAt.forEach((receivedAt) => metrics.recordUpdateDelay(now - receivedAt));
    }
    if (this.awarenessChanged.size > 0) {
      const changed = [...this.awarenessChanged];
      this.awarenessChanged.clear();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, YMessageType.awareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.broadcast(encoding.toUint8Array(encoder));
    }
    if (this.inbox.length > 0) this.scheduleBatch();
  }

  /**
   * Joins the document's Redis channel and asks the other instances for anything this
   * instance lacks (updates they broadcast but may not have stored yet).
   */
  async attachBus(bus: RedisDocBus): Promise<void> {
    this.bus = bus;
    await bus.subscribe(this.name, (kind, payload) => this.fromOtherInstance(kind, payload));
    // Not built yet: ensureApplied() asks once it is.
    if (!this.stored) bus.publish(this.name, BusMessageKind.syncRequest, Y.encodeStateVector(this.doc));
  }

  /** After a Redis outage: ask the other instances for what was missed, and tell them who is here. */
  resync(): void {
    if (!this.bus || this.stored) return;
    this.bus.publish(this.name, BusMessageKind.syncRequest, Y.encodeStateVector(this.doc));
    this.publishLocalAwareness();
  }

  private publishLocalAwareness(): void {
    const local = [...this.peers].flatMap((peer) => [...peer.awarenessIds]);
    if (local.length > 0) this.bus?.publish(this.name, BusMessageKind.awareness, awarenessProtocol.encodeAwarenessUpdate(this.awareness, local));
  }

  private fromOtherInstance(kind: BusMessageKind, payload: Uint8Array): void {
    try {
      if (kind !== BusMessageKind.awareness) this.ensureApplied();
      if (kind === BusMessageKind.update) Y.applyUpdate(this.doc, payload, FROM_OTHER_INSTANCE);
      else if (kind === BusMessageKind.awareness) awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, FROM_OTHER_INSTANCE);
      else if (kind === BusMessageKind.syncRequest) {
        const missing = Y.encodeStateAsUpdate(this.doc, payload);
        // An empty update is 2 bytes: nothing to send.
        if (missing.byteLength > 2) this.bus?.publish(this.name, BusMessageKind.update, missing);
        // The instance that asks also lacks who is here, and may hold what this one lacks
        // (edits its clients made while it was cut off from Redis).
        this.publishLocalAwareness();
        this.bus?.publish(this.name, BusMessageKind.syncReply, Y.encodeStateVector(this.doc));
      } else if (kind === BusMessageKind.syncReply) {
        const missing = Y.encodeStateAsUpdate(this.doc, payload);
        if (missing.byteLength > 2) this.bus?.publish(this.name, BusMessageKind.update, missing);
      }
    } catch (error) {
      this.logger.warn(`ignored a bad message from another instance for ${this.name}: ${(error as Error).message}`);
    }
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.bytes += update.byteLength;
    // The instance whose client made the change stores it; the others only relay it.
    if (origin !== FROM_OTHER_INSTANCE) {
      this.pending.push(update);
      this.scheduleFlush(this.options.flushMs);
      this.bus?.publish(this.name, BusMessageKind.update, update);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    this.broadcast(encoding.toUint8Array(encoder));
  }

  private onAwareness(change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const peer = origin as DocPeer | null;
    if (peer && this.peers.has(peer)) {
      change.added.forEach((id) => peer.awarenessIds.add(id));
      change.removed.forEach((id) => peer.awarenessIds.delete(id));
    }
    if (origin === FROM_OTHER_INSTANCE) {
      [...change.added, ...change.updated].forEach((id) => this.remoteAwarenessIds.add(id));
      change.removed.forEach((id) => this.remoteAwarenessIds.delete(id));
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (origin !== FROM_OTHER_INSTANCE && this.bus) {
      this.bus.publish(this.name, BusMessageKind.awareness, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
    // Cursor moves of a whole room are sent together, once per turn, with each client's latest state.
    changed.forEach((id) => this.awarenessChanged.add(id));
    this.scheduleBatch();
  }

  /**
   * A change made by the server (restoring a version): applied like a client's, so it is
   * stored, broadcast and sent to the other instances.
   */
  changeFromServer(change: (doc: Y.Doc) => void): void {
    this.ensureApplied();
    Y.transact(this.doc, () => change(this.doc), FROM_SERVER);
  }

  broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message);
  }

  leave(peer: DocPeer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  private scheduleFlush(delay: number): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, delay);
  }

  /** Stores queued updates; on failure keeps them and retries with backoff (up to 5 s). */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => this.flush());
    if (this.pending.length === 0) return Promise.resolve();
    // One row per write: fewer rows keep loads, projections and compaction cheap. These are the
    // document's own encodings (its 'update' events), never client bytes, so merging is safe.
    const batch = this.pending.length > 1 ? [Y.mergeUpdates(this.pending)] : this.pending;
    this.pending = [];
    this.flushing = (async () => {
      try {
        const ids = await this.store.append(this.name, batch);
        ids.forEach((id) => this.rowsInDoc.add(id));
        this.tailCount += batch.length;
        this.tailBytes += batch.reduce((n, u) => n + u.byteLength, 0);
        this.tailSince ??= Date.now();
        this.failures = 0;
        this.storageHealthy = true;
      } catch (error) {
        this.pending = [...batch, ...this.pending];
        this.failures += 1;
        this.storageHealthy = false;
        this.logger.warn(`storing ${this.name} failed (${this.failures}× in a row): ${(error as Error).message}`);
        this.scheduleFlush(Math.min(5000, this.options.flushMs * 2 ** this.failures));
        return;
      } finally {
        this.flushing = null;
      }
      this.scheduleDerived();
    })();
    return this.flushing;
  }

  /**
   * Projection and compaction follow the stored updates at most once per
   * PROJECTION_INTERVAL_MS. Both are built from what is stored, on the builder's worker thread.
   */
  private scheduleDerived(): void {
    if (this.derivedTimer) return;
    this.derivedTimer = setTimeout(() => void this.updateDerived(), PROJECTION_INTERVAL_MS);
  }

  /** Derived data: the updates are already safe, so a failure here is logged and retried with the next write. */
  private async updateDerived(): Promise<void> {
    this.derivedTimer = null;
    try {
      if (this.compactionDue()) await this.compact();
      else {
        const { projection } = await this.options.builder.build((await this.store.load(this.name)).updates, false);
        await this.store.saveProjection(this.name, projection);
      }
    } catch (error) {
      this.logger.warn(`updating the projection or snapshot of ${this.name} failed: ${(error as Error).message}`);
    }
  }

  /**
   * Folds the stored log into one snapshot, built from the stored updates on the builder's
   * worker thread. Stored rows the in-memory document lacks (another instance's, whose Redis
   * message was lost) are applied to it too, as if they had arrived over Redis.
   */
  async compact(): Promise<void> {
    const result = await this.store.compact(this.name, async ({ updates, rows }) => {
      const missing = rows.filter((row) => !this.rowsInDoc.has(row.id));
      if (missing.length > 0) {
        this.ensureApplied();
        Y.transact(this.doc, () => missing.forEach((row) => Y.applyUpdate(this.doc, row.data, FROM_OTHER_INSTANCE)), FROM_OTHER_INSTANCE);
        missing.forEach((row) => this.rowsInDoc.add(row.id));
      }
      const { state, projection } = await this.options.builder.build(updates, true);
      if (!state) throw new Error('the builder returned no state');
      return { state, projection };
    });
    if (!result) return;
    // Rows stored while the snapshot was built are still in the log.
    result.compactedRows.forEach((id) => this.rowsInDoc.delete(id));
    this.tailCount = Math.max(0, this.tailCount - result.compactedRows.length);
    this.tailBytes = Math.max(0, this.tailBytes - result.compactedBytes);
    this.tailSince = this.tailCount > 0 ? Date.now() : null;
  }

  /** Compaction by size (rows or bytes of the log after the snapshot) or by age of its oldest row. */
  private compactionDue(): boolean {
    const { compactAfterUpdates, compactAfterBytes, compactAfterMs } = this.options;
    return (
      this.tailCount >= compactAfterUpdates ||
      this.tailBytes >= compactAfterBytes ||
      (this.tailSince !== null && Date.now() - this.tailSince >= compactAfterMs)
    );
  }

  get hasPendingWrites(): boolean {
    return this.pending.length > 0 || this.flushing !== null;
  }

  /**
   * Stores what is left and frees the document. A document with a tail is compacted
   * first, so the next open applies one snapshot instead of replaying the log.
   */
  async close(): Promise<void> {
    if (this.batchScheduled) clearImmediate(this.batchScheduled);
    while (this.inbox.length > 0) this.runBatch();
    if (this.batchScheduled) clearImmediate(this.batchScheduled);
    this.batchScheduled = null;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flush();
    const derivedDue = this.derivedTimer !== null;
    if (this.derivedTimer) clearTimeout(this.derivedTimer);
    this.derivedTimer = null;
    if (this.tailCount > 0 && this.storageHealthy) await this.compact().catch(() => undefined);
    else if (derivedDue) await this.updateDerived();
    await this.bus?.unsubscribe(this.name);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
