import * as Y from 'yjs';
import {
  BOARD_DOC_ROOTS,
  BOARD_ITEM_DEFAULTS,
  BOARD_ITEM_TYPES,
  BOARD_LIMITS,
  NOTE_COLOURS,
  type BoardItem,
  type BoardItemType,
  type NoteColour,
  type TemplateItem,
} from '@kehittamo/shared/domain';

/**
 * A board's Yjs document (`board.<uuid>`, layout in `@kehittamo/shared/domain` `boards.ts`)
 * read and changed as plain items. Every writer — the web canvas, its outline view, the server
 * revealing private notes or applying a template — goes through these functions, so all of
 * them agree on the keys and on the order of the outline.
 */

export type ItemMap = Y.Map<unknown>;

export const boardItems = (doc: Y.Doc): Y.Map<ItemMap> => doc.getMap<ItemMap>(BOARD_DOC_ROOTS.items);

const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const clampCoordinate = (value: number): number =>
  Math.max(-BOARD_LIMITS.canvasExtent, Math.min(BOARD_LIMITS.canvasExtent, Math.round(value)));

const isItemType = (value: unknown): value is BoardItemType => (BOARD_ITEM_TYPES as readonly unknown[]).includes(value);
export const isNoteColour = (value: unknown): value is NoteColour => (NOTE_COLOURS as readonly unknown[]).includes(value);

/** One item's plain data; null for a map that is not a valid item (it is then not shown). */
export function readItem(id: string, map: ItemMap): BoardItem | null {
  const type = map.get('type');
  if (!isItemType(type)) return null;
  const text = map.get('text');
  const item: BoardItem = {
    id,
    type,
    x: num(map.get('x')),
    y: num(map.get('y')),
    w: Math.max(1, num(map.get('w'), BOARD_ITEM_DEFAULTS[type].w)),
    h: Math.max(1, num(map.get('h'), BOARD_ITEM_DEFAULTS[type].h)),
    text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
    frame: typeof map.get('frame') === 'string' ? (map.get('frame') as string) : null,
    order: num(map.get('order')),
    z: num(map.get('z')),
    createdAt: num(map.get('createdAt')),
  };
  const colour = map.get('colour');
  if (type === 'note') item.colour = isNoteColour(colour) ? colour : 'yellow';
  const author = map.get('author');
  if (typeof author === 'string' && author.length > 0) item.author = author;
  if (type === 'connector') {
    item.from = String(map.get('from') ?? '');
    item.to = String(map.get('to') ?? '');
  }
  return item;
}

/** Every valid item, in no particular order. */
export function readBoard(doc: Y.Doc): BoardItem[] {
  const items: BoardItem[] = [];
  boardItems(doc).forEach((map, id) => {
    const item = map instanceof Y.Map ? readItem(id, map) : null;
    if (item) items.push(item);
  });
  return items;
}

const byOrder = (a: BoardItem, b: BoardItem): number => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

export interface OutlineFrame {
  frame: BoardItem;
  items: BoardItem[];
}

/** The board as the outline shows it: frames in order, each with its notes and text blocks; then those on the open canvas. */
export function boardOutline(items: readonly BoardItem[]): { frames: OutlineFrame[]; loose: BoardItem[] } {
  const frames = items.filter((i) => i.type === 'frame').sort(byOrder);
  const known = new Set(frames.map((f) => f.id));
  const content = items.filter((i) => i.type === 'note' || i.type === 'text');
  return {
    frames: frames.map((frame) => ({ frame, items: content.filter((i) => i.frame === frame.id).sort(byOrder) })),
    loose: content.filter((i) => i.frame === null || !known.has(i.frame)).sort(byOrder),
  };
}

/** The order number after the last sibling (frames among frames; items within `frame`). */
export function nextOrder(items: readonly BoardItem[], type: BoardItemType, frame: string | null): number {
  const siblings = type === 'frame' ? items.filter((i) => i.type === 'frame') : items.filter((i) => i.type !== 'frame' && i.frame === frame);
  return siblings.reduce((max, i) => Math.max(max, i.order), 0) + 1;
}

const topZ = (items: readonly BoardItem[]): number => items.reduce((max, i) => Math.max(max, i.z), 0);

/** The smallest frame containing the point (null: none). */
export function frameAt(items: readonly BoardItem[], x: number, y: number, except?: string): string | null {
  const containing = items.filter(
    (i) => i.type === 'frame' && i.id !== except && x >= i.x && x <= i.x + i.w && y >= i.y && y <= i.y + i.h,
  );
  containing.sort((a, b) => a.w * a.h - b.w * b.h);
  return containing[0]?.id ?? null;
}

/** Where a new note goes in a frame: the first grid slot (in reading order) no item occupies. */
export function freeSlot(items: readonly BoardItem[], frame: BoardItem | null, type: BoardItemType = 'note'): { x: number; y: number } {
  const { w, h } = BOARD_ITEM_DEFAULTS[type];
  const gap = 20;
  const area = frame ?? { x: 0, y: 0, w: 5 * (w + gap), h: 100_000 };
  const inside = items.filter((i) => i.type !== 'frame' && i.type !== 'connector' && (frame ? i.frame === frame.id : i.frame === null));
  const columns = Math.max(1, Math.floor((area.w - gap) / (w + gap)));
  const top = frame ? 56 : 0; // below the frame's name
  for (let slot = 0; slot < 10_000; slot++) {
    const x = area.x + gap + (slot % columns) * (w + gap);
    const y = area.y + top + Math.floor(slot / columns) * (h + gap);
    const taken = inside.some((i) => i.x < x + w && i.x + i.w > x && i.y < y + h && i.y + i.h > y);
    if (!taken) return { x, y };
  }
  return { x: area.x + gap, y: area.y + top };
}

export interface NewItem {
  type: BoardItemType;
  text?: string;
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  colour?: NoteColour;
  frame?: string | null;
  author?: string | null;
  from?: string;
  to?: string;
}

const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Adds an item; without a position, a note or text block goes to the next free slot of its
 * frame (or the open canvas). Returns its id.
 */
export function addItem(doc: Y.Doc, input: NewItem, id: string = newId()): string {
  const items = readBoard(doc);
  const frameId = input.type === 'frame' || input.type === 'connector' ? null : (input.frame ?? null);
  const frame = frameId ? (items.find((i) => i.id === frameId && i.type === 'frame') ?? null) : null;
  const size = BOARD_ITEM_DEFAULTS[input.type];
  const place = input.x === undefined || input.y === undefined ? freeSlot(items, frame, input.type) : { x: input.x, y: input.y };
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('type', input.type);
    map.set('x', clampCoordinate(place.x));
    map.set('y', clampCoordinate(place.y));
    map.set('w', Math.max(1, Math.round(input.w ?? size.w)));
    map.set('h', Math.max(1, Math.round(input.h ?? size.h)));
    const text = new Y.Text();
    text.insert(0, (input.text ?? '').slice(0, input.type === 'frame' ? BOARD_LIMITS.frameTitle : BOARD_LIMITS.noteText));
    map.set('text', text);
    if (input.type === 'note') map.set('colour', isNoteColour(input.colour) ? input.colour : 'yellow');
    if (frame) map.set('frame', frame.id);
    map.set('order', nextOrder(items, input.type, frame?.id ?? null));
    // Frames sit under everything else.
    map.set('z', input.type === 'frame' ? -1 : topZ(items) + 1);
    if (input.author) map.set('author', input.author);
    if (input.type === 'connector') {
      map.set('from', input.from ?? '');
      map.set('to', input.to ?? '');
    }
    map.set('createdAt', Date.now());
    boardItems(doc).set(id, map);
  });
  return id;
}

export type ItemPatch = Partial<Pick<BoardItem, 'x' | 'y' | 'w' | 'h' | 'colour' | 'order' | 'z'>> & { frame?: string | null };

/** Changes an item's geometry, colour, order or frame (unknown ids are ignored). */
export function updateItem(doc: Y.Doc, id: string, patch: ItemPatch): void {
  const map = boardItems(doc).get(id);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => {
    for (const key of ['x', 'y'] as const) if (patch[key] !== undefined) map.set(key, clampCoordinate(patch[key]));
    for (const key of ['w', 'h'] as const) if (patch[key] !== undefined) map.set(key, Math.max(1, Math.round(patch[key])));
    if (patch.order !== undefined) map.set('order', patch.order);
    if (patch.z !== undefined) map.set('z', patch.z);
    if (patch.colour !== undefined && isNoteColour(patch.colour)) map.set('colour', patch.colour);
    if (patch.frame !== undefined) {
      if (patch.frame === null) map.delete('frame');
      else map.set('frame', patch.frame);
    }
  });
}

/** Replaces an item's text with the smallest change (what is typed elsewhere meanwhile survives). */
export function setItemText(doc: Y.Doc, id: string, value: string): void {
  const map = boardItems(doc).get(id);
  if (!(map instanceof Y.Map)) return;
  const limit = map.get('type') === 'frame' ? BOARD_LIMITS.frameTitle : BOARD_LIMITS.noteText;
  const next = value.slice(0, limit);
  doc.transact(() => {
    let text = map.get('text');
    if (!(text instanceof Y.Text)) {
      text = new Y.Text();
      map.set('text', text);
    }
    const yText = text as Y.Text;
    const current = yText.toString();
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) start++;
    let end = 0;
    while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
    if (current.length - start - end > 0) yText.delete(start, current.length - start - end);
    if (next.length - start - end > 0) yText.insert(start, next.slice(start, next.length - end));
  });
}

/** The Y.Text of an item (for binding to an input), or null. */
export function itemText(doc: Y.Doc, id: string): Y.Text | null {
  const text = boardItems(doc).get(id)?.get('text');
  return text instanceof Y.Text ? text : null;
}

/**
 * Deletes items. A deleted frame's notes stay on the canvas where they were (nobody's work
 * disappears with a frame); connectors to deleted items go with them.
 */
export function deleteItems(doc: Y.Doc, ids: readonly string[]): void {
  const gone = new Set(ids);
  const map = boardItems(doc);
  doc.transact(() => {
    for (const item of readBoard(doc)) {
      if (gone.has(item.id)) map.delete(item.id);
      else if (item.type === 'connector' && (gone.has(item.from ?? '') || gone.has(item.to ?? ''))) map.delete(item.id);
      else if (item.frame && gone.has(item.frame)) map.get(item.id)?.delete('frame');
    }
  });
}

/** Moves a note or text block into a frame (or out, with null): to the frame's next free slot and the end of its order. */
export function moveToFrame(doc: Y.Doc, id: string, frameId: string | null): void {
  const items = readBoard(doc);
  const item = items.find((i) => i.id === id);
  if (!item || item.type === 'frame' || item.type === 'connector' || item.frame === frameId) return;
  const frame = frameId ? (items.find((i) => i.id === frameId && i.type === 'frame') ?? null) : null;
  if (frameId && !frame) return;
  const others = items.filter((i) => i.id !== id);
  const place = freeSlot(others, frame, item.type);
  updateItem(doc, id, { ...place, frame: frame?.id ?? null, order: nextOrder(others, item.type, frame?.id ?? null) });
}

/** Moves an item one place up or down among its siblings in the outline. */
export function moveInOrder(doc: Y.Doc, id: string, direction: -1 | 1): void {
  const items = readBoard(doc);
  const item = items.find((i) => i.id === id);
  if (!item) return;
  const outline = boardOutline(items);
  const siblings =
    item.type === 'frame'
      ? outline.frames.map((f) => f.frame)
      : (outline.frames.find((f) => f.frame.id === item.frame)?.items ?? outline.loose);
  const index = siblings.findIndex((i) => i.id === id);
  const other = siblings[index + direction];
  if (!other) return;
  // Swap order numbers; equal numbers (never renumbered) would not move, so step past them.
  const mine = item.order === other.order ? other.order + direction : other.order;
  doc.transact(() => {
    updateItem(doc, other.id, { order: item.order });
    updateItem(doc, id, { order: mine });
  });
}

/** Items a frame drags along when it moves: those whose frame it is. */
export const frameContents = (items: readonly BoardItem[], frameId: string): BoardItem[] => items.filter((i) => i.frame === frameId);

/** Puts a template's items on a board (a new one, normally). */
export function applyTemplate(doc: Y.Doc, template: readonly TemplateItem[]): void {
  doc.transact(() => {
    const frameIds: string[] = [];
    template.forEach((entry, index) => {
      const frame = entry.frameIndex !== undefined ? frameIds[entry.frameIndex] : undefined;
      const id = addItem(doc, { type: entry.type, text: entry.text, x: entry.x, y: entry.y, w: entry.w, h: entry.h, colour: entry.colour, frame: frame ?? null });
      frameIds[index] = id;
    });
  });
}

/** A board's frames and text blocks as a template (notes are people's words: not kept). */
export function boardAsTemplate(items: readonly BoardItem[]): TemplateItem[] {
  const frames = items.filter((i) => i.type === 'frame').sort(byOrder);
  const texts = items.filter((i) => i.type === 'text').sort(byOrder);
  const index = new Map(frames.map((f, i) => [f.id, i]));
  return [
    ...frames.map((f): TemplateItem => ({ type: 'frame', x: f.x, y: f.y, w: f.w, h: f.h, text: f.text })),
    ...texts.map((t): TemplateItem => {
      const frameIndex = t.frame ? index.get(t.frame) : undefined;
      return { type: 'text', x: t.x, y: t.y, w: t.w, h: t.h, text: t.text, ...(frameIndex !== undefined ? { frameIndex } : {}) };
    }),
  ];
}

/** The board's words for search: frame names and the text of notes and text blocks. */
export function boardText(items: readonly BoardItem[]): string {
  const outline = boardOutline(items);
  const parts: string[] = [];
  for (const { frame, items: inside } of outline.frames) parts.push(frame.text, ...inside.map((i) => i.text));
  parts.push(...outline.loose.map((i) => i.text));
  return parts.filter((p) => p.trim().length > 0).join('\n');
}

/** A board's projection for storage (search text and JSON), as the collaboration server derives it. */
export function boardProjection(doc: Y.Doc): { text: string; json: { items: unknown } } {
  return { text: boardText(readBoard(doc)), json: { items: boardItems(doc).toJSON() } };
}

/** Removes the author name from every item (a board turned anonymous). */
export function stripAuthors(doc: Y.Doc): void {
  doc.transact(() => {
    boardItems(doc).forEach((map) => {
      if (map instanceof Y.Map && map.has('author')) map.delete('author');
    });
  });
}

/**
 * Writes items back under their own ids exactly as they were read (position, text, colour,
 * frame, order, author): the undo of a delete. An item that exists is replaced; a frame
 * reference to a frame that is neither on the board nor among `items` is dropped.
 */
export function restoreItems(doc: Y.Doc, items: readonly BoardItem[]): void {
  const map = boardItems(doc);
  const frames = new Set([...readBoard(doc), ...items].filter((i) => i.type === 'frame').map((i) => i.id));
  doc.transact(() => {
    for (const item of items) {
      if (!isItemType(item.type)) continue;
      const entry = new Y.Map<unknown>();
      entry.set('type', item.type);
      entry.set('x', clampCoordinate(item.x));
      entry.set('y', clampCoordinate(item.y));
      entry.set('w', Math.max(1, Math.round(item.w)));
      entry.set('h', Math.max(1, Math.round(item.h)));
      const text = new Y.Text();
      text.insert(0, item.text.slice(0, item.type === 'frame' ? BOARD_LIMITS.frameTitle : BOARD_LIMITS.noteText));
      entry.set('text', text);
      if (item.type === 'note') entry.set('colour', isNoteColour(item.colour) ? item.colour : 'yellow');
      if (item.frame && item.type !== 'frame' && item.type !== 'connector' && frames.has(item.frame)) entry.set('frame', item.frame);
      entry.set('order', num(item.order));
      entry.set('z', num(item.z));
      if (item.author) entry.set('author', item.author);
      if (item.type === 'connector') {
        entry.set('from', item.from ?? '');
        entry.set('to', item.to ?? '');
      }
      entry.set('createdAt', num(item.createdAt, Date.now()));
      map.set(item.id, entry);
    }
  });
}

/** The items `deleteItems(ids)` would remove (the ids and connectors to them) and those it would take out of a deleted frame. */
export function deletionEffects(items: readonly BoardItem[], ids: readonly string[]): { removed: BoardItem[]; unframed: BoardItem[] } {
  const gone = new Set(ids);
  const removed = items.filter(
    (i) => gone.has(i.id) || (i.type === 'connector' && (gone.has(i.from ?? '') || gone.has(i.to ?? ''))),
  );
  const removedIds = new Set(removed.map((i) => i.id));
  const unframed = items.filter((i) => !removedIds.has(i.id) && i.frame !== null && gone.has(i.frame));
  return { removed, unframed };
}
