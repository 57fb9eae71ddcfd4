import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** An app event for Socket.IO rooms: `user:<id>` for each user, or `space:<id>`. */
export interface RealtimeMessage {
  event: string;
  payload: unknown;
  userIds?: readonly string[];
  spaceId?: string;
}

/**
 * Lets feature libraries send Socket.IO app events without depending on the gateway (it lives in
 * the api app). The gateway forwards each message to its rooms; with Redis the adapter carries it
 * to the other instances.
 */
@Injectable()
export class RealtimeBus {
  private readonly emitter = new EventEmitter();

  toUsers(userIds: readonly string[], event: string, payload: unknown): void {
    if (userIds.length > 0) this.emitter.emit('message', { event, payload, userIds } satisfies RealtimeMessage);
  }

  toSpace(spaceId: string, event: string, payload: unknown): void {
    this.emitter.emit('message', { event, payload, spaceId } satisfies RealtimeMessage);
  }

  onMessage(listener: (message: RealtimeMessage) => void): () => void {
    this.emitter.on('message', listener);
    return () => this.emitter.off('message', listener);
  }
}
