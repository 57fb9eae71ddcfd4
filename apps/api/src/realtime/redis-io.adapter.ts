import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { closeRedisGracefully, logRedisOutages } from '@kehittamo/server/core';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Socket.IO across API replicas: rooms and broadcasts go through Redis pub/sub, so an
 * event emitted on one instance reaches sockets held by the others.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly logger = new Logger('RedisIoAdapter');
  private pub?: Redis;
  private sub?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    this.pub = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.sub = this.pub.duplicate();
    logRedisOutages(this.pub, this.logger, 'Socket.IO (publish)');
    logRedisOutages(this.sub, this.logger, 'Socket.IO (subscribe)');
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    this.logger.log('Socket.IO fans out through Redis');
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.pub && this.sub) server.adapter(createAdapter(this.pub, this.sub));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // The adapter unsubscribes on close without awaiting: let those commands finish first.
    await Promise.all([this.pub, this.sub].map((client) => client && closeRedisGracefully(client)));
  }
}
