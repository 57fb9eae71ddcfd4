import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppException, flattenValidationErrors, type AppConfig, type AuthenticatedUser } from '@kehittamo/server/core';
import { SpaceAccessService } from '@kehittamo/server/data-access';
import { FILE_FORMATS, type FileFormat, type Material } from '@kehittamo/shared/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { MaterialMetadataDto } from './dto/material.dto';
import { MaterialProcessingService } from './material-processing.service';
import { SELECT_FILE, type FileRow } from './material-rows';
import { MaterialService } from './material.service';
import { OBJECT_STORAGE, ObjectNotFoundError, storageKeys, type ObjectStorage } from './storage/object-storage';
import { receiveUpload, type ReceivedFile } from './upload/receive-upload';

/** Formats that get extracted text or a preview in the background job. */
function needsProcessing(format: FileFormat): boolean {
  return FILE_FORMATS[format].text || FILE_FORMATS[format].family === 'image' || format === 'pdf';
}

export interface FileDownload {
  stream: Readable;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

/** Uploads (new materials and new versions), downloads and previews of material files. */
@Injectable()
export class MaterialFileService {
  private readonly logger = new Logger('Materials');

  constructor(
    private readonly db: DataSource,
    private readonly spaceAccess: SpaceAccessService,
    private readonly materials: MaterialService,
    private readonly processing: MaterialProcessingService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get tempDir(): string {
    return join(this.config.DATA_DIR, 'materials-tmp');
  }

  /** A new file material: rights checked before a byte is read, metadata validated with the file. */
  async uploadNew(user: AuthenticatedUser, spaceId: string, req: IncomingMessage): Promise<Material> {
    await this.spaceAccess.requireAccess(user, spaceId, 'edit');
    const upload = await receiveUpload(req, { maxBytes: this.config.MATERIAL_MAX_BYTES, tempDir: this.tempDir });
    try {
      const meta = plainToInstance(MaterialMetadataDto, { title: upload.file.filename, ...upload.fields });
      const problems = flattenValidationErrors(await validate(meta, { whitelist: true, forbidNonWhitelisted: true }));
      if (problems.length > 0) throw AppException.validation(problems);
      const materialId = randomUUID();
      await this.storeVersion(materialId, upload.file, async (manager, insertVersion) => {
        await this.materials.insertFileMaterial(manager, user, spaceId, meta, materialId);
        await insertVersion(user);
      });
      this.processing.kick();
      return this.materials.get(user, materialId, { countView: false });
    } finally {
      await rm(upload.file.tempPath, { force: true });
    }
  }

  /** Replaces the file with a new version; the earlier versions stay downloadable. */
  async uploadVersion(user: AuthenticatedUser, materialId: string, req: IncomingMessage): Promise<Material> {
    const row = await this.materials.findEditable(user, materialId);
    if (row.kind !== 'file') throw AppException.validation([{ field: 'file', problems: ['only file materials have versions'] }]);
    const upload = await receiveUpload(req, { maxBytes: this.config.MATERIAL_MAX_BYTES, tempDir: this.tempDir });
    try {
      const unexpected = Object.keys(upload.fields);
      if (unexpected.length > 0) throw AppException.validation(unexpected.map((field) => ({ field, problems: ['is not accepted here'] })));
      await this.storeVersion(materialId, upload.file, async (manager, insertVersion) => {
        // One version number at a time per material.
        await manager.query(`SELECT id FROM materials WHERE id = $1 FOR UPDATE`, [materialId]);
        await insertVersion(user);
      });
      this.processing.kick();
      return this.materials.get(user, materialId, { countView: false });
    } finally {
      await rm(upload.file.tempPath, { force: true });
    }
  }

  /**
   * Stores the bytes first (outside any transaction: a large upload to S3 takes a while), then
   * the rows in one transaction. Should that fail, the bytes are removed again: nothing is left behind.
   */
  private async storeVersion(
    materialId: string,
    file: ReceivedFile,
    writeRows: (manager: EntityManager, insertVersion: (user: AuthenticatedUser) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const fileId = randomUUID();
    const key = storageKeys.file(materialId, fileId);
    const scanned = Boolean(this.config.CLAMAV_HOST);
    await this.storage.putFile(key, file.tempPath, file.size, FILE_FORMATS[file.format].mime);
    try {
      await this.db.transaction(async (manager) =>
        writeRows(manager, async (user) => {
          await manager.query(
            `INSERT INTO material_files (id, material_id, version, filename, format, size, sha256, storage_key, status, processing, uploaded_by)
             VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM material_files WHERE material_id = $2), $3, $4, $5, $6, $7, $8, $9, $10)`,
            [fileId, materialId, file.filename, file.format, file.size, file.sha256, key, scanned ? 'pending' : 'clean', needsProcessing(file.format) ? 'pending' : 'none', user.id],
          );
          // The new version's text replaces the old one's in search once it is extracted.
          await manager.query(`UPDATE materials SET current_file_id = $2, extracted_text = '', updated_at = now() WHERE id = $1`, [materialId, fileId]);
        }),
      );
    } catch (error) {
      await this.storage.delete(key).catch(() => this.queueOrphan(key));
      throw error;
    }
  }

  private async queueOrphan(key: string): Promise<void> {
    await this.db.query(`INSERT INTO material_orphan_objects (storage_key) VALUES ($1) ON CONFLICT DO NOTHING`, [key]).catch((error: Error) => {
      this.logger.error(`Could not queue ${key} for removal: ${error.message}`);
    });
  }

  /** The current version, or the numbered one; counts a download. */
  async download(user: AuthenticatedUser, materialId: string, version?: number): Promise<FileDownload> {
    const material = await this.materials.findReadable(user, materialId);
    if (material.kind !== 'file') throw AppException.notFound('File');
    const [file]: FileRow[] = await this.db.query(
      version ? `${SELECT_FILE} WHERE f.material_id = $1 AND f.version = $2` : `${SELECT_FILE} JOIN materials m ON m.current_file_id = f.id WHERE m.id = $1`,
      version ? [materialId, version] : [materialId],
    );
    if (!file) throw AppException.notFound('File version');
    if (file.status === 'pending') throw new AppException('conflict', 'The file is still being checked for viruses; try again in a moment');
    if (file.status === 'rejected') throw new AppException('conflict', 'The virus scan found a threat in this file; it was removed');
    const stream = await this.open(file.storage_key);
    await this.db.query(`UPDATE materials SET download_count = download_count + 1 WHERE id = $1`, [materialId]);
    return { stream, filename: file.filename, mime: FILE_FORMATS[file.format].mime, size: Number(file.size), sha256: file.sha256 };
  }

  /** The PNG preview of the current version (an image thumbnail or a PDF's first page). */
  async preview(user: AuthenticatedUser, materialId: string): Promise<Readable> {
    await this.materials.findReadable(user, materialId);
    const [file]: { preview_key: string | null; status: string }[] = await this.db.query(
      `SELECT f.preview_key, f.status FROM material_files f JOIN materials m ON m.current_file_id = f.id WHERE m.id = $1`,
      [materialId],
    );
    if (!file?.preview_key || file.status !== 'clean') throw AppException.notFound('Preview');
    return this.open(file.preview_key);
  }

  private async open(key: string): Promise<Readable> {
    try {
      return await this.storage.read(key);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        this.logger.error(`Stored object missing: ${key}`);
        throw new AppException('unavailable', 'The stored file is not available right now');
      }
      this.logger.error(`Storage read failed for ${key}: ${(error as Error).message}`);
      throw new AppException('unavailable', 'File storage is not available right now');
    }
  }
}
