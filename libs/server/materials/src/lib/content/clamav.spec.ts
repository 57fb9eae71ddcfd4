import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { CLAMD_CHUNK_BYTES, scanFile } from './clamav';
import { pseudoRandomBytes, scratchDir } from '@kehittamo/server/testing';

// The EICAR test string, assembled at run time so that no scanner flags this source file.
const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS', '-TEST-FILE!$H+H*'].join('');

type Behaviour = 'clamd' | 'size-limit' | 'silent';

interface FakeClamd {
  port: number;
  /** The chunk sizes received, per connection. */
  chunkSizes: number[][];
  close(): Promise<void>;
}

/** A tiny clamd speaking just INSTREAM: EICAR anywhere in the stream is "found". */
async function startFakeClamd(behaviour: Behaviour): Promise<FakeClamd> {
  const chunkSizes: number[][] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const sizes: number[] = [];
    chunkSizes.push(sizes);
    let buffer = Buffer.alloc(0);
    let commandRead = false;
    const received: Buffer[] = [];
    let total = 0;
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandRead) {
        const end = buffer.indexOf(0);
        if (end === -1) return;
        if (buffer.toString('latin1', 0, end) !== 'zINSTREAM') return void socket.end('UNKNOWN COMMAND\0');
        commandRead = true;
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (buffer.length < 4 + length) return;
        const chunk = buffer.subarray(4, 4 + length);
        buffer = buffer.subarray(4 + length);
        if (length === 0) {
          if (behaviour === 'silent') return;
          const stream = Buffer.concat(received).toString('latin1');
          return void socket.end(stream.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
        }
        sizes.push(length);
        received.push(Buffer.from(chunk));
        total += length;
        if (behaviour === 'size-limit' && total > 100_000) {
          // What clamd does past StreamMaxLength: answer and hang up mid-stream.
          return void socket.end('INSTREAM size limit exceeded. ERROR\0');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    chunkSizes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('scanFile', () => {
  const scratch = scratchDir();
  const servers: FakeClamd[] = [];
  const start = async (behaviour: Behaviour) => {
    const server = await startFakeClamd(behaviour);
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    scratch.remove();
  });

  it('reports a clean file, sent in chunks of at most 64 KiB', async () => {
    const clamd = await start('clamd');
    const path = scratch.write('clean.bin', pseudoRandomBytes(300_000));
    expect(await scanFile(path, { host: '127.0.0.1', port: clamd.port, timeoutMs: 5000 })).toEqual({ clean: true });
    const sizes = clamd.chunkSizes[0];
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CLAMD_CHUNK_BYTES);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(300_000);
    expect(sizes.length).toBeGreaterThan(1);
  });

  it('reports the signature of an infected file, even with the test string across chunks', async () => {
    const clamd = await start('clamd');
    const before = pseudoRandomBytes(CLAMD_CHUNK_BYTES - 20);
    const path = scratch.write('eicar.bin', Buffer.concat([before, Buffer.from(EICAR, 'latin1'), pseudoRandomBytes(1000)]));
    expect(await scanFile(path, { host: '127.0.0.1', port: clamd.port, timeoutMs: 5000 })).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
  });

  it('scans an empty file', async () => {
    const clamd = await start('clamd');
    expect(await scanFile(scratch.write('empty', ''), { host: '127.0.0.1', port: clamd.port })).toEqual({ clean: true });
  });

  it('rejects with clamd’s message when it answers ERROR (size limit)', async () => {
    const clamd = await start('size-limit');
    const path = scratch.write('big.bin', pseudoRandomBytes(2_000_000));
    await expect(scanFile(path, { host: '127.0.0.1', port: clamd.port, timeoutMs: 5000 })).rejects.toThrow('clamd: INSTREAM size limit exceeded. ERROR');
  });

  it('rejects when clamd does not answer in time', async () => {
    const clamd = await start('silent');
    const started = Date.now();
    await expect(scanFile(scratch.write('a.bin', 'data'), { host: '127.0.0.1', port: clamd.port, timeoutMs: 300 })).rejects.toThrow(/did not answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects when nothing listens and when the file is missing', async () => {
    const clamd = await start('clamd');
    const closedPort = (await start('clamd')).port;
    await servers[servers.length - 1].close();
    await expect(scanFile(scratch.write('b.bin', 'data'), { host: '127.0.0.1', port: closedPort, timeoutMs: 2000 })).rejects.toThrow(/ECONNREFUSED/);
    await expect(scanFile('/nonexistent/file', { host: '127.0.0.1', port: clamd.port, timeoutMs: 2000 })).rejects.toThrow(/reading the file to scan failed/);
  });
});
