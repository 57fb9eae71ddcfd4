import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppException, type AppConfig } from '@kehittamo/server/core';
import { AccessEvents, CollabDocuments, type AccessChanged, type CollabProjection } from '@kehittamo/server/data-access';
import {
  COLLAB_PATH_PREFIX,
  CollabCloseCode,
  parseCollabDocName,
} from '@kehittamo/shared/collab-protocol';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { WebSocketServer } from 'ws';
import { loadCollabUser } from './auth/collab-user';
import { CollabTokenService } from './auth/collab-token.service';
import * as Y from 'yjs';
import { SharedDoc } from './documents/shared-doc';
import { refuseModelUpdate } from '@kehittamo/shared/model-content';
import { DocumentStore } from './persistence/document-store';
import { CollabConnection } from './protocol/collab-connection';
import { UpdateValidator } from './protocol/update-validator';
import { StateBuilder } from './persistence/state-builder';
import { CollabMetrics, formatMetrics } from './metrics/collab-metrics';
import { RedisDocBus } from './scaling/redis-doc-bus';

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * The y-websocket collaboration server inside the API process: authenticates upgrades on
 * `/collab/<doc>` before the socket opens, keeps one SharedDoc per open document, closes
 * sockets whose rights change, and unloads documents nobody has open.
 */
@Injectable()
export class CollabServer extends CollabDocuments implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('CollabServer');
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Promise<SharedDoc>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Open connections by user: the per-user cap and rights changes look up one user's, not all. */
  private readonly connectionsByUser = new Map<string, Set<CollabConnection>>();
  private readonly stopListening: () => void;
  /** Present with REDIS_URL: documents and revocations are shared with the other instances. */
  private readonly bus: RedisDocBus | null;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly validator = new UpdateValidator();
  private readonly builder = new StateBuilder();
  private readonly metrics = new CollabMetrics();
  /** The last attempt to load a document from storage failed (cleared by the next success). */
  private loadFailing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly tokens: CollabTokenService,
    private readonly store: DocumentStore,
    accessEvents: AccessEvents,
  ) {
    super();
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: config.COLLAB_MAX_MESSAGE_BYTES,
    });
    this.bus = config.REDIS_URL ? new RedisDocBus(config.REDIS_URL) : null;
    this.stopListening = accessEvents.onChange((change) => {
      this.bus?.publishAccessChange(change);
      void this.recheckAccess(change);
    });
    this.bus?.onAccessChange((change) => void this.recheckAccess(change));
    this.bus?.onReconnect(() => void this.resyncAll());
    // Dead peers (a phone that lost its network) would hold rooms and per-user slots: ping
    // every 30 s and drop sockets that did not answer the previous ping.
    this.heartbeat = setInterval(() => {
      for (const ws of this.wss.clients) {
        const alive = ws as typeof ws & { isAlive?: boolean };
        if (alive.isAlive === false) ws.terminate();
        else {
          alive.isAlive = false;
          ws.ping();
        }
      }
    }, 30_000);
    this.heartbeat.unref();
    this.wss.on('connection', (ws) => {
      const alive = ws as typeof ws & { isAlive?: boolean };
      alive.isAlive = true;
      ws.on('pong', () => (alive.isAlive = true));
    });
  }

  async onModuleInit(): Promise<void> {
    await this.bus?.connect();
  }

  /** Handles upgrades on /collab/; every other path (Socket.IO) is left alone. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (req.url ?? '').split('?')[0];
      if (!path.startsWith(COLLAB_PATH_PREFIX)) return;
      void this.upgrade(req, socket, head).catch((error) => {
        this.logger.error(`upgrade failed: ${(error as Error).message}`);
        this.refuse(socket, 503, 'storage_unavailable');
      });
    });
  }

  /** GET /api/metrics: this instance's collaboration metrics in the Prometheus text format. */
  metricsText(): string {
    const connections = [...this.connectionsByUser.values()].reduce((n, set) => n + set.size, 0);
    return formatMetrics(this.metrics, { openDocuments: this.rooms.size, connections });
  }

  /** Open documents on this instance (for tests and metrics). */
  get openDocuments(): string[] {
    return [...this.rooms.keys()];
  }

  /**
   * For readiness: `storage` is false while some document cannot be stored or the last
   * attempt to load one failed; `redis` is false while the instance is cut off from the
   * others (null without REDIS_URL).
   */
  async health(): Promise<{ storage: boolean; redis: boolean | null }> {
    const rooms = await Promise.allSettled(this.rooms.values());
    const storing = rooms.every((r) => r.status !== 'fulfilled' || r.value.storageHealthy);
    // Out of rotation, no new load would clear the flag: readiness checks storage itself.
    if (this.loadFailing) this.loadFailing = !(await this.store.probe().then(() => true, () => false));
    return { storage: storing && !this.loadFailing, redis: this.bus ? this.bus.healthy : null };
  }

  private async resyncAll(): Promise<void> {
    this.logger.log('Redis is back: resyncing open documents with the other instances');
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const room of rooms) if (room.status === 'fulfilled') room.value.resync();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    if (origin && !this.config.allowedOrigins.includes(origin)) return this.refuse(socket, 403, 'origin_not_allowed');
    let docName: string;
    try {
      docName = decodeURIComponent(url.pathname.slice(COLLAB_PATH_PREFIX.length));
    } catch {
      return this.refuse(socket, 404, 'not_found');
    }
    const claim = await this.tokens.consume(url.searchParams.get('token'), docName);
    if (!claim) return this.refuse(socket, 401, 'token_invalid');
    if (!parseCollabDocName(docName)) return this.refuse(socket, 404, 'not_found');
    const rights = await this.tokens.accessFor(claim.userId, docName);
    const user = rights ? await loadCollabUser(this.db, claim.userId) : null;
    if (!rights || !user) return this.refuse(socket, 404, 'not_found');
    const open = this.connectionsOf(user.id).map((c) => c.room.name);
    if (!open.includes(docName) && new Set(open).size >= this.config.COLLAB_MAX_OPEN_DOCUMENTS_PER_USER) {
      return this.refuse(socket, 429, 'too_many_open_documents');
    }
    const room = await this.openRoom(docName);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.wss.emit('connection', ws, req);
      this.cancelUnload(docName);
      const context = { user, access: rights.access, spaceId: rights.spaceId };
      const connection = new CollabConnection(ws, room, context, this.validator, (c) => this.onConnectionClosed(c));
      const own = this.connectionsByUser.get(user.id) ?? new Set<CollabConnection>();
      this.connectionsByUser.set(user.id, own.add(connection));
    });
  }

  private refuse(socket: Duplex, status: number, code: string): void {
    if (socket.destroyed) return;
    const body = JSON.stringify({ statusCode: status, code });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }

  /** One load per document, however many connect at once; a failed load is not cached. */
  private openRoom(docName: string): Promise<SharedDoc> {
    let room = this.rooms.get(docName);
    if (!room) {
      const doc = new SharedDoc(docName, this.store, {
        flushMs: this.config.COLLAB_FLUSH_MS,
        compactAfterUpdates: this.config.COLLAB_COMPACT_AFTER_UPDATES,
        compactAfterBytes: this.config.COLLAB_COMPACT_AFTER_BYTES,
        compactAfterMs: this.config.COLLAB_COMPACT_AFTER_MS,
        builder: this.builder,
        metrics: this.metrics,
        maxDocumentBytes: this.config.COLLAB_MAX_DOCUMENT_BYTES,
        // Model descriptions hold only what the editor's schema allows (no scripts, no javascript: links).
        checkUpdate: docName.startsWith('model.') ? refuseModelUpdate : undefined,
      });
      room = doc.load().then(async () => {
        this.loadFailing = false;
        if (this.bus) await doc.attachBus(this.bus);
        return doc;
      });
      room.catch(() => {
        this.loadFailing = true;
        this.rooms.delete(docName);
      });
      this.rooms.set(docName, room);
    }
    return room;
  }

  /**
   * A document's current state as one update: from memory when it is open on this instance
   * (it has every instance's changes), else from storage (at most the durability window behind).
   */
  async readState(docName: string): Promise<Uint8Array> {
    const open = this.rooms.get(docName);
    if (open) {
      const room = await this.storageAnswer(open);
      room.ensureApplied();
      return Y.encodeStateAsUpdate(room.doc);
    }
    const stored = await this.storageAnswer(this.store.load(docName));
    if (stored.updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
    return stored.updates.length === 1 ? stored.updates[0] : this.builder.merge(stored.updates);
  }

  /** Storage that does not answer is a 503 for REST callers (try again), not an internal error. */
  private async storageAnswer<T>(pending: Promise<T>): Promise<T> {
    try {
      return await pending;
    } catch (error) {
      this.logger.warn(`document storage failed: ${(error as Error).message}`);
      throw new AppException('unavailable', 'Document storage is not answering; try again shortly (nothing was changed)');
    }
  }

  /** A document's state and projection (text and JSON), built off the event loop. */
  async readProjection(docName: string): Promise<{ state: Uint8Array; projection: CollabProjection }> {
    const state = await this.readState(docName);
    const { projection } = await this.builder.build([state], false);
    return { state, projection };
  }

  /**
   * Changes a document on the server (restoring a version): every connected client on every
   * instance sees it as an ordinary change. Resolves once the change is stored.
   */
  async change(docName: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.storageAnswer(this.openRoom(docName));
    room.changeFromServer(change);
    await room.flush();
    if (room.peers.size === 0) this.scheduleUnload(room);
  }

  async writeInitial(manager: EntityManager, docName: string, update: Uint8Array, projection: CollabProjection): Promise<void> {
    await this.store.writeInitial(manager, docName, update, projection);
  }

  private onConnectionClosed(connection: CollabConnection): void {
    const own = this.connectionsByUser.get(connection.userId);
    own?.delete(connection);
    if (own?.size === 0) this.connectionsByUser.delete(connection.userId);
    if (connection.room.peers.size === 0) this.scheduleUnload(connection.room);
  }

  private scheduleUnload(room: SharedDoc): void {
    this.cancelUnload(room.name);
    const timer = setTimeout(() => void this.unload(room), this.config.COLLAB_UNLOAD_AFTER_MS);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  private cancelUnload(docName: string): void {
    const timer = this.unloadTimers.get(docName);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(docName);
  }

  private async unload(room: SharedDoc): Promise<void> {
    this.unloadTimers.delete(room.name);
    if (room.peers.size > 0) return;
    try {
      await room.flush();
    } catch {
      // flush() keeps failed updates queued and retries; keep the document until it succeeds.
    }
    if (room.hasPendingWrites || room.peers.size > 0) return this.scheduleUnload(room);
    this.rooms.delete(room.name);
    await room.close();
  }

  private connectionsOf(userId: string): CollabConnection[] {
    return [...(this.connectionsByUser.get(userId) ?? [])];
  }

  /** Re-checks the rights of open connections (a user's, or everyone's to one document); closes those that lost or changed them. */
  private async recheckAccess({ userId, spaceId, docName }: AccessChanged): Promise<void> {
    const candidates = userId ? this.connectionsOf(userId) : [...this.connectionsByUser.values()].flatMap((own) => [...own]);
    const affected = candidates.filter(
      (c) => (spaceId === null || c.context.spaceId === spaceId) && (docName === undefined || c.room.name === docName),
    );
    for (const connection of affected) {
      const rights = await this.tokens.accessFor(connection.userId, connection.room.name);
      if (!rights || rights.access !== connection.context.access) {
        connection.close(CollabCloseCode.accessChanged, rights ? 'access changed' : 'access removed');
      }
    }
  }

  /**
   * Before Nest closes the HTTP server and the database: close the sockets (the HTTP
   * server would otherwise wait for them forever) and store what is queued.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopListening();
    clearInterval(this.heartbeat);
    for (const own of [...this.connectionsByUser.values()]) {
      for (const connection of [...own]) connection.close(CollabCloseCode.goingAway, 'server shutting down');
    }
    for (const client of this.wss.clients) client.terminate();
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const room of rooms) if (room.status === 'fulfilled') await room.value.close().catch(() => undefined);
    this.rooms.clear();
    this.wss.close();
    await this.validator.close();
    await this.builder.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus?.close();
  }
}

