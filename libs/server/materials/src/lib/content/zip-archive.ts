import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';

/** More entries than this is not an office document; the rest of the directory is not read. */
export const MAX_ZIP_ENTRIES = 20_000;

export interface ZipEntry {
  /** The stored name, decoded as UTF-8 (only ever compared with known ASCII names). */
  name: string;
  uncompressedSize: number;
  raw: yauzl.Entry;
}

/**
 * A zip file read from disk by random access (yauzl): the central directory first, then only
 * the entries asked for, each decompressed as a stream with a byte cap — a zip bomb costs at
 * most the cap, never the memory of the whole file or of its declared sizes.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ZipEntry[],
    /** False when the directory was cut short by an error or by {@link MAX_ZIP_ENTRIES}. */
    readonly complete: boolean,
  ) {}

  /** Rejects when the file is not a zip at all; a directory broken part way gives the entries before the break. */
  static async open(path: string, maxEntries = MAX_ZIP_ENTRIES): Promise<ZipArchive> {
    // decodeStrings off: yauzl would refuse the whole archive over one hostile entry name
    // (absolute, "..", backslashes), and nothing here is written to disk by name.
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
    const { entries, complete } = await listEntries(zip, maxEntries);
    return new ZipArchive(zip, entries, complete);
  }

  find(name: string): ZipEntry | undefined {
    return this.entries.find((entry) => entry.name === name);
  }

  /**
   * Streams one entry's uncompressed bytes to `onChunk` until the end, `maxBytes`, an error
   * (corrupt data, an unsupported method, encryption) or `onChunk` returning false. Never
   * rejects: it resolves with the number of bytes delivered.
   */
  read(entry: ZipEntry, maxBytes: number, onChunk: (chunk: Buffer) => boolean | void): Promise<number> {
    return new Promise<number>((resolve) => {
      let delivered = 0;
      let done = false;
      const finish = (stream?: Readable) => {
        if (done) return;
        done = true;
        stream?.destroy();
        resolve(delivered);
      };
      if (maxBytes <= 0) return finish();
      try {
        this.zip.openReadStream(entry.raw, (error, stream) => {
          if (error || !stream) return finish();
          stream.on('data', (chunk: Buffer) => {
            if (done) return;
            const room = maxBytes - delivered;
            const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
            delivered += piece.length;
            const wantsMore = onChunk(piece) !== false;
            if (!wantsMore || delivered >= maxBytes) finish(stream);
          });
          stream.on('error', () => finish(stream));
          stream.on('end', () => finish());
          stream.on('close', () => finish());
        });
      } catch {
        finish();
      }
    });
  }

  /** Reads a small entry whole (up to `maxBytes`). */
  async readSmall(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await this.read(entry, maxBytes, (chunk) => void chunks.push(chunk));
    return Buffer.concat(chunks);
  }

  close(): void {
    try {
      this.zip.close();
    } catch {
      // already closed
    }
  }
}

function listEntries(zip: yauzl.ZipFile, maxEntries: number): Promise<{ entries: ZipEntry[]; complete: boolean }> {
  return new Promise((resolve) => {
    const entries: ZipEntry[] = [];
    let settled = false;
    const settle = (complete: boolean) => {
      if (settled) return;
      settled = true;
      zip.removeAllListeners('entry');
      resolve({ entries, complete });
    };
    zip.on('entry', (raw: yauzl.Entry) => {
      entries.push({ name: Buffer.from(raw.fileNameRaw).toString('utf8'), uncompressedSize: raw.uncompressedSize, raw });
      if (entries.length >= maxEntries) return settle(false);
      zip.readEntry();
    });
    zip.on('end', () => settle(true));
    // Errors after settling (none are expected) must not become uncaught 'error' events.
    zip.on('error', () => settle(false));
    zip.readEntry();
  });
}
