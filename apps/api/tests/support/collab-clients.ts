import type { Board } from '@kehittamo/shared/domain';
import type { CollabTokenResponse } from '@kehittamo/shared/collab-protocol';
import type { TestClient } from '@kehittamo/server/testing';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A stock y-websocket provider in Node, exactly as the README tells integrators to use it. */
export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export async function collabToken(client: TestClient, doc: string): Promise<CollabTokenResponse> {
  const res = await client.post('/api/collab/token', { doc });
  if (res.status !== 200) throw new Error(`collab token: ${res.status} ${res.text}`);
  return res.body as CollabTokenResponse;
}

export async function createBoard(client: TestClient, spaceId: string, title = 'Työpajan taulu'): Promise<Board> {
  const res = await client.post('/api/boards', { spaceId, title });
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${res.text}`);
  return res.body as Board;
}

/** Connects a stock provider with a fresh token (to `doc`, e.g. one with offline edits); resolves once synced. */
export async function connectStock(client: TestClient, baseWsUrl: string, docName: string, doc = new Y.Doc()): Promise<StockClient> {
  const token = await collabToken(client, docName);
  const provider = new WebsocketProvider(`${baseWsUrl}/collab`, docName, doc, {
    params: { token: token.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 60_000,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in 5 s')), 5000);
    provider.once('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Opens a raw socket; resolves with the HTTP status when the upgrade is refused, or the open socket. */
export function rawSocket(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.on('error', () => resolve({ status: 0 }));
  });
}

export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
