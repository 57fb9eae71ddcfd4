import type { BoardItem } from '@kehittamo/shared/domain';
import { arrowDelta, connectorLine, isLocked, itemsInRect, neighbour, planMove, readingOrder, resized, toggled } from './board-geometry';

let created = 0;
function item(partial: Partial<BoardItem> & Pick<BoardItem, 'id' | 'type'>): BoardItem {
  return { x: 0, y: 0, w: 200, h: 140, text: '', frame: null, order: 1, z: 1, createdAt: ++created, ...partial };
}

describe('canvas geometry and keyboard logic', () => {
  const frameA = item({ id: 'A', type: 'frame', x: 0, y: 0, w: 880, h: 640, order: 1, z: -1 });
  const frameB = item({ id: 'B', type: 'frame', x: 1000, y: 0, w: 880, h: 640, order: 2, z: -1 });
  const inA = item({ id: 'n1', type: 'note', x: 20, y: 60, frame: 'A', order: 1 });
  const loose = item({ id: 'n2', type: 'note', x: 0, y: 800, order: 1 });
  const items = [frameA, frameB, inA, loose];

  it('moves 10 units per arrow key and 50 with shift; other keys are not moves', () => {
    expect(arrowDelta('ArrowLeft', false)).toEqual({ dx: -10, dy: 0 });
    expect(arrowDelta('ArrowDown', true)).toEqual({ dx: 0, dy: 50 });
    expect(arrowDelta('Enter', false)).toBeNull();
  });

  it('moves a frame with its contents, keeping their frame', () => {
    const plan = planMove(items, new Set(['A']), 100, 0);
    expect(plan.patches).toEqual([
      { id: 'A', patch: { x: 100, y: 0 } },
      { id: 'n1', patch: { x: 120, y: 60 } },
    ]);
  });

  it('gives a note dropped in another frame that frame, at the end of its order', () => {
    const plan = planMove(items, new Set(['n1']), 1000, 0);
    expect(plan.patches).toEqual([{ id: 'n1', patch: { x: 1020, y: 60, frame: 'B', order: 1 } }]);
    const out = planMove(items, new Set(['n1']), 0, 900);
    expect(out.patches[0].patch.frame).toBeNull();
  });

  it('refuses to move locked items or drop into a locked frame', () => {
    expect(planMove(items, new Set(['n1']), 5, 5, new Set(['A'])).refused).toEqual(['n1']);
    const plan = planMove(items, new Set(['n2']), 1100, -700, new Set(['B']));
    expect(plan.refused).toEqual(['n2']);
    expect(plan.patches).toEqual([]);
    expect(isLocked(frameA, new Set(['A']))).toBe(true);
    expect(isLocked(loose, new Set(['A']))).toBe(false);
  });

  it('resizes but never below the smallest size', () => {
    expect(resized(inA, 20, -10)).toEqual({ w: 220, h: 130 });
    expect(resized(inA, -500, -500)).toEqual({ w: 60, h: 60 });
    expect(resized(frameA, -5000, 0).w).toBe(160);
  });

  it('toggles selection and picks items wholly inside a rubber band', () => {
    expect([...toggled(new Set(['a']), 'b')]).toEqual(['a', 'b']);
    expect([...toggled(new Set(['a', 'b']), 'a')]).toEqual(['b']);
    expect(itemsInRect(items, { x: -10, y: 700, w: 400, h: 400 })).toEqual(['n2']);
    expect(itemsInRect(items, { x: -10, y: -10, w: 900, h: 700 }).sort()).toEqual(['A', 'n1']);
  });

  it('orders the canvas for the keyboard like the outline: each frame then its notes, then loose ones', () => {
    const order = readingOrder([loose, inA, frameB, frameA]).map((i) => i.id);
    expect(order).toEqual(['A', 'n1', 'B', 'n2']);
    expect(neighbour(readingOrder(items), 'n1', 1)).toBe('B');
    expect(neighbour(readingOrder(items), 'A', -1)).toBeNull();
  });

  it('draws a connector between the edges of its two items', () => {
    const a = item({ id: 'a', type: 'note', x: 0, y: 0, w: 100, h: 100 });
    const b = item({ id: 'b', type: 'note', x: 300, y: 0, w: 100, h: 100 });
    expect(connectorLine(a, b)).toEqual({ x1: 100, y1: 50, x2: 300, y2: 50 });
    expect(connectorLine(a, undefined)).toBeNull();
  });
});
