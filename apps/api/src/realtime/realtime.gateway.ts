import { Inject, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@kehittamo/server/core';
import { OnGatewayConnection, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SESSION_COOKIE, SessionService } from '@kehittamo/server/auth';
import { RealtimeBus, SpaceAccessService } from '@kehittamo/server/data-access';
import type { Server, Socket } from 'socket.io';

/**
 * Socket.IO for app events (notifications, presence in lists). The session cookie is
 * checked in the handshake middleware — Nest guards do not run on connect — and each
 * socket joins `user:<id>` and the `space:<id>` rooms it may see.
 */
// destroyUpgrade off: engine.io would otherwise kill /collab upgrades still being authenticated after 1 s.
// WebSocket only: long-polling needs every request of a client on one replica (sticky sessions).
@WebSocketGateway({ path: '/socket.io', serveClient: false, destroyUpgrade: false, transports: ['websocket'] })
export class RealtimeGateway implements OnGatewayConnection {
  private readonly logger = new Logger('Realtime');

  @WebSocketServer()
  server!: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly spaces: SpaceAccessService,
    private readonly bus: RealtimeBus,
  ) {}

  /** Sends an app event to everyone who may see the space, on every instance. */
  emitToSpace(spaceId: string, event: string, payload: unknown): void {
    this.server.to(`space:${spaceId}`).emit(event, payload);
  }

  afterInit(server: Server): void {
    // Feature libraries send through the bus; rooms and the Redis adapter take it from here.
    this.bus.onMessage(({ event, payload, userIds, spaceId }) => {
      if (spaceId) server.to(`space:${spaceId}`).emit(event, payload);
      if (userIds) server.to(userIds.map((id) => `user:${id}`)).emit(event, payload);
    });
    const allowed = new Set(this.config.allowedOrigins);
    server.use(async (socket, next) => {
      const origin = socket.handshake.headers.origin;
      if (origin && !allowed.has(origin)) return next(new Error('origin_not_allowed'));
      const user = await this.sessions.resolve(readCookie(socket.handshake.headers.cookie, SESSION_COOKIE)).catch(() => null);
      if (!user) return next(new Error('unauthenticated'));
      socket.data['userId'] = user.id;
      next();
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const userId = socket.data['userId'] as string | undefined;
    if (!userId) return void socket.disconnect(true);
    await socket.join(`user:${userId}`);
    const spaceIds = await this.spaces.spaceIdsFor(userId);
    await socket.join(spaceIds.map((id) => `space:${id}`));
    socket.emit('ready', { rooms: spaceIds.length + 1 });
    this.logger.debug(`socket connected (${spaceIds.length} spaces)`);
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
