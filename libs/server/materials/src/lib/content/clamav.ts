import { createReadStream } from 'node:fs';
import { connect } from 'node:net';

export interface ClamdOptions {
  host: string;
  port: number;
  /** The whole scan (connect, send, verdict) must finish within this. Default 120 s. */
  timeoutMs?: number;
}

export type ScanResult = { clean: true } | { clean: false; signature: string };

/** clamd's limit for one INSTREAM chunk is its StreamMaxLength; 64 KiB chunks stay far below. */
export const CLAMD_CHUNK_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 120_000;
/** A verdict is one short line; a server talking longer is not clamd. */
const MAX_REPLY_BYTES = 4096;

/**
 * Scans a file with clamd's INSTREAM command over TCP: the file is streamed in length-prefixed
 * chunks (never held in memory whole), ended by a zero-length chunk, and clamd answers
 * `stream: OK` or `stream: <signature> FOUND`. Rejects — so that the caller keeps the file
 * pending and retries — on a connection error, a timeout, an `… ERROR` reply (such as clamd's
 * size limit) or anything else unexpected.
 */
export function scanFile(path: string, options: ClamdOptions): Promise<ScanResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<ScanResult>((resolve, reject) => {
    const socket = connect({ host: options.host, port: options.port });
    const file = createReadStream(path, { highWaterMark: CLAMD_CHUNK_BYTES });
    let reply = Buffer.alloc(0);
    let settled = false;

    const settle = (outcome: { result: ScanResult } | { error: Error }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      file.destroy();
      socket.destroy();
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };
    /** The reply so far decides, if there is one (clamd may answer, then reset the connection). */
    const concludeOr = (error: Error) => {
      const text = replyText(reply);
      if (text) settle(parseReply(text));
      else settle({ error });
    };
    const timer = setTimeout(() => settle({ error: new Error(`clamd at ${options.host}:${options.port} did not answer within ${timeoutMs} ms`) }), timeoutMs);

    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      file.on('data', (chunk: Buffer | string) => {
        const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        const length = Buffer.alloc(4);
        length.writeUInt32BE(data.length);
        socket.write(length);
        // Backpressure: read the file no faster than clamd takes it.
        if (!socket.write(data)) file.pause();
      });
      file.on('end', () => socket.write(Buffer.alloc(4)));
    });
    socket.on('drain', () => file.resume());
    socket.on('data', (data: Buffer) => {
      reply = Buffer.concat([reply, data]);
      if (reply.length > MAX_REPLY_BYTES) settle({ error: new Error('clamd sent an overlong reply') });
      // z-commands are answered with a NUL-terminated line.
      else if (reply.includes(0)) settle(parseReply(replyText(reply)));
    });
    socket.on('end', () => concludeOr(new Error('clamd closed the connection without a verdict')));
    socket.on('close', () => concludeOr(new Error('clamd closed the connection without a verdict')));
    socket.on('error', (error) => concludeOr(new Error(`clamd at ${options.host}:${options.port}: ${error.message}`, { cause: error })));
    file.on('error', (error) => settle({ error: new Error(`reading the file to scan failed: ${error.message}`, { cause: error }) }));
  });
}

function replyText(reply: Buffer): string {
  const end = reply.indexOf(0);
  return reply.toString('utf8', 0, end === -1 ? reply.length : end).trim();
}

function parseReply(text: string): { result: ScanResult } | { error: Error } {
  if (text === 'stream: OK') return { result: { clean: true } };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { result: { clean: false, signature: found[1] } };
  if (text.endsWith('ERROR')) return { error: new Error(`clamd: ${text}`) };
  return { error: new Error(`clamd gave an unexpected reply: ${text.slice(0, 200)}`) };
}
