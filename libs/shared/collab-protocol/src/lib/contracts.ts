import type { SpaceAccess } from '@kehittamo/shared/domain';

/** `POST /api/collab/token` */
export interface CollabTokenRequest {
  doc: string;
}

export interface CollabTokenResponse {
  /** Single use, valid for `expiresInSeconds` to open one connection. */
  token: string;
  /** Full WebSocket URL including the token, for a stock y-websocket provider. */
  url: string;
  /** Base URL and room name, for `new WebsocketProvider(serverUrl, room, doc, { params: { token } })`. */
  serverUrl: string;
  room: string;
  access: SpaceAccess;
  expiresInSeconds: number;
}

/** The `user` field of every awareness state, set by the server from the session. */
export interface CollabAwarenessUser {
  id: string;
  name: string;
  color: string;
  organisation: string | null;
}
