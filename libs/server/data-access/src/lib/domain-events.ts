import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** A model description's version was saved (manually, at a phase change or before a restore). */
export interface ModelVersionCreated {
  modelId: string;
  versionId: string;
  number: number;
  name: string;
}

interface DomainEventMap {
  modelVersionCreated: ModelVersionCreated;
}

/**
 * In-process events between feature libraries, which may not import each other
 * (e.g. comments link outcomes to the model version a change landed in).
 * Emitted after the change is committed, on the instance that made it; a failing
 * listener is logged and never breaks the emitter's request.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly emitter = new EventEmitter();

  emit<K extends keyof DomainEventMap>(name: K, event: DomainEventMap[K]): void {
    this.emitter.emit(name, event);
  }

  on<K extends keyof DomainEventMap>(name: K, listener: (event: DomainEventMap[K]) => Promise<void> | void): () => void {
    const safe = (event: DomainEventMap[K]) => {
      Promise.resolve()
        .then(() => listener(event))
        .catch((error: unknown) => this.logger.warn(`${name} listener failed: ${(error as Error).message}`));
    };
    this.emitter.on(name, safe);
    return () => this.emitter.off(name, safe);
  }
}
