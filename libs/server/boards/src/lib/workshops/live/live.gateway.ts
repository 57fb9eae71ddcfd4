import { Logger } from '@nestjs/common';
import { ApiExceptionFilter, AppException } from '@kehittamo/server/core';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { WORKSHOP_EVENTS, type LiveAck, type LiveCommand, type LiveReactionEvent } from '@kehittamo/shared/domain';
import type { Server, Socket } from 'socket.io';
import { LiveService, type CommandOutcome } from './live.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Quick reactions: at most one per connection in this time, so nobody floods the room. */
const REACTION_GAP_MS = 400;

const room = (workshopId: string) => `workshop:${workshopId}`;
const facilitatorsRoom = (workshopId: string) => `workshop:${workshopId}:facilitators`;

/**
 * Live mode over Socket.IO, on the app's Socket.IO server (its handshake middleware has
 * already checked the session cookie and set `socket.data.userId`). Every request answers
 * through its acknowledgement: `{ ok: true }` or `{ ok: false, error }` with the API's error
 * vocabulary, so a refused command is never silent.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false, destroyUpgrade: false, transports: ['websocket'] })
export class LiveGateway implements OnGatewayDisconnect {
  private readonly logger = new Logger('WorkshopLive');
  private readonly errors = new ApiExceptionFilter();

  @WebSocketServer()
  server!: Server;

  constructor(private readonly live: LiveService) {}

  @SubscribeMessage(WORKSHOP_EVENTS.join)
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.answer(async () => {
      const { userId, workshopId } = this.read(socket, body);
      const access = await this.live.join(userId, workshopId, socket.id);
      await socket.join(room(workshopId));
      if (access.role === 'facilitator') await socket.join(facilitatorsRoom(workshopId));
      this.joined(socket).add(workshopId);
      // The newcomer's own view first, then everyone's presence list.
      const mine = await this.live.mineEvents(workshopId, [userId]);
      socket.emit(WORKSHOP_EVENTS.mine, mine.get(userId));
      if (access.role === 'facilitator') socket.emit(WORKSHOP_EVENTS.facilitator, await this.live.facilitatorEvent(workshopId));
      await this.broadcastState(workshopId);
    });
  }

  @SubscribeMessage(WORKSHOP_EVENTS.leave)
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.answer(async () => {
      const { workshopId } = this.read(socket, body);
      await this.live.leave(socket.id, workshopId);
      await socket.leave(room(workshopId));
      await socket.leave(facilitatorsRoom(workshopId));
      this.joined(socket).delete(workshopId);
      await this.broadcastState(workshopId);
    });
  }

  @SubscribeMessage(WORKSHOP_EVENTS.command)
  async command(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.answer(async () => {
      const { userId, workshopId } = this.read(socket, body);
      if (!this.joined(socket).has(workshopId)) throw new AppException('conflict', 'Join the workshop first');
      const command = (body as { command?: LiveCommand }).command;
      if (command?.type === 'react') {
        const last = (socket.data['lastReaction'] as number | undefined) ?? 0;
        if (Date.now() - last < REACTION_GAP_MS) throw new AppException('rate_limited', 'One reaction at a time', { retryAfterSeconds: 1 });
        socket.data['lastReaction'] = Date.now();
      }
      const outcome = await this.live.command(userId, workshopId, command as LiveCommand);
      await this.deliver(workshopId, outcome);
    });
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    if (this.joined(socket).size === 0) return;
    try {
      const left = await this.live.leave(socket.id);
      for (const workshopId of left) await this.broadcastState(workshopId);
    } catch (error) {
      this.logger.warn(`could not record leaving: ${(error as Error).message}`);
    }
  }

  private async deliver(workshopId: string, outcome: CommandOutcome): Promise<void> {
    if (outcome.state) await this.broadcastState(workshopId);
    if (outcome.mine === 'all' || outcome.mine.length > 0) {
      for (const [userId, event] of await this.live.mineEvents(workshopId, outcome.mine)) {
        this.server.to(`user:${userId}`).emit(WORKSHOP_EVENTS.mine, event);
      }
    }
    if (outcome.facilitators) {
      this.server.to(facilitatorsRoom(workshopId)).emit(WORKSHOP_EVENTS.facilitator, await this.live.facilitatorEvent(workshopId));
    }
    if (outcome.reaction) {
      const event: LiveReactionEvent = { workshopId, reaction: outcome.reaction };
      this.server.to(room(workshopId)).emit(WORKSHOP_EVENTS.reaction, event);
    }
  }

  private async broadcastState(workshopId: string): Promise<void> {
    this.server.to(room(workshopId)).emit(WORKSHOP_EVENTS.state, await this.live.stateEvent(workshopId));
  }

  private read(socket: Socket, body: unknown): { userId: string; workshopId: string } {
    const userId = socket.data['userId'] as string | undefined;
    if (!userId) throw new AppException('unauthenticated', 'Log in first');
    const workshopId = (body as { workshopId?: unknown } | null)?.workshopId;
    if (typeof workshopId !== 'string' || !UUID.test(workshopId)) {
      throw AppException.validation([{ field: 'workshopId', problems: ['must be a workshop id (uuid)'] }]);
    }
    return { userId, workshopId };
  }

  private joined(socket: Socket): Set<string> {
    const data = socket.data as { workshops?: Set<string> };
    data.workshops ??= new Set<string>();
    return data.workshops;
  }

  private async answer(work: () => Promise<void>): Promise<LiveAck> {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: this.errors.toApiError(error) };
    }
  }
}
