import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentProjection } from './document-store';

export interface StateBuildRequest {
  id: number;
  /** Snapshot first, then log rows, as stored. */
  updates: Uint8Array[];
  /** Also return the full (garbage-collected) state, for a new snapshot. */
  withState: boolean;
  /** Only merge the updates into one (no document, no projection). */
  mergeOnly?: boolean;
}

export interface StateBuildResult {
  id: number;
  state?: Uint8Array;
  projection?: DocumentProjection;
  error?: string;
}

const WORKER_FILE = 'state-builder.worker';
/** A build that takes longer than this is abandoned and its worker replaced. */
const BUILD_TIMEOUT_MS = 60_000;

/**
 * The worker script: next to the bundled server (dist/apps/api, a webpack entry of its own),
 * or the TypeScript source when running from source (tests), loaded through swc.
 */
function workerScript(): { file: string; execArgv: string[]; env?: NodeJS.ProcessEnv } {
  const bundled = join(dirname(process.argv[1] ?? '.'), `${WORKER_FILE}.js`);
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  // The workspace's path aliases (@kehittamo/…) come from its base tsconfig.
  const tsconfig = join(__dirname, '../../../../../../tsconfig.base.json');
  return { file: join(__dirname, `${WORKER_FILE}.ts`), execArgv: ['--require', '@swc-node/register'], env: { ...process.env, SWC_NODE_PROJECT: tsconfig } };
}

/**
 * Builds documents from their stored updates on a worker thread: the new snapshot and the
 * projection of a large document cost tens to hundreds of milliseconds of CPU, which would
 * otherwise stall every room on this instance. Jobs run one at a time, in order.
 */
export class StateBuilder {
  private readonly logger = new Logger('StateBuilder');
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: StateBuildResult) => void; timer: NodeJS.Timeout }>();

  async build(updates: Uint8Array[], withState: boolean): Promise<{ state?: Uint8Array; projection: DocumentProjection }> {
    const result = await this.run({ updates, withState });
    if (result.error || !result.projection) throw new Error(`building the document failed: ${result.error ?? 'no result'}`);
    return { state: result.state, projection: result.projection };
  }

  /** Merges stored updates (snapshot + log) into one, e.g. to send a client one sync step 2. */
  async merge(updates: Uint8Array[]): Promise<Uint8Array> {
    const result = await this.run({ updates, withState: false, mergeOnly: true });
    if (result.error || !result.state) throw new Error(`merging stored updates failed: ${result.error ?? 'no result'}`);
    return result.state;
  }

  private run(request: Omit<StateBuildRequest, 'id'>): Promise<StateBuildResult> {
    const id = this.nextId++;
    return new Promise<StateBuildResult>((resolve) => {
      const timer = setTimeout(() => this.replaceWorker(`job ${id} took over ${BUILD_TIMEOUT_MS} ms`), BUILD_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      this.ensureWorker().postMessage({ id, ...request } satisfies StateBuildRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll('server shutting down');
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const { file, execArgv, env } = workerScript();
    const worker = new Worker(file, { execArgv, env });
    worker.unref();
    worker.on('message', (result: StateBuildResult) => {
      const job = this.pending.get(result.id);
      if (!job) return;
      clearTimeout(job.timer);
      this.pending.delete(result.id);
      job.resolve(result);
    });
    worker.on('error', (error) => this.replaceWorker(error.message));
    worker.on('exit', () => this.worker === worker && this.replaceWorker('worker exited'));
    this.worker = worker;
    return worker;
  }

  /** Fails what the worker had (callers retry later) and starts afresh on the next build. */
  private replaceWorker(reason: string): void {
    this.logger.warn(`document builder restarted: ${reason}`);
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    this.failAll(reason);
  }

  private failAll(reason: string): void {
    for (const [id, job] of this.pending) {
      clearTimeout(job.timer);
      job.resolve({ id, error: reason });
    }
    this.pending.clear();
  }
}
