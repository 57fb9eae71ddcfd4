import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@kehittamo/server/core';
import { MATERIAL_LIMITS, type FileFormat, type MaterialFileStatus, type MaterialProcessingState } from '@kehittamo/shared/domain';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ContentProcessor, scanFile } from './content';
import { OBJECT_STORAGE, storageKeys, type ObjectStorage } from './storage/object-storage';

interface WorkRow {
  id: string;
  material_id: string;
  format: FileFormat;
  storage_key: string;
  status: MaterialFileStatus;
  processing: MaterialProcessingState;
  processing_attempts: number;
}

const POLL_MS = 2000;
/** A claimed job is someone else's to retry after this long (its instance may have died). */
const LEASE = `interval '10 minutes'`;
const MAX_ATTEMPTS = 3;
const SCAN_RETRY = `interval '30 seconds'`;
/** Upload leftovers older than this are from a crash and removed at start. */
const STALE_TEMP_MS = 24 * 60 * 60_000;

/**
 * The background job: the virus scan (when CLAMAV_HOST is set), text extraction and preview
 * rendering of uploaded files, and removal of deleted materials' stored objects. Work is claimed
 * with SKIP LOCKED and a lease, so any number of instances share it and a crash loses nothing.
 * Extraction runs on a worker thread and never delays an upload's answer.
 */
@Injectable()
export class MaterialProcessingService implements OnApplicationShutdown {
  private readonly logger = new Logger('MaterialJobs');
  private readonly processor = new ContentProcessor();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts the job; called once the database is migrated (the tables must exist). */
  async start(): Promise<void> {
    if (this.timer || this.stopped) return;
    await this.removeStaleTemporaryFiles();
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.processor.close();
  }

  /** Looks for work now (after an upload) instead of at the next poll. */
  kick(): void {
    if (this.stopped || !this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: Error) => this.logger.error(`Material job failed: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no job is running (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    await this.removeOrphans();
    for (let job = await this.claim(); job && !this.stopped; job = await this.claim()) {
      await this.work(job);
    }
  }

  private async claim(): Promise<WorkRow | null> {
    const [rows]: [WorkRow[], number] = await this.db.query(
      `UPDATE material_files SET processing_attempts = processing_attempts + CASE WHEN status = 'clean' THEN 1 ELSE 0 END,
              process_after = now() + ${LEASE}
        WHERE id = (SELECT id FROM material_files
                     WHERE (status = 'pending' OR (status = 'clean' AND processing = 'pending')) AND process_after <= now()
                     ORDER BY process_after FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, material_id, format, storage_key, status, processing, processing_attempts`,
    );
    return rows[0] ?? null;
  }

  private async work(job: WorkRow): Promise<void> {
    if (job.status === 'pending') {
      const status = await this.scan(job);
      if (status !== 'clean') return;
    }
    if (job.processing === 'pending') await this.extract(job);
  }

  /** Pending files stay pending (and not downloadable) until the scanner answers. */
  private async scan(job: WorkRow): Promise<MaterialFileStatus> {
    const host = this.config.CLAMAV_HOST;
    if (!host) {
      await this.db.query(`UPDATE material_files SET status = 'clean', process_after = now() WHERE id = $1`, [job.id]);
      return 'clean';
    }
    try {
      const result = await this.storage.withLocalFile(job.storage_key, (path) => scanFile(path, { host, port: this.config.CLAMAV_PORT, timeoutMs: 60_000 }));
      if (result.clean) {
        await this.db.query(`UPDATE material_files SET status = 'clean', process_after = now() WHERE id = $1`, [job.id]);
        return 'clean';
      }
      // Only the signature name is logged, never the file's name or content.
      this.logger.warn(`Virus scan rejected file ${job.id}: ${result.signature}`);
      await this.db.query(`UPDATE material_files SET status = 'rejected', processing = 'none' WHERE id = $1`, [job.id]);
      await this.storage.delete(job.storage_key);
      return 'rejected';
    } catch (error) {
      this.logger.warn(`Virus scan unavailable, file ${job.id} stays pending: ${(error as Error).message}`);
      await this.db.query(`UPDATE material_files SET process_after = now() + ${SCAN_RETRY} WHERE id = $1`, [job.id]);
      return 'pending';
    }
  }

  private async extract(job: WorkRow): Promise<void> {
    try {
      const result = await this.storage.withLocalFile(job.storage_key, (path) => this.processor.process(path, job.format));
      const text = result.text.slice(0, MATERIAL_LIMITS.extractedTextMax);
      let previewKey: string | null = null;
      if (result.preview) {
        previewKey = storageKeys.preview(job.material_id, job.id);
        await this.storage.putBuffer(previewKey, result.preview, 'image/png');
      }
      await this.db.transaction(async (manager) => {
        await manager.query(`UPDATE material_files SET processing = 'done', extracted_text = $2, preview_key = $3 WHERE id = $1`, [job.id, text, previewKey]);
        await manager.query(`UPDATE materials SET extracted_text = $2 WHERE current_file_id = $1`, [job.id, text]);
      });
    } catch (error) {
      const last = job.processing_attempts >= MAX_ATTEMPTS;
      this.logger.warn(`Text and preview of file ${job.id} failed (attempt ${job.processing_attempts}): ${(error as Error).message}`);
      await this.db.query(
        last
          ? `UPDATE material_files SET processing = 'failed' WHERE id = $1`
          : `UPDATE material_files SET process_after = now() + interval '1 minute' * processing_attempts WHERE id = $1`,
        [job.id],
      );
    }
  }

  /** Deleted materials' objects: removed from storage, retried until storage confirms. */
  private async removeOrphans(): Promise<void> {
    const rows: { storage_key: string }[] = await this.db.query(`SELECT storage_key FROM material_orphan_objects ORDER BY created_at LIMIT 100`);
    for (const { storage_key } of rows) {
      try {
        await this.storage.delete(storage_key);
        await this.db.query(`DELETE FROM material_orphan_objects WHERE storage_key = $1`, [storage_key]);
      } catch (error) {
        this.logger.warn(`Could not remove stored object ${storage_key}: ${(error as Error).message}`);
        return;
      }
    }
  }

  private async removeStaleTemporaryFiles(): Promise<void> {
    const dir = join(this.config.DATA_DIR, 'materials-tmp');
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true, recursive: true });
    }
  }
}
