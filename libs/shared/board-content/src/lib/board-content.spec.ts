import * as Y from 'yjs';
import { builtInTemplateItems } from '@kehittamo/shared/domain';
import {
  addItem,
  applyTemplate,
  boardAsTemplate,
  boardOutline,
  boardText,
  deleteItems,
  deletionEffects,
  frameAt,
  moveInOrder,
  moveToFrame,
  readBoard,
  restoreItems,
  setItemText,
  stripAuthors,
  updateItem,
} from './board-content';

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('board content', () => {
  it('adds notes to a frame in free slots and lists them in the outline in order', () => {
    const doc = new Y.Doc();
    const frame = addItem(doc, { type: 'frame', text: 'Vahvuudet', x: 0, y: 0 });
    const a = addItem(doc, { type: 'note', text: 'eka', frame, author: 'Maija' });
    const b = addItem(doc, { type: 'note', text: 'toka', frame });
    const loose = addItem(doc, { type: 'note', text: 'irrallaan' });
    const items = readBoard(doc);
    const [noteA, noteB] = [items.find((i) => i.id === a)!, items.find((i) => i.id === b)!];
    expect(noteA.x === noteB.x && noteA.y === noteB.y).toBe(false);
    expect(frameAt(items, noteB.x + 5, noteB.y + 5)).toBe(frame);
    const outline = boardOutline(items);
    expect(outline.frames[0].items.map((i) => i.text)).toEqual(['eka', 'toka']);
    expect(outline.loose.map((i) => i.id)).toEqual([loose]);
    expect(noteA.author).toBe('Maija');
    expect(noteB.author).toBeUndefined();
  });

  it('moves a note between frames and reorders it', () => {
    const doc = new Y.Doc();
    const f1 = addItem(doc, { type: 'frame', text: 'A', x: 0, y: 0 });
    const f2 = addItem(doc, { type: 'frame', text: 'B', x: 1000, y: 0 });
    const n1 = addItem(doc, { type: 'note', text: '1', frame: f1 });
    const n2 = addItem(doc, { type: 'note', text: '2', frame: f2 });
    moveToFrame(doc, n1, f2);
    let outline = boardOutline(readBoard(doc));
    expect(outline.frames[1].items.map((i) => i.text)).toEqual(['2', '1']);
    const moved = readBoard(doc).find((i) => i.id === n1)!;
    expect(frameAt(readBoard(doc), moved.x + 1, moved.y + 1)).toBe(f2);
    moveInOrder(doc, n1, -1);
    outline = boardOutline(readBoard(doc));
    expect(outline.frames[1].items.map((i) => i.id)).toEqual([n1, n2]);
    moveInOrder(doc, f2, -1);
    expect(boardOutline(readBoard(doc)).frames.map((f) => f.frame.text)).toEqual(['B', 'A']);
  });

  it('keeps two people typing in one note', () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const id = addItem(one, { type: 'note', text: 'tuki' });
    sync(one, two);
    setItemText(one, id, 'hyvä tuki');
    setItemText(two, id, 'tuki kotiin');
    sync(one, two);
    sync(two, one);
    expect(readBoard(one)[0].text).toBe('hyvä tuki kotiin');
    expect(readBoard(two)[0].text).toBe('hyvä tuki kotiin');
  });

  it('deleting a frame keeps its notes and drops connectors to deleted items', () => {
    const doc = new Y.Doc();
    const frame = addItem(doc, { type: 'frame', text: 'A', x: 0, y: 0 });
    const note = addItem(doc, { type: 'note', text: 'jää', frame });
    const other = addItem(doc, { type: 'note', text: 'menee' });
    addItem(doc, { type: 'connector', from: note, to: other });
    deleteItems(doc, [frame, other]);
    const items = readBoard(doc);
    expect(items.map((i) => i.text)).toEqual(['jää']);
    expect(items[0].frame).toBeNull();
  });

  it('ignores maps that are not items and clamps coordinates', () => {
    const doc = new Y.Doc();
    doc.getMap('items').set('junk', new Y.Map());
    const id = addItem(doc, { type: 'note', text: 'x', x: 1e12, y: -1e12 });
    updateItem(doc, id, { colour: 'not-a-colour' as never });
    const items = readBoard(doc);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ x: 100_000, y: -100_000, colour: 'yellow' });
  });

  it('applies a built-in template, saves a board as a template without its notes, strips authors', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, builtInTemplateItems('swot', 'fi'));
    const frames = boardOutline(readBoard(doc)).frames;
    expect(frames.map((f) => f.frame.text)).toEqual(['Vahvuudet', 'Heikkoudet', 'Mahdollisuudet', 'Uhat']);
    addItem(doc, { type: 'note', text: 'salainen', frame: frames[0].frame.id, author: 'Maija' });
    addItem(doc, { type: 'text', text: 'ohje', frame: frames[1].frame.id });
    const template = boardAsTemplate(readBoard(doc));
    expect(template.map((t) => t.text)).toEqual(['Vahvuudet', 'Heikkoudet', 'Mahdollisuudet', 'Uhat', 'ohje']);
    const copy = new Y.Doc();
    applyTemplate(copy, template);
    const copied = boardOutline(readBoard(copy));
    expect(copied.frames[1].items.map((i) => i.text)).toEqual(['ohje']);
    expect(boardText(readBoard(doc))).toContain('salainen');
    stripAuthors(doc);
    expect(readBoard(doc).some((i) => i.author)).toBe(false);
  });

  it('restores deleted items with their ids, text, frame and order, and tells what a delete takes', () => {
    const doc = new Y.Doc();
    const frame = addItem(doc, { type: 'frame', text: 'Kehys', x: 0, y: 0 });
    const a = addItem(doc, { type: 'note', text: 'eka', frame, colour: 'green', author: 'Maija' });
    const b = addItem(doc, { type: 'note', text: 'toka', frame });
    const line = addItem(doc, { type: 'connector', from: a, to: b });
    const before = readBoard(doc);
    const effects = deletionEffects(before, [frame, a]);
    expect(effects.removed.map((i) => i.id).sort()).toEqual([frame, a, line].sort());
    expect(effects.unframed.map((i) => i.id)).toEqual([b]);

    deleteItems(doc, [frame, a]);
    expect(readBoard(doc).map((i) => i.id)).toEqual([b]);
    restoreItems(doc, effects.removed);
    updateItem(doc, b, { frame });
    const after = readBoard(doc);
    for (const item of before) expect(after.find((i) => i.id === item.id)).toEqual(item);
  });

  it('drops a restored item’s frame when that frame is gone', () => {
    const doc = new Y.Doc();
    const frame = addItem(doc, { type: 'frame', text: 'Kehys', x: 0, y: 0 });
    const a = addItem(doc, { type: 'note', text: 'eka', frame });
    const note = readBoard(doc).find((i) => i.id === a)!;
    deleteItems(doc, [frame, a]);
    restoreItems(doc, [note]);
    expect(readBoard(doc)[0]).toMatchObject({ id: a, text: 'eka', frame: null });
  });
});
