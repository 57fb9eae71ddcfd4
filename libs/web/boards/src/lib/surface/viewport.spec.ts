import { bounds, clampZoom, fitRect, intersects, panBy, rectFromPoints, revealRect, toCanvas, toScreen, wheelZoomFactor, zoomAt } from './viewport';

describe('canvas viewport math', () => {
  const size = { width: 800, height: 600 };

  it('keeps zoom between 10 % and 400 %', () => {
    expect(clampZoom(0.01)).toBe(0.1);
    expect(clampZoom(9)).toBe(4);
    expect(clampZoom(Number.NaN)).toBe(1);
  });

  it('converts between screen and canvas points both ways', () => {
    const view = { x: 100, y: -50, zoom: 2 };
    expect(toCanvas(view, 200, 100)).toEqual({ x: 200, y: 0 });
    expect(toScreen(view, 200, 0)).toEqual({ x: 200, y: 100 });
  });

  it('zooms around the pointer: the canvas point under it stays put', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    const next = zoomAt(view, 2, 400, 300);
    expect(toCanvas(next, 400, 300)).toEqual(toCanvas(view, 400, 300));
    expect(next.zoom).toBe(2);
    expect(zoomAt(view, 100, 0, 0).zoom).toBe(4);
  });

  it('pans opposite to the drag, in canvas units at the current zoom', () => {
    expect(panBy({ x: 0, y: 0, zoom: 2 }, 100, -40)).toEqual({ x: -50, y: 20, zoom: 2 });
  });

  it('fits a rectangle centred on the screen, never above 100 % by default', () => {
    const view = fitRect({ x: 0, y: 0, w: 1600, h: 600 }, size, 0);
    expect(view.zoom).toBe(0.5);
    expect(toCanvas(view, 400, 300)).toEqual({ x: 800, y: 300 });
    expect(fitRect({ x: 0, y: 0, w: 10, h: 10 }, size).zoom).toBe(1);
  });

  it('reveals an item with the smallest pan, and not at all when it is visible', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    expect(revealRect(view, size, { x: 100, y: 100, w: 50, h: 50 })).toBe(view);
    const right = revealRect(view, size, { x: 900, y: 100, w: 100, h: 50 }, 0);
    expect(right).toEqual({ x: 200, y: 0, zoom: 1 });
    const above = revealRect(view, size, { x: 10, y: -300, w: 100, h: 50 }, 0);
    expect(above).toEqual({ x: 0, y: -300, zoom: 1 });
  });

  it('builds rubber bands from any two corners and finds bounds and overlaps', () => {
    expect(rectFromPoints({ x: 50, y: 10 }, { x: 0, y: 30 })).toEqual({ x: 0, y: 10, w: 50, h: 20 });
    expect(bounds([])).toBeNull();
    expect(bounds([{ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: -5, w: 5, h: 5 }])).toEqual({ x: 0, y: -5, w: 25, h: 15 });
    expect(intersects({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 5, h: 5 })).toBe(true);
    expect(intersects({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBe(false);
  });

  it('zooms in on wheel up and out on wheel down, bounded per event', () => {
    expect(wheelZoomFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(10_000, 0)).toBe(wheelZoomFactor(100, 0));
  });
});
