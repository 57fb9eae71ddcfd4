// Worker thread: builds a document from stored (trusted) updates and returns its compacted
// state and projection, so compaction and projections never hold the API's event loop.
// Built as its own entry (apps/api/webpack.config.js); run from source in tests (StateBuilder).
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { projectDocument } from '../documents/projection';
import type { StateBuildRequest, StateBuildResult } from './state-builder';

parentPort?.on('message', ({ id, updates, withState, mergeOnly }: StateBuildRequest) => {
  let result: StateBuildResult;
  try {
    // Stored updates are the server's own encodings, never client bytes: safe to merge.
    if (mergeOnly) return parentPort?.postMessage({ id, state: Y.mergeUpdates(updates) } satisfies StateBuildResult);
    const doc = new Y.Doc();
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
    result = { id, state: withState ? Y.encodeStateAsUpdate(doc) : undefined, projection: projectDocument(doc) };
    doc.destroy();
  } catch (error) {
    result = { id, error: (error as Error).message };
  }
  parentPort?.postMessage(result);
});
