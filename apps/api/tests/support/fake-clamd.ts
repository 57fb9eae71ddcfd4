import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

/** The EICAR anti-virus test string (harmless; every scanner reports it). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export interface FakeClamd {
  port: number;
  /** Streams scanned so far. */
  scans: number;
  /** While true, connections are refused with an error reply (scanner down). */
  failing: boolean;
  close(): Promise<void>;
}

/**
 * A clamd speaking the INSTREAM protocol on loopback: length-prefixed chunks, a zero-length
 * chunk to end; answers `stream: OK` or `stream: Eicar-Test-Signature FOUND`.
 */
export async function startFakeClamd(): Promise<FakeClamd> {
  const state = { scans: 0, failing: false };
  const server: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let commandRead = false;
    const received: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandRead) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        if (buffer.subarray(0, end).toString() !== 'zINSTREAM') return void socket.end('UNKNOWN COMMAND\0');
        commandRead = true;
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          state.scans += 1;
          if (state.failing) return void socket.end('Can\'t allocate memory ERROR\0');
          const infected = Buffer.concat(received).includes(EICAR);
          return void socket.end(infected ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
        }
        if (buffer.length < 4 + length) return;
        received.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get scans() {
      return state.scans;
    },
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  } as FakeClamd;
}
