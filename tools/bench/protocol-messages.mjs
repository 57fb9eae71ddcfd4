// y-websocket messages the load generators send (sync step 1 of an empty document, sync update).
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const now = () => performance.timeOrigin + performance.now();

export function syncStep1() {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(e);
}

export function updateMessage(update) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}
