import busboy from 'busboy';
import { AppException } from '@kehittamo/server/core';
import { FILE_FORMAT_KEYS, FILE_FORMATS, MATERIAL_LIMITS, type FileFormat } from '@kehittamo/shared/domain';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { detectFileFormat, HEAD_BYTES, sniffHead } from '../content';

/** A file received to a temporary path: checked by content, hashed and counted on the way. */
export interface ReceivedFile {
  tempPath: string;
  filename: string;
  size: number;
  sha256: string;
  format: FileFormat;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: ReceivedFile;
}

/** Room for the multipart framing and the metadata fields on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
const FIELD_MAX_BYTES = 8 * 1024;

/** The client went away mid-upload: nothing to answer, nothing kept. */
export class UploadAbortedError extends Error {
  constructor() {
    super('The upload was aborted by the client');
    this.name = 'UploadAbortedError';
  }
}

const notAllowed = () =>
  AppException.validation([
    { field: 'file', problems: [`this file type is not allowed (allowed: ${FILE_FORMAT_KEYS.join(', ')}; checked by content)`] },
  ]);

const tooLarge = (maxBytes: number) =>
  new AppException('payload_too_large', `The file is larger than the limit of ${maxBytes} bytes`);

/** Names are only ever shown and put in Content-Disposition: strip paths and control characters. */
export function cleanFilename(name: string | undefined, format: FileFormat): string {
  // eslint-disable-next-line no-control-regex
  const base = ((name ?? '').split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MATERIAL_LIMITS.filenameMax);
  return base && base !== '.' && base !== '..' ? base : `file.${FILE_FORMATS[format].extension}`;
}

/** Hashes and counts the bytes and refuses a disallowed type as soon as the first bytes are in. */
class CheckingStream extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  private checked = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (!this.checked) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) {
        const error = this.checkHead();
        if (error) return done(error);
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.checked ? null : this.checkHead());
  }

  private checkHead(): Error | null {
    this.checked = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    return sniffHead(head) ? null : notAllowed();
  }
}

/**
 * Streams one multipart upload to a temporary file: never more than a chunk in memory, the
 * size limit answered with 413 before reading when the declared length is too large (and as
 * soon as it is passed otherwise), malformed multipart 400, and the temporary file removed
 * whatever goes wrong — including the client going away.
 */
export async function receiveUpload(
  req: IncomingMessage,
  options: { maxBytes: number; tempDir: string },
): Promise<ReceivedUpload> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw AppException.validation([{ field: 'body', problems: ['must be multipart/form-data with one file part named "file"'] }]);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes + MULTIPART_OVERHEAD) throw tooLarge(options.maxBytes);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // Browsers send file names as raw UTF-8.
      defParamCharset: 'utf8',
      limits: { fileSize: options.maxBytes, files: 1, fields: 20, parts: 30, fieldSize: FIELD_MAX_BYTES },
    });
  } catch (error) {
    throw AppException.validation([{ field: 'body', problems: [(error as Error).message] }]);
  }
  await mkdir(options.tempDir, { recursive: true });
  // The client may have gone while the folder was made (its events are then already past).
  if (req.destroyed || req.readableAborted) throw new UploadAbortedError();
  const tempPath = join(options.tempDir, `${randomUUID()}.upload`);
  const fields: Record<string, string> = {};
  let fileJob: Promise<Omit<ReceivedFile, 'format'>> | null = null;
  let fileStream: NodeJS.ReadableStream & { destroy(error?: Error): void } | null = null;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const stop = (error: Error) => {
        fail(error);
        req.unpipe(parser);
        // Ends the file's pipeline, so the temporary file is closed and can be removed.
        fileStream?.destroy(failure ?? error);
        // Stop reading what the client still sends; the response says why.
        req.resume();
        reject(failure);
      };
      req.on('aborted', () => stop(new UploadAbortedError()));
      req.on('close', () => {
        if (!req.complete) stop(new UploadAbortedError());
      });
      parser.on('field', (name, value, info) => {
        if (info.valueTruncated) return stop(AppException.validation([{ field: name, problems: [`is longer than ${FIELD_MAX_BYTES} bytes`] }]));
        fields[name] = value;
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || fileJob) {
          stream.resume();
          return stop(AppException.validation([{ field: name, problems: ['only one file part, named "file", is accepted'] }]));
        }
        fileStream = stream;
        const checking = new CheckingStream();
        let truncated = false;
        stream.on('limit', () => {
          truncated = true;
          stop(tooLarge(options.maxBytes));
        });
        const job = pipeline(stream, checking, createWriteStream(tempPath, { flags: 'wx' })).then(() => {
          if (truncated) throw tooLarge(options.maxBytes);
          return { tempPath, filename: info.filename ?? '', size: checking.size, sha256: checking.hash.digest('hex') };
        });
        fileJob = job;
        job.catch((error: Error) => {
          stream.resume();
          stop(error);
        });
      });
      parser.on('filesLimit', () => stop(AppException.validation([{ field: 'file', problems: ['only one file may be sent'] }])));
      parser.on('fieldsLimit', () => stop(AppException.validation([{ field: 'body', problems: ['too many fields'] }])));
      parser.on('partsLimit', () => stop(AppException.validation([{ field: 'body', problems: ['too many parts'] }])));
      parser.on('error', (error: Error) => stop(AppException.validation([{ field: 'body', problems: [`malformed multipart body: ${error.message}`] }])));
      parser.on('close', () => (failure ? reject(failure) : resolve()));
      req.pipe(parser);
    });
    if (!fileJob) throw AppException.validation([{ field: 'file', problems: ['a file part named "file" is required'] }]);
    const file = await (fileJob as Promise<Omit<ReceivedFile, 'format'>>);
    if (file.size === 0) throw AppException.validation([{ field: 'file', problems: ['the file is empty'] }]);
    const format = await detectFileFormat(tempPath);
    if (!format) throw notAllowed();
    return { fields, file: { ...file, filename: cleanFilename(file.filename, format), format } };
  } catch (error) {
    // The write may still be finishing: wait for it, then remove what it wrote.
    await (fileJob as Promise<unknown> | null)?.catch(() => undefined);
    await rm(tempPath, { force: true });
    throw failure ?? error;
  }
}
