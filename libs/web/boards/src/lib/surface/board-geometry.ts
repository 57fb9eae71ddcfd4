import { boardOutline, frameAt, frameContents, nextOrder, type ItemPatch } from '@kehittamo/shared/board-content';
import type { BoardItem } from '@kehittamo/shared/domain';
import type { Rect } from './viewport';

/** Pure logic of moving, selecting and navigating items on the canvas (no DOM, no Yjs). */

/** Arrow keys move by this many canvas units; with shift by {@link BIG_STEP}. */
export const STEP = 10;
export const BIG_STEP = 50;
/** Smallest size a resize can make. */
export const MIN_SIZE = { note: 60, text: 60, frame: 160 } as const;

/** The distance an arrow key means, or null for any other key. */
export function arrowDelta(key: string, big: boolean): { dx: number; dy: number } | null {
  const step = big ? BIG_STEP : STEP;
  switch (key) {
    case 'ArrowLeft':
      return { dx: -step, dy: 0 };
    case 'ArrowRight':
      return { dx: step, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: -step };
    case 'ArrowDown':
      return { dx: 0, dy: step };
    default:
      return null;
  }
}

/** Whether a facilitator's lock keeps the item as it is: a locked frame and everything in it. */
export function isLocked(item: BoardItem, lockedFrames: ReadonlySet<string>): boolean {
  if (lockedFrames.size === 0) return false;
  return item.type === 'frame' ? lockedFrames.has(item.id) : item.frame !== null && lockedFrames.has(item.frame);
}

/** The items a move of `ids` drags along: those ids (not connectors) and the contents of any frame among them. */
export function movingItems(items: readonly BoardItem[], ids: ReadonlySet<string>): BoardItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const moving = new Map<string, BoardItem>();
  for (const id of ids) {
    const item = byId.get(id);
    if (!item || item.type === 'connector') continue;
    moving.set(id, item);
    if (item.type === 'frame') for (const inside of frameContents(items, id)) moving.set(inside.id, inside);
  }
  return [...moving.values()];
}

export interface MovePlan {
  /** One patch per moved item (position, and a new frame and order when dropped into or out of one). */
  patches: { id: string; patch: ItemPatch }[];
  /** Items left where they were: locked, or dropped into a locked frame. */
  refused: string[];
}

/**
 * Moves the items `ids` (and the contents of frames among them) by (dx, dy). A note or text
 * block that moves on its own gets the frame its centre lands in (frameAt), at the end of
 * that frame's order; one that would land in a locked frame stays where it was.
 */
export function planMove(
  items: readonly BoardItem[],
  ids: ReadonlySet<string>,
  dx: number,
  dy: number,
  lockedFrames: ReadonlySet<string> = new Set(),
): MovePlan {
  const moving = movingItems(items, ids);
  const movingFrames = new Set(moving.filter((i) => i.type === 'frame').map((i) => i.id));
  const patches: MovePlan['patches'] = [];
  const refused: string[] = [];
  // Frames at their new places, for finding where the loose items land.
  const after = items.map((i) => (movingFrames.has(i.id) ? { ...i, x: i.x + dx, y: i.y + dy } : i));
  const counted = [...items];
  for (const item of moving) {
    if (isLocked(item, lockedFrames)) {
      refused.push(item.id);
      continue;
    }
    const x = item.x + dx;
    const y = item.y + dy;
    if (item.type === 'frame' || (item.frame !== null && movingFrames.has(item.frame))) {
      patches.push({ id: item.id, patch: { x, y } });
      continue;
    }
    const frame = frameAt(after, x + item.w / 2, y + item.h / 2);
    if (frame !== null && lockedFrames.has(frame)) {
      refused.push(item.id);
      continue;
    }
    if (frame === item.frame) {
      patches.push({ id: item.id, patch: { x, y } });
    } else {
      const order = nextOrder(counted, item.type, frame);
      counted.push({ ...item, frame, order });
      patches.push({ id: item.id, patch: { x, y, frame, order } });
    }
  }
  return { patches, refused };
}

/** A resize by (dw, dh), never below the type's smallest size. */
export function resized(item: BoardItem, dw: number, dh: number): { w: number; h: number } {
  const min = item.type === 'frame' ? MIN_SIZE.frame : item.type === 'text' ? MIN_SIZE.text : MIN_SIZE.note;
  return { w: Math.max(min, Math.round(item.w + dw)), h: Math.max(min, Math.round(item.h + dh)) };
}

/** Selection with `id` added or removed. */
export function toggled(selection: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Items wholly inside a rubber band (connectors are not picked). */
export function itemsInRect(items: readonly BoardItem[], rect: Rect): string[] {
  return items
    .filter((i) => i.type !== 'connector' && i.x >= rect.x && i.y >= rect.y && i.x + i.w <= rect.x + rect.w && i.y + i.h <= rect.y + rect.h)
    .map((i) => i.id);
}

/**
 * The keyboard (and reading) order of the canvas: each frame followed by its notes and text
 * blocks in outline order, then the items on the open canvas. Connectors are not in it.
 */
export function readingOrder(items: readonly BoardItem[]): BoardItem[] {
  const outline = boardOutline(items);
  return [...outline.frames.flatMap(({ frame, items: inside }) => [frame, ...inside]), ...outline.loose];
}

/** The id after (or before) `id` in `order`; null at either end. */
export function neighbour(order: readonly { id: string }[], id: string, direction: 1 | -1): string | null {
  const index = order.findIndex((i) => i.id === id);
  if (index === -1) return order[direction === 1 ? 0 : order.length - 1]?.id ?? null;
  return order[index + direction]?.id ?? null;
}

/** Centre-to-centre line of a connector, cut at the edges of both items' boxes; null when an end is missing. */
export function connectorLine(from: BoardItem | undefined, to: BoardItem | undefined): { x1: number; y1: number; x2: number; y2: number } | null {
  if (!from || !to) return null;
  const a = { x: from.x + from.w / 2, y: from.y + from.h / 2 };
  const b = { x: to.x + to.w / 2, y: to.y + to.h / 2 };
  const start = edgePoint(from, b);
  const end = edgePoint(to, a);
  return { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
}

/** Where the line from the box's centre towards `target` leaves the box. */
function edgePoint(box: BoardItem, target: { x: number; y: number }): { x: number; y: number } {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const dx = target.x - cx;
  const dy = target.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(dx === 0 ? Infinity : box.w / 2 / Math.abs(dx), dy === 0 ? Infinity : box.h / 2 / Math.abs(dy));
  return { x: cx + dx * Math.min(1, scale), y: cy + dy * Math.min(1, scale) };
}
