import type { EntityManager } from 'typeorm';
import type * as Y from 'yjs';

/** Text and JSON of a document for search and export; `meta` is the small part lists read. */
export interface CollabProjection {
  text: string;
  json: unknown;
  meta?: unknown;
}

/**
 * What features (model descriptions) need from the collaboration server, without depending on
 * it: the server implements this and its module binds it globally.
 */
export abstract class CollabDocuments {
  /** The current state as one update: from memory when open on this instance, else from storage. */
  abstract readState(docName: string): Promise<Uint8Array>;
  /** The current state and its projection, built off the event loop. */
  abstract readProjection(docName: string): Promise<{ state: Uint8Array; projection: CollabProjection }>;
  /** A change made by the server, seen by every connected client as an ordinary change; resolves once stored. */
  abstract change(docName: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** The first content of a new document, in the caller's transaction, with its projection. */
  abstract writeInitial(manager: EntityManager, docName: string, update: Uint8Array, projection: CollabProjection): Promise<void>;
}
