import type { FileFormat } from '@kehittamo/shared/domain';
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface ContentJob {
  id: number;
  path: string;
  format: FileFormat;
}

export interface ContentJobResult {
  id: number;
  text?: string;
  preview?: Uint8Array | null;
  error?: string;
}

export interface ContentResult {
  /** Plain text for search, '' when the format has none (see extractText). */
  text: string;
  /** A PNG thumbnail, or null (see renderPreview). */
  preview: Buffer | null;
}

export interface ContentProcessorOptions {
  /** A job running longer than this is abandoned and its worker replaced. Default 120 s. */
  timeoutMs?: number;
  /** The worker's JavaScript heap; a file needing more kills only the worker. Default 1024 MB. */
  maxHeapMb?: number;
}

const WORKER_FILE = 'material-content.worker';
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_HEAP_MB = 1024;

/**
 * The worker script: next to the bundled server (dist/apps/api, a webpack entry of its own),
 * or the TypeScript source when running from source (tests), loaded through swc.
 */
function workerScript(): { file: string; execArgv: string[]; env?: NodeJS.ProcessEnv } {
  const bundled = join(dirname(process.argv[1] ?? '.'), `${WORKER_FILE}.js`);
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  // The workspace's path aliases (@kehittamo/…) come from its base tsconfig.
  const tsconfig = join(__dirname, '../../../../../../tsconfig.base.json');
  return { file: join(__dirname, 'content.worker.ts'), execArgv: ['--require', '@swc-node/register'], env: { ...process.env, SWC_NODE_PROJECT: tsconfig } };
}

interface QueuedJob extends ContentJob {
  resolve: (result: ContentResult) => void;
  reject: (error: Error) => void;
}

/**
 * Extracts text and renders previews of uploaded files on a worker thread: parsing a large or
 * hostile document costs seconds of CPU and much memory, which must not stall the API. Jobs run
 * one at a time, in order; a job that overruns the timeout or kills its worker fails alone
 * (the caller may retry later) and the next job gets a fresh worker.
 */
export class ContentProcessor {
  private readonly logger = new Logger('ContentProcessor');
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly queue: QueuedJob[] = [];
  private running: { job: QueuedJob; timer: NodeJS.Timeout } | null = null;
  private closed = false;

  constructor(options: ContentProcessorOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  }

  /**
   * Text and preview of the file at `path` (detected as `format`). Rejects when the file cannot
   * be read as that format (a ContentExtractionError message), on timeout and on a worker crash.
   */
  process(path: string, format: FileFormat): Promise<ContentResult> {
    if (this.closed) return Promise.reject(new Error('content processor closed'));
    return new Promise<ContentResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, path, format, resolve, reject });
      this.startNext();
    });
  }

  /** Fails queued and running jobs and stops the worker. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failRunning('content processor closed');
    for (const job of this.queue.splice(0)) job.reject(new Error('content processor closed'));
    await worker?.terminate();
  }

  private startNext(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    // The clock starts when the job does, not while it waits its turn.
    const timer = setTimeout(() => this.replaceWorker(`job ${job.id} took over ${this.timeoutMs} ms`), this.timeoutMs);
    this.running = { job, timer };
    const { id, path, format } = job;
    this.ensureWorker().postMessage({ id, path, format } satisfies ContentJob);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const { file, execArgv, env } = workerScript();
    const worker = new Worker(file, { execArgv, env, resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    worker.unref();
    worker.on('message', (result: ContentJobResult) => this.finish(result));
    worker.on('error', (error) => this.worker === worker && this.replaceWorker(error.message));
    worker.on('exit', () => this.worker === worker && this.replaceWorker('worker exited'));
    this.worker = worker;
    return worker;
  }

  private finish(result: ContentJobResult): void {
    const running = this.running;
    if (!running || running.job.id !== result.id) return;
    clearTimeout(running.timer);
    this.running = null;
    if (result.error !== undefined || result.text === undefined) {
      running.job.reject(new Error(`processing the file failed: ${result.error ?? 'no result'}`));
    } else {
      const preview = result.preview ? Buffer.from(result.preview.buffer, result.preview.byteOffset, result.preview.byteLength) : null;
      running.job.resolve({ text: result.text, preview });
    }
    this.startNext();
  }

  /** Fails the running job (its file may be the cause) and goes on with a fresh worker. */
  private replaceWorker(reason: string): void {
    this.logger.warn(`content worker restarted: ${reason}`);
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    this.failRunning(reason);
    this.startNext();
  }

  private failRunning(reason: string): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = null;
    running.job.reject(new Error(`processing the file failed: ${reason}`));
  }
}
