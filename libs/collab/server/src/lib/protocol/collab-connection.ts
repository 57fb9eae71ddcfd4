import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CollabCloseCode, YMessageType, type CollabAwarenessUser } from '@kehittamo/shared/collab-protocol';
import { accessAllows, type SpaceAccess } from '@kehittamo/shared/domain';
import type { WebSocket } from 'ws';
import type { DocPeer, SharedDoc } from '../documents/shared-doc';
import { OFF_THREAD_UPDATE_BYTES, type UpdateValidator } from './update-validator';

/** Awareness: a state larger than this (JSON) is dropped. */
const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
/** Awareness messages per second before they are dropped; far beyond it the socket closes. */
const AWARENESS_PER_SECOND = 30;
const AWARENESS_CLOSE_PER_SECOND = 300;
/** A client with this many updates waiting in the room is not read until it is under RESUME_BELOW. */
const PAUSE_AFTER_QUEUED_UPDATES = 1024;
const RESUME_BELOW_QUEUED_UPDATES = 256;
/** Bytes queued for a client that does not read before it is dropped. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/** A Yjs update that changes nothing. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

function syncMessage(step: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YMessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export interface ConnectionContext {
  user: CollabAwarenessUser;
  access: SpaceAccess;
  spaceId: string;
}

class ProtocolError extends Error {
  constructor(
    readonly closeCode: CollabCloseCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One WebSocket speaking the y-websocket protocol (sync + awareness) to one document.
 * Read-only connections receive everything but nothing they send changes the document.
 * Any frame it cannot understand closes this socket only, with a close code saying why.
 */
export class CollabConnection implements DocPeer {
  readonly awarenessIds = new Set<number>();
  /** The one awareness client id this connection may speak for (bound on first use). */
  private clientId: number | null = null;
  private awarenessWindowStart = 0;
  private awarenessInWindow = 0;
  private closed = false;
  /** This connection was sent the stored copy of the document and has not asked for a sync since. */
  private sentStoredCopy = false;
  /** Messages received while a large update is being decoded off the event loop (see validateOffThread). */
  private waiting: Buffer[] | null = null;
  /** When the message being handled arrived (for the update-delay metric). */
  private receivedAt = 0;
  /** This connection's updates in the room's inbox, and reasons the socket is not being read. */
  private queuedUpdates = 0;
  private heldForBacklog = false;
  private holds = 0;

  constructor(
    private readonly ws: WebSocket,
    readonly room: SharedDoc,
    public context: ConnectionContext,
    private readonly validator: UpdateValidator,
    private readonly onClose: (connection: CollabConnection) => void,
  ) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('close', () => this.cleanUp());
    ws.on('error', () => this.close(CollabCloseCode.invalidPayload, 'socket error'));
    room.peers.add(this);
    this.greet();
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) this.sendAwareness(states);
  }

  get userId(): string {
    return this.context.user.id;
  }

  get canEdit(): boolean {
    return accessAllows(this.context.access, 'edit');
  }

  send(message: Uint8Array, sent?: () => void): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // A reader that stopped reading (but keeps the TCP connection) would make the server
    // buffer everything for it: past the cap it is closed and resyncs when it reconnects.
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CollabCloseCode.overloaded, 'too far behind');
    // Write errors surface as the socket's 'error' and 'close' events.
    this.ws.send(message, sent);
  }

  refuse(reason: string, code: number = CollabCloseCode.invalidPayload): void {
    this.close(code, reason);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.cleanUp();
    // Possibly held (see hold()): the closing handshake needs the client's close frame read.
    this.ws.resume();
    this.ws.close(code, reason.slice(0, 120));
  }

  private cleanUp(): void {
    if (this.closed) return;
    this.closed = true;
    this.room.leave(this);
    this.onClose(this);
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    this.receivedAt = performance.now();
    if (this.waiting && isBinary) return void this.waiting.push(data);
    if (!isBinary) return this.close(CollabCloseCode.unsupportedData, 'text frames are not part of the protocol');
    try {
      this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      const code = error instanceof ProtocolError ? error.closeCode : CollabCloseCode.invalidPayload;
      this.close(code, error instanceof ProtocolError ? error.message : 'malformed message');
    }
  }

  private handle(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case YMessageType.sync:
        return this.handleSync(decoder);
      case YMessageType.awareness:
        return this.handleAwareness(decoding.readVarUint8Array(decoder));
      case YMessageType.queryAwareness:
        return this.sendAwareness([...this.room.awareness.getStates().keys()]);
      default:
        throw new ProtocolError(CollabCloseCode.invalidPayload, `unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      // The whole stored state and every change since were sent already: nothing is missing.
      if (this.sentStoredCopy) {
        this.sentStoredCopy = false;
        Y.decodeStateVector(stateVector);
        return this.send(syncMessage(syncProtocol.messageYjsSyncStep2, EMPTY_UPDATE));
      }
      this.room.ensureApplied();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, YMessageType.sync);
      // encodeStateAsUpdate decodes the client's state vector; a bad one throws and closes the socket.
      syncProtocol.writeSyncStep2(encoder, this.room.doc, stateVector);
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(CollabCloseCode.invalidPayload, `unknown sync step ${step}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // View and comment rights: the update is dropped, never applied, broadcast or stored.
    if (!this.canEdit) return;
    if (this.room.wouldExceedCap(update.byteLength)) {
      throw new ProtocolError(CollabCloseCode.documentTooLarge, 'the document has reached its size limit');
    }
    // Large updates are first decoded on a worker thread (a hostile one must not hold the event
    // loop); the room applies them in its next batch, where one that does not decode refuses
    // this connection.
    if (update.byteLength >= OFF_THREAD_UPDATE_BYTES) return this.validateOffThread(update);
    this.queue(update, this.receivedAt);
  }

  private queue(update: Uint8Array, receivedAt: number): void {
    this.room.receiveUpdate(this, update, receivedAt);
    // A client far ahead of what the room has applied is not read until it catches up.
    if (++this.queuedUpdates >= PAUSE_AFTER_QUEUED_UPDATES && !this.heldForBacklog) {
      this.heldForBacklog = true;
      this.hold();
    }
  }

  updateTaken(): void {
    this.queuedUpdates--;
    if (this.heldForBacklog && this.queuedUpdates < RESUME_BELOW_QUEUED_UPDATES) {
      this.heldForBacklog = false;
      this.release();
    }
  }

  /** Stops reading the socket; reading resumes when every hold() is released. */
  private hold(): void {
    if (this.holds++ === 0) this.ws.pause();
  }

  private release(): void {
    if (--this.holds === 0) this.ws.resume();
  }

  /**
   * A large update is decoded on the validator's worker thread. Until it answers, this
   * socket is not read and messages already received wait, so their order is kept.
   */
  private validateOffThread(update: Uint8Array): void {
    const receivedAt = this.receivedAt;
    this.waiting = [];
    this.hold();
    void this.validator.validate(update).then((refusal) => {
      const waiting = this.waiting ?? [];
      this.waiting = null;
      this.release();
      if (this.closed) return;
      if (refusal) return this.close(CollabCloseCode.invalidPayload, refusal);
      this.queue(update, receivedAt);
      for (const message of waiting) this.receive(message, true);
    });
  }

  private handleAwareness(payload: Uint8Array): void {
    if (!this.allowAwarenessMessage()) return;
    const decoder = decoding.createDecoder(payload);
    const count = decoding.readVarUint(decoder);
    const entries: { clientId: number; clock: number; state: string }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const rawState = decoding.readVarString(decoder);
      // One awareness id per connection: the first it uses. Others (spoofing) are ignored.
      this.clientId ??= this.claimClientId(clientId);
      if (clientId !== this.clientId || rawState.length > MAX_AWARENESS_STATE_BYTES) continue;
      const state: unknown = JSON.parse(rawState);
      const trusted = state === null ? null : { ...(typeof state === 'object' ? state : {}), user: this.context.user };
      entries.push({ clientId, clock, state: JSON.stringify(trusted) });
    }
    if (entries.length === 0) return;
    const out = encoding.createEncoder();
    encoding.writeVarUint(out, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(out, entry.clientId);
      encoding.writeVarUint(out, entry.clock);
      encoding.writeVarString(out, entry.state);
    }
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encoding.toUint8Array(out), this);
  }

  /**
   * A client id another connection (here or on another instance) already speaks for cannot be taken over. A free one is
   * bound to this connection, forgetting the clock of an earlier (closed) connection with the
   * same id, so a reconnecting client's fresh state is not ignored as outdated.
   */
  private claimClientId(clientId: number): number | null {
    if (this.room.remoteAwarenessIds.has(clientId)) return null;
    for (const peer of this.room.peers) {
      if (peer !== this && peer.awarenessIds.has(clientId)) return null;
    }
    if (!this.room.awareness.states.has(clientId)) this.room.awareness.meta.delete(clientId);
    return clientId;
  }

  private allowAwarenessMessage(): boolean {
    const now = Date.now();
    if (now - this.awarenessWindowStart >= 1000) {
      this.awarenessWindowStart = now;
      this.awarenessInWindow = 0;
    }
    this.awarenessInWindow++;
    if (this.awarenessInWindow > AWARENESS_CLOSE_PER_SECOND) {
      throw new ProtocolError(CollabCloseCode.rateLimited, 'too many awareness messages');
    }
    return this.awarenessInWindow <= AWARENESS_PER_SECOND;
  }

  /**
   * A built document: the usual sync step 1. A document just read from storage: its stored
   * snapshot goes out at once as sync step 2 (and the stored tail as updates), so opening a
   * large document does not wait for the server to build its Y.Doc; step 1 follows once built.
   */
  private greet(): void {
    const stored = this.room.storedState;
    if (!stored) return this.sendSyncStep1();
    this.sentStoredCopy = true;
    this.send(syncMessage(syncProtocol.messageYjsSyncStep2, stored), () => this.room.applySoon());
  }

  documentReady(): void {
    this.sendSyncStep1();
  }

  private sendSyncStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.room.doc);
    this.send(encoding.toUint8Array(encoder));
  }

  private sendAwareness(clients: number[]): void {
    if (clients.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, clients));
    this.send(encoding.toUint8Array(encoder));
  }
}
