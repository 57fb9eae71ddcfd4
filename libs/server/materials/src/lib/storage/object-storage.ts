import type { Readable } from 'node:stream';

/** Where material files and their previews are kept: local disk or S3-compatible object storage. */
export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /** Stores a finished file (moved when on the same disk, otherwise streamed). */
  putFile(key: string, sourcePath: string, size: number, contentType: string): Promise<void>;
  putBuffer(key: string, data: Buffer, contentType: string): Promise<void>;
  /** A stream of the object; rejects with {@link ObjectNotFoundError} when it is missing. */
  read(key: string): Promise<Readable>;
  /** The object as a local file for processing: the stored file itself on disk, a temporary copy otherwise. */
  withLocalFile<T>(key: string, use: (path: string) => Promise<T>): Promise<T>;
  /** Removes the object; a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Throws when the storage cannot be used (readiness check). */
  check(): Promise<void>;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

export class ObjectNotFoundError extends Error {
  constructor(key: string) {
    super(`Stored object ${key} not found`);
    this.name = 'ObjectNotFoundError';
  }
}

/** Keys are built from ids only, never from names users give: no path can be smuggled in. */
const KEY = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
}

export const storageKeys = {
  file: (materialId: string, fileId: string) => `materials/${materialId}/${fileId}`,
  preview: (materialId: string, fileId: string) => `materials/${materialId}/${fileId}.preview.png`,
};
