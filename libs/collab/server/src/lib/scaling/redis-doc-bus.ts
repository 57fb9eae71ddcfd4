import { Logger } from '@nestjs/common';
import { closeRedisGracefully, logRedisOutages } from '@kehittamo/server/core';
import type { AccessChanged } from '@kehittamo/server/data-access';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** What travels between instances about one document. */
export const BusMessageKind = {
  /** A Yjs update some instance applied. */
  update: 0,
  /** An awareness update from some instance's clients. */
  awareness: 1,
  /**
   * "I just loaded this document (or got Redis back); send me what I lack" (payload: state
   * vector). The others answer with updates, their clients' presence and a syncReply.
   */
  syncRequest: 2,
  /** "And this is what I have": the asker answers with what the sender lacks (payload: state vector). */
  syncReply: 3,
} as const;
export type BusMessageKind = (typeof BusMessageKind)[keyof typeof BusMessageKind];

export type DocBusHandler = (kind: BusMessageKind, payload: Uint8Array) => void;

const PREFIX = 'kehittamo:collab:doc:';
const ACCESS_CHANNEL = 'kehittamo:collab:access';
const ID_BYTES = 8;

/**
 * Redis pub/sub between API instances: one channel per open document carries updates,
 * awareness and sync requests; one channel carries "rights changed" so every instance
 * can close the affected sockets. Each message starts with the sender's instance id so
 * an instance ignores its own echoes.
 */
export class RedisDocBus {
  private readonly logger = new Logger('RedisDocBus');
  private readonly instanceId = randomBytes(ID_BYTES);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, DocBusHandler>();
  private accessHandler: ((change: { userId: string; spaceId: string | null }) => void) | null = null;

  constructor(redisUrl: string) {
    this.pub = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.sub = this.pub.duplicate();
    logRedisOutages(this.pub, this.logger, 'collaboration (publish)');
    logRedisOutages(this.sub, this.logger, 'collaboration (subscribe)');
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
  }

  /** Both connections are up (ioredis reconnects by itself; until then messages may be lost). */
  get healthy(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /**
   * Called after Redis comes back: pub/sub does not replay what was published meanwhile, so
   * the open documents must ask each other again for what they lack.
   */
  onReconnect(handler: () => void): void {
    // Once either connection was lost, resync when both are back (a publish queued while one
    // was down may have been dropped after ioredis's retries).
    let lost = false;
    for (const client of [this.pub, this.sub]) {
      client.on('close', () => (lost = true));
      client.on('ready', () => {
        if (!lost || !this.healthy) return;
        lost = false;
        handler();
      });
    }
  }

  async connect(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(ACCESS_CHANNEL);
  }

  async subscribe(docName: string, handler: DocBusHandler): Promise<void> {
    this.handlers.set(docName, handler);
    await this.sub.subscribe(PREFIX + docName);
  }

  async unsubscribe(docName: string): Promise<void> {
    this.handlers.delete(docName);
    await this.sub.unsubscribe(PREFIX + docName).catch(() => undefined);
  }

  publish(docName: string, kind: BusMessageKind, payload: Uint8Array): void {
    const message = Buffer.concat([this.instanceId, Buffer.of(kind), payload]);
    this.pub.publish(PREFIX + docName, message).catch((error) => this.logger.warn(`publish failed: ${(error as Error).message}`));
  }

  publishAccessChange(change: AccessChanged): void {
    const message = Buffer.concat([this.instanceId, Buffer.from(JSON.stringify(change))]);
    this.pub.publish(ACCESS_CHANNEL, message).catch((error) => this.logger.warn(`publish failed: ${(error as Error).message}`));
  }

  onAccessChange(handler: (change: AccessChanged) => void): void {
    this.accessHandler = handler;
  }

  private receive(channel: string, message: Buffer): void {
    if (message.length <= ID_BYTES || message.subarray(0, ID_BYTES).equals(this.instanceId)) return;
    const body = message.subarray(ID_BYTES);
    if (channel === ACCESS_CHANNEL) {
      try {
        this.accessHandler?.(JSON.parse(body.toString()));
      } catch {
        this.logger.warn('ignored a malformed access message');
      }
      return;
    }
    const handler = this.handlers.get(channel.slice(PREFIX.length));
    if (!handler) return;
    const kind = body[0] as BusMessageKind;
    handler(kind, new Uint8Array(body.buffer, body.byteOffset + 1, body.byteLength - 1));
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.all([closeRedisGracefully(this.pub), closeRedisGracefully(this.sub)]);
  }
}
