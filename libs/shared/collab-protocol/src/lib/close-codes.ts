/**
 * WebSocket close codes of the collaboration server. 1xxx are the standard ones it uses;
 * 4xxx are ours. Each closes only the socket that caused it.
 */
export const CollabCloseCode = {
  /** Server shutting down: reconnect (to another instance) with a new token. */
  goingAway: 1001,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** A frame that does not decode: unknown message type, truncated, bad update. */
  invalidPayload: 1007,
  /** A frame larger than the configured cap. */
  messageTooBig: 1009,
  /** The client fell too far behind reading (its send buffer passed the cap): reconnect and resync. */
  overloaded: 1013,
  /** Rights changed or removed from the space: get a new token (and maybe lose access). */
  accessChanged: 4003,
  /** The document reached its size cap: further growth is refused. */
  documentTooLarge: 4009,
  /** Content outside the document's schema (a model description: unknown node or mark, unsafe link). */
  contentRefused: 4400,
  /** Too many awareness messages. (Too many open documents is refused at the upgrade with HTTP 429.) */
  rateLimited: 4029,
} as const;
export type CollabCloseCode = (typeof CollabCloseCode)[keyof typeof CollabCloseCode];

/** The y-websocket message types (first varuint of every binary frame). */
export const YMessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
