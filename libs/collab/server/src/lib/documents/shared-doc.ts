import { Logger } from '@nestjs/common';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { YMessageType } from '@kehittamo/shared/collab-protocol';
import type { DocumentStore } from '../persistence/document-store';
import { BusMessageKind, type RedisDocBus } from '../scaling/redis-doc-bus';
import { projectDocument } from './projection';

/** Origin of changes that arrived from another instance over Redis. */
const FROM_OTHER_INSTANCE = Symbol('from-other-instance');

export interface SharedDocOptions {
  flushMs: number;
  compactAfterUpdates: number;
  maxDocumentBytes: number;
}

/** What a room needs from a connection: a way to send, and who it is. */
export interface DocPeer {
  send(message: Uint8Array): void;
  /** Awareness client ids this peer controls (cleared when it leaves). */
  readonly awarenessIds: Set<number>;
}

/**
 * One Y.Doc and its awareness, shared by every connection to a document on this instance.
 * Updates are broadcast at once and stored within `flushMs` (the durability window);
 * when storage fails they stay queued and are retried, and the room reports unhealthy.
 */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<DocPeer>();

  private readonly logger = new Logger('SharedDoc');
  private pending: Uint8Array[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private tailCount = 0;
  private bus: RedisDocBus | null = null;
  private failures = 0;
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

  /** Fills the document from storage. Throws when storage fails: a room is never served empty by mistake. */
  async load(): Promise<void> {
    const stored = await this.store.load(this.name);
    Y.transact(
      this.doc,
      () => {
        for (const update of stored.updates) Y.applyUpdate(this.doc, update, this);
      },
      this,
    );
    this.tailCount = stored.tailCount;
    this.bytes = stored.bytes;
  }

  wouldExceedCap(updateBytes: number): boolean {
    return this.bytes + updateBytes > this.options.maxDocumentBytes;
  }

  /**
   * Joins the document's Redis channel and asks the other instances for anything this
   * instance lacks (updates they broadcast but may not have stored yet).
   */
  async attachBus(bus: RedisDocBus): Promise<void> {
    this.bus = bus;
    await bus.subscribe(this.name, (kind, payload) => this.fromOtherInstance(kind, payload));
    bus.publish(this.name, BusMessageKind.syncRequest, Y.encodeStateVector(this.doc));
  }

  private fromOtherInstance(kind: BusMessageKind, payload: Uint8Array): void {
    try {
      if (kind === BusMessageKind.update) Y.applyUpdate(this.doc, payload, FROM_OTHER_INSTANCE);
      else if (kind === BusMessageKind.awareness) awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, FROM_OTHER_INSTANCE);
      else if (kind === BusMessageKind.syncRequest) {
        const missing = Y.encodeStateAsUpdate(this.doc, payload);
        // An empty update is 2 bytes: nothing to send.
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
    const changed = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    if (origin !== FROM_OTHER_INSTANCE) this.bus?.publish(this.name, BusMessageKind.awareness, update);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
    this.broadcast(encoding.toUint8Array(encoder));
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
    const batch = this.pending;
    this.pending = [];
    this.flushing = (async () => {
      try {
        await this.store.append(this.name, batch);
        this.tailCount += batch.length;
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
      // Derived data: the updates are already safe, so a failure here is logged and retried
      // with the next flush, never by storing the same updates again.
      try {
        if (this.tailCount >= this.options.compactAfterUpdates) await this.compact();
        else await this.store.saveProjection(this.name, projectDocument(this.doc));
      } catch (error) {
        this.logger.warn(`updating the projection or snapshot of ${this.name} failed: ${(error as Error).message}`);
      }
    })();
    return this.flushing;
  }

  /**
   * Folds the stored log into one snapshot. Rows other instances stored are applied first
   * (as if they had arrived over Redis), so the snapshot never drops an update.
   */
  async compact(): Promise<void> {
    const compacted = await this.store.compact(this.name, (storedTail) => {
      Y.transact(this.doc, () => storedTail.forEach((update) => Y.applyUpdate(this.doc, update, FROM_OTHER_INSTANCE)), FROM_OTHER_INSTANCE);
      return { state: Y.encodeStateAsUpdate(this.doc), projection: projectDocument(this.doc) };
    });
    if (compacted) this.tailCount = 0;
  }

  get hasPendingWrites(): boolean {
    return this.pending.length > 0 || this.flushing !== null;
  }

  /**
   * Stores what is left and frees the document. A document with a tail is compacted
   * first, so the next open applies one snapshot instead of replaying the log.
   */
  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flush();
    if (this.tailCount > 0 && this.storageHealthy) await this.compact().catch(() => undefined);
    await this.bus?.unsubscribe(this.name);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
