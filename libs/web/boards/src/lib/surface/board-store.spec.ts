import { addItem, readBoard, updateItem } from '@kehittamo/shared/board-content';
import * as Y from 'yjs';
import { BoardStore } from './board-store';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('BoardStore', () => {
  const manual = () => {
    let pending: (() => void) | null = null;
    return {
      schedule: (callback: () => void) => {
        pending = callback;
        return () => (pending = null);
      },
      run: () => pending?.(),
    };
  };

  it('batches remote changes until the frame and keeps unchanged items as the same objects', () => {
    const doc = new Y.Doc();
    const a = addItem(doc, { type: 'note', text: 'eka' });
    const b = addItem(doc, { type: 'note', text: 'toka' });
    const frame = manual();
    const store = new BoardStore(doc, frame.schedule);
    const before = store.items();
    updateItem(doc, a, { x: 500 });
    expect(store.items()).toBe(before);
    frame.run();
    const after = store.items();
    expect(after.find((i) => i.id === a)?.x).toBe(500);
    expect(after.find((i) => i.id === b)).toBe(before.find((i) => i.id === b));
    store.destroy();
  });

  it('undoes only this user’s own changes, never someone else’s', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const store = new BoardStore(mine, manual().schedule);
    const myNote = store.add({ type: 'note', text: 'minun' });
    sync(mine, theirs);
    const theirNote = addItem(theirs, { type: 'note', text: 'heidän' });
    sync(mine, theirs);
    store.update([{ id: myNote, patch: { x: 300 } }]);
    expect(store.canUndo()).toBe(true);

    store.undo();
    expect(readBoard(mine).find((i) => i.id === myNote)?.x).not.toBe(300);
    store.undo();
    const ids = readBoard(mine).map((i) => i.id);
    expect(ids).toEqual([theirNote]);
    expect(store.canUndo()).toBe(false);

    store.redo();
    expect(readBoard(mine).map((i) => i.id).sort()).toEqual([myNote, theirNote].sort());
    store.destroy();
  });

  it('restores a deleted frame with its notes back in it', () => {
    const doc = new Y.Doc();
    const store = new BoardStore(doc, manual().schedule);
    const frame = store.add({ type: 'frame', text: 'Kehys', x: 0, y: 0 });
    const note = store.add({ type: 'note', text: 'lappu', frame });
    const deleted = store.delete([frame]);
    expect(store.item(note)?.frame).toBeNull();
    expect(deleted).not.toBeNull();
    if (deleted) store.restore(deleted);
    expect(store.item(frame)?.text).toBe('Kehys');
    expect(store.item(note)?.frame).toBe(frame);
    store.destroy();
  });
});
