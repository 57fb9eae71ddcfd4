/**
 * Collaborative documents are named `<kind>.<uuid>`. Names are built and parsed only
 * here, so the server, the web client and the tests agree on them.
 */
export const COLLAB_DOC_KINDS = ['model', 'board'] as const;
export type CollabDocKind = (typeof COLLAB_DOC_KINDS)[number];

export interface CollabDocRef {
  kind: CollabDocKind;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function collabDocName(kind: CollabDocKind, id: string): string {
  if (!UUID.test(id)) throw new Error(`Not a lower-case UUID: ${id}`);
  return `${kind}.${id}`;
}

/** The kind and id of a document name, or null for anything that is not exactly one. */
export function parseCollabDocName(name: string): CollabDocRef | null {
  if (typeof name !== 'string' || name.length > 64) return null;
  const dot = name.indexOf('.');
  const kind = name.slice(0, dot) as CollabDocKind;
  const id = name.slice(dot + 1);
  if (dot < 0 || !COLLAB_DOC_KINDS.includes(kind) || !UUID.test(id)) return null;
  return { kind, id };
}

/** The WebSocket path of a document: `/collab/<name>`. */
export const COLLAB_PATH_PREFIX = '/collab/';
