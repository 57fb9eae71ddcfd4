import { Logger } from '@nestjs/common';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Client updates at least this large are decoded on a worker thread before the room takes them. */
export const OFF_THREAD_UPDATE_BYTES = 32 * 1024;

// Plain CommonJS so it runs as an eval'd worker in the webpack bundle and under Vitest alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
parentPort.on('message', (update) => {
  try {
    Y.decodeUpdate(update);
    parentPort.postMessage(null);
  } catch (error) {
    parentPort.postMessage(String((error && error.message) || error));
  }
});
`;

/**
 * Where yjs is installed, for the worker: an eval'd worker resolves modules from the working
 * directory, which need not be the app's (e.g. `node /app/dist/apps/api/main.js` run from /).
 */
function locateYjs(): string {
  for (const base of [process.argv[1], join(process.cwd(), 'index.js')]) {
    try {
      if (base) return createRequire(base).resolve('yjs');
    } catch {
      // try the next place
    }
  }
  return 'yjs';
}

interface Job {
  update: Uint8Array;
  resolve: (refusal: string | null) => void;
}

/**
 * Decodes large untrusted Yjs updates on a worker thread, one at a time, so a large or
 * hostile update never holds the event loop while it is read. A decode that takes longer
 * than `timeoutMs` is refused and its worker replaced (yjs has inputs that make its
 * decoders spin).
 */
export class UpdateValidator {
  private readonly logger = new Logger('UpdateValidator');
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: (Job & { timer: NodeJS.Timeout }) | null = null;

  constructor(private readonly timeoutMs = 2000) {}

  /** Resolves null when the update decodes, else the reason it was refused. */
  validate(update: Uint8Array): Promise<string | null> {
    return new Promise((resolve) => {
      this.queue.push({ update, resolve });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.queue.splice(0).forEach((job) => job.resolve('server shutting down'));
    this.finish('server shutting down');
    await this.worker?.terminate();
    this.worker = null;
  }

  private next(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const timer = setTimeout(() => {
      this.logger.warn(`an update took over ${this.timeoutMs} ms to decode: refused, worker replaced`);
      void this.worker?.terminate();
      this.worker = null;
      this.finish('update took too long to decode');
    }, this.timeoutMs);
    this.current = { ...job, timer };
    this.ensureWorker().postMessage(job.update);
  }

  private finish(refusal: string | null): void {
    const job = this.current;
    if (!job) return;
    clearTimeout(job.timer);
    this.current = null;
    job.resolve(refusal);
    this.next();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjs: locateYjs() } });
    worker.unref();
    // A replaced (timed-out) worker's late answer belongs to no current job.
    worker.on('message', (refusal: string | null) => this.worker === worker && this.finish(refusal));
    worker.on('error', (error) => {
      this.logger.warn(`update decoder failed: ${error.message}`);
      if (this.worker === worker) this.worker = null;
      this.finish('update could not be decoded');
    });
    this.worker = worker;
    return worker;
  }
}
