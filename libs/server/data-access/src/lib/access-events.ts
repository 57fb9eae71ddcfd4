import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/**
 * A user's rights in one space (or in every space, when `spaceId` is null) may have changed;
 * with `userId` null, everyone's rights to one document (`docName`, e.g. it was locked).
 */
export interface AccessChanged {
  userId: string | null;
  spaceId: string | null;
  docName?: string;
}

/**
 * In-process signal that someone's rights changed, so holders of open connections
 * (the collaboration server) can re-check them. Emitted after the change is committed.
 */
@Injectable()
export class AccessEvents {
  private readonly emitter = new EventEmitter();

  emit(change: AccessChanged): void {
    this.emitter.emit('changed', change);
  }

  onChange(listener: (change: AccessChanged) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
