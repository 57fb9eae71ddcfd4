import type { Viewport } from '@kehittamo/shared/domain';

/** Pure viewport math of the board canvas. A viewport is the canvas point at the view's top-left and a zoom (1 = 100 %). */

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** Zoom steps of the +/− buttons and keys. */
export const ZOOM_STEP = 1.25;

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const clampZoom = (zoom: number): number => (Number.isFinite(zoom) ? Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) : 1);

/** A point on the screen (relative to the canvas element's top-left) in canvas units. */
export function toCanvas(view: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: view.x + sx / view.zoom, y: view.y + sy / view.zoom };
}

/** A canvas point on the screen (relative to the canvas element). */
export function toScreen(view: Viewport, x: number, y: number): { x: number; y: number } {
  return { x: (x - view.x) * view.zoom, y: (y - view.y) * view.zoom };
}

/** Zooms to `zoom` (clamped) keeping the canvas point under the screen point (sx, sy) where it is. */
export function zoomAt(view: Viewport, zoom: number, sx: number, sy: number): Viewport {
  const next = clampZoom(zoom);
  const anchor = toCanvas(view, sx, sy);
  return { x: anchor.x - sx / next, y: anchor.y - sy / next, zoom: next };
}

/** Moves the view by a screen distance (dragging the background right shows what is to the left). */
export function panBy(view: Viewport, dxScreen: number, dyScreen: number): Viewport {
  return { ...view, x: view.x - dxScreen / view.zoom, y: view.y - dyScreen / view.zoom };
}

/** The canvas area the view shows. */
export function visibleRect(view: Viewport, size: Size): Rect {
  return { x: view.x, y: view.y, w: size.width / view.zoom, h: size.height / view.zoom };
}

export const intersects = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

/** Grows a rectangle by `margin` times its own size on every side. */
export function expand(rect: Rect, margin: number): Rect {
  return { x: rect.x - rect.w * margin, y: rect.y - rect.h * margin, w: rect.w * (1 + 2 * margin), h: rect.h * (1 + 2 * margin) };
}

/** The smallest rectangle around all of them (null for none). */
export function bounds(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.w);
    bottom = Math.max(bottom, r.y + r.h);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** A view showing all of `rect` with `padding` screen pixels around it, centred; never above 100 % unless `maxZoom` says so. */
export function fitRect(rect: Rect, size: Size, padding = 40, maxZoom = 1): Viewport {
  const width = Math.max(1, size.width - 2 * padding);
  const height = Math.max(1, size.height - 2 * padding);
  const zoom = clampZoom(Math.min(maxZoom, width / Math.max(1, rect.w), height / Math.max(1, rect.h)));
  return centreOn(rect, size, zoom);
}

/** A view at `zoom` with the rectangle's centre in the middle of the screen. */
export function centreOn(rect: Rect, size: Size, zoom: number): Viewport {
  const z = clampZoom(zoom);
  return { x: rect.x + rect.w / 2 - size.width / (2 * z), y: rect.y + rect.h / 2 - size.height / (2 * z), zoom: z };
}

/** The smallest pan that brings `rect` into view (with a margin in screen pixels); the same view when it is already visible. */
export function revealRect(view: Viewport, size: Size, rect: Rect, margin = 24): Viewport {
  const m = margin / view.zoom;
  const visible = visibleRect(view, size);
  let { x, y } = view;
  if (rect.w + 2 * m > visible.w) x = rect.x - m;
  else if (rect.x - m < visible.x) x = rect.x - m;
  else if (rect.x + rect.w + m > visible.x + visible.w) x = rect.x + rect.w + m - visible.w;
  if (rect.h + 2 * m > visible.h) y = rect.y - m;
  else if (rect.y - m < visible.y) y = rect.y - m;
  else if (rect.y + rect.h + m > visible.y + visible.h) y = rect.y + rect.h + m - visible.h;
  return x === view.x && y === view.y ? view : { ...view, x, y };
}

/** A rectangle from two corners in any order (rubber-band selection). */
export function rectFromPoints(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** The zoom factor of one wheel event (ctrl/⌘ + wheel, or a trackpad pinch, which browsers report the same way). */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-100, Math.min(100, pixels)) / 200);
}

export const sameViewport = (a: Viewport, b: Viewport): boolean =>
  Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01 && Math.abs(a.zoom - b.zoom) < 0.0001;
