import {
  afterEveryRender,
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { frameAt } from '@kehittamo/shared/board-content';
import { BOARD_ITEM_DEFAULTS, NOTE_COLOURS, type BoardItem, type BoardItemType, type NoteColour, type Viewport } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import {
  arrowDelta,
  connectorLine,
  isLocked,
  itemsInRect,
  planMove,
  readingOrder,
  resized,
  toggled,
} from './board-geometry';
import { BoardCursorsComponent } from './board-cursors.component';
import { BoardItemGroupComponent, sameView, type ItemView } from './board-item-group.component';
import { BoardSurfaceController, colourKey } from './board-surface.controller';
import {
  bounds,
  clampZoom,
  fitRect,
  panBy,
  rectFromPoints,
  revealRect,
  sameViewport,
  toCanvas,
  wheelZoomFactor,
  zoomAt,
  ZOOM_STEP,
  type Rect,
  type Size,
} from './viewport';

/** Items per BoardItemGroupComponent: a change re-checks one run of this many. */
const ITEM_GROUP_SIZE = 40;
/** Pointer movement (screen px) before a press becomes a drag. */
const DRAG_THRESHOLD = 3;
/** Own pointer position is shared at most this often. */
const CURSOR_THROTTLE_MS = 50;
const VIEWPORT_THROTTLE_MS = 150;
/** Arrow keys on the canvas itself pan by this many screen pixels (shift: four times). */
const CANVAS_KEY_PAN = 60;

type Gesture =
  | { kind: 'pan'; pointerId: number; startX: number; startY: number; view: Viewport; moved: boolean }
  | { kind: 'band'; pointerId: number; start: { x: number; y: number }; base: ReadonlySet<string> }
  | {
      kind: 'drag';
      pointerId: number;
      startX: number;
      startY: number;
      ids: ReadonlySet<string>;
      elements: HTMLElement[];
      moved: boolean;
      dx: number;
      dy: number;
      clickedId: string;
      additive: boolean;
    }
  | { kind: 'resize'; pointerId: number; startX: number; startY: number; item: BoardItem; element: HTMLElement; size: { w: number; h: number } }
  | { kind: 'pinch'; pointers: Map<number, { x: number; y: number }>; distance: number; view: Viewport };

interface ConnectorView {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The board as a large canvas: pan and zoom, notes, text blocks, frames and connectors, made
 * and changed by pointer or keyboard, others' pointers live. See the README for the keys.
 */
@Component({
  selector: 'kh-board-canvas',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BoardItemGroupComponent, BoardCursorsComponent, TranslatePipe],
  templateUrl: './board-canvas.component.html',
  styleUrl: './board-canvas.component.scss',
})
export class BoardCanvasComponent {
  protected readonly ctl = inject(BoardSurfaceController);
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);
  private readonly viewportRef = viewChild.required<ElementRef<HTMLElement>>('viewport');
  private readonly toolbarRef = viewChild<ElementRef<HTMLElement>>('toolbar');

  protected readonly colours = NOTE_COLOURS;
  protected readonly colourKey = colourKey;
  private readonly instance = nextId++;
  protected readonly instructionsId = `kh-board-canvas-keys-${this.instance}`;
  protected readonly arrowId = `kh-board-arrow-${this.instance}`;

  protected readonly view = signal<Viewport>({ x: -40, y: -40, zoom: 1 });
  /**
   * True while the view pans or zooms: only then is the items layer its own compositor layer
   * (smooth panning). The rest of the time it is not, because keeping a layer of hundreds of notes
   * up to date as others change them costs more (bench:boards).
   */
  protected readonly moving = signal(false);
  private movingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly size = signal<Size>({ width: 800, height: 600 });
  protected readonly band = signal<Rect | null>(null);
  protected readonly editingId = signal<string | null>(null);

  protected readonly layerTransform = computed(() => {
    const { x, y, zoom } = this.view();
    return `translate(${-x * zoom}px, ${-y * zoom}px) scale(${zoom})`;
  });
  protected readonly zoomPercent = computed(() => Math.round(this.view().zoom * 100));
  protected readonly zoom = computed(() => this.view().zoom);

  /** Items in reading order (frames each followed by their contents, then the open canvas): also the DOM and Tab order. */
  protected readonly ordered = computed(() => readingOrder(this.ctl.items()));
  protected readonly editingText = computed(() => {
    const id = this.editingId();
    return id ? (this.ctl.store()?.text(id) ?? null) : null;
  });

  protected readonly connectors = computed<ConnectorView[]>(() => {
    const byId = this.ctl.itemsById();
    const lines: ConnectorView[] = [];
    for (const item of this.ctl.items()) {
      if (item.type !== 'connector') continue;
      const line = connectorLine(byId.get(item.from ?? ''), byId.get(item.to ?? ''));
      if (line) lines.push({ id: item.id, ...line });
    }
    return lines;
  });

  /**
   * The part of an item's accessible name that depends only on the item and the language
   * (type, text, author, colour), kept per item object: a change elsewhere on a busy board does
   * not rebuild the names of hundreds of unchanged items.
   */
  private readonly ownLabels = new WeakMap<BoardItem, { language: string; label: string; summary: string }>();
  private own(item: BoardItem): { label: string; summary: string } {
    const language = this.i18n.language();
    const cached = this.ownLabels.get(item);
    if (cached?.language === language) return cached;
    const summary = this.ctl.itemSummary(item);
    const parts = [this.ctl.t('board.canvas.itemLabel', { type: this.ctl.typeName(item), text: summary })];
    if (item.author) parts.push(this.ctl.t('board.byAuthor', { name: item.author }));
    if (item.type === 'note') parts.push(this.ctl.t('board.outline.colourName', { colour: this.ctl.colourName(item.colour) }));
    const entry = { language, label: parts.join(', '), summary };
    this.ownLabels.set(item, entry);
    return entry;
  }

  /** Accessible name of each item; recomputed only when items, selection, locks or language change (not on pan). */
  protected readonly labels = computed(() => {
    const labels = new Map<string, string>();
    const selection = this.ctl.selection();
    const frames = this.ctl.frameNames();
    const locked = this.ctl.lockedFrames();
    const links = new Map<string, string[]>();
    const byId = this.ctl.itemsById();
    for (const item of this.ctl.items()) {
      if (item.type !== 'connector') continue;
      const from = byId.get(item.from ?? '');
      const to = byId.get(item.to ?? '');
      if (!from || !to) continue;
      links.set(from.id, [...(links.get(from.id) ?? []), this.own(to).summary]);
      links.set(to.id, [...(links.get(to.id) ?? []), this.own(from).summary]);
    }
    const inFrame = new Map<string, string>();
    const lockedText = this.ctl.t('board.locked');
    const selectedText = this.ctl.t('board.canvas.selected');
    for (const item of this.ctl.items()) {
      if (item.type === 'connector') continue;
      let label = this.own(item).label;
      const frame = item.frame ? frames.get(item.frame) : undefined;
      if (frame !== undefined) {
        if (!inFrame.has(frame)) inFrame.set(frame, this.ctl.t('board.canvas.inFrame', { frame }));
        label += `, ${inFrame.get(frame)}`;
      }
      const linked = links.get(item.id);
      if (linked) label += `, ${this.ctl.t('board.outline.connectedTo', { names: linked.join(', ') })}`;
      if (isLocked(item, locked)) label += `, ${lockedText}`;
      if (selection.has(item.id)) label += `, ${selectedText}`;
      labels.set(item.id, label);
    }
    return labels;
  });
  /** Translated type names (the computed follows the language through the dictionary signal). */
  protected readonly typeNames = computed(() => {
    const names = {} as Record<BoardItemType, string>;
    for (const type of ['note', 'text', 'frame', 'connector'] as const) names[type] = this.ctl.t(`board.types.${type}`);
    return names;
  });
  private previousViews = new Map<string, ItemView>();
  private previousGroups = new Map<string, readonly ItemView[]>();
  /**
   * The items in reading order as runs of ITEM_GROUP_SIZE, each run the same array as before
   * while none of its items changed (see BoardItemGroupComponent).
   */
  protected readonly itemGroups = computed(() => {
    const labels = this.labels();
    const summaries = this.summaries();
    const selection = this.ctl.selection();
    const votes = this.ctl.votes();
    const views = new Map<string, ItemView>();
    const ordered = this.ordered().map((item) => {
      const view: ItemView = {
        item,
        selected: selection.has(item.id),
        resizable: this.ctl.canChange(item),
        locked: this.locked(item),
        votes: votes.get(item.id) ?? null,
        label: labels.get(item.id) ?? '',
        summary: summaries.get(item.id) ?? '',
      };
      const previous = this.previousViews.get(item.id);
      const kept = previous && sameView(previous, view) ? previous : view;
      views.set(item.id, kept);
      return kept;
    });
    this.previousViews = views;
    // Runs never cross a frame: a note added to a frame (or to the open canvas) goes at the end
    // of its own run, so the runs after it are not shifted and keep their arrays.
    const groups: { key: string; views: readonly ItemView[] }[] = [];
    let section: ItemView[] = [];
    let sectionKey = '';
    const flush = () => {
      for (let start = 0; start < section.length; start += ITEM_GROUP_SIZE) {
        const key = `${sectionKey}:${start}`;
        const run = section.slice(start, start + ITEM_GROUP_SIZE);
        const previous = this.previousGroups.get(key);
        groups.push({ key, views: previous && previous.length === run.length && previous.every((v, i) => v === run[i]) ? previous : run });
      }
      section = [];
    };
    for (const view of ordered) {
      const key = view.item.type === 'frame' ? view.item.id : view.item.frame && this.ctl.itemsById().get(view.item.frame)?.type === 'frame' ? view.item.frame : '';
      if (view.item.type === 'frame' || key !== sectionKey) {
        flush();
        sectionKey = key;
      }
      section.push(view);
    }
    flush();
    this.previousGroups = new Map(groups.map((g) => [g.key, g.views]));
    return groups;
  });

  protected readonly untitledFrame = computed(() => {
    this.i18n.language();
    return this.ctl.t('board.untitledFrame');
  });
  protected readonly summaries = computed(() => new Map(this.ctl.items().map((i) => [i.id, this.own(i).summary])));

  /** Selected items this user may change. */
  private readonly changeable = computed(() =>
    [...this.ctl.selection()].map((id) => this.ctl.itemsById().get(id)).filter((i): i is BoardItem => !!i && this.ctl.canChange(i)),
  );
  protected readonly selectedNotes = computed(() => this.changeable().filter((i) => i.type === 'note'));
  protected readonly selectedColour = computed<NoteColour | ''>(() => {
    const colours = new Set(this.selectedNotes().map((n) => n.colour ?? 'yellow'));
    return colours.size === 1 ? [...colours][0] : '';
  });
  protected readonly canConnect = computed(() => {
    const selected = [...this.ctl.selection()].map((id) => this.ctl.itemsById().get(id));
    return this.ctl.canEdit() && selected.length === 2 && selected.every((i) => i && i.type !== 'connector');
  });
  protected readonly empty = computed(() => this.ctl.items().length === 0 && !!this.ctl.session()?.loaded());

  private gesture: Gesture | null = null;
  private lastCursorAt = 0;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  private viewportTimer: ReturnType<typeof setTimeout> | undefined;
  private lastEmitted: Viewport | null = null;
  private fitted = false;
  private lastFollowSeq: number | null = null;
  private lastBreakout: string | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const element = this.viewportRef().nativeElement;
      const options = { passive: false } as const;
      const listeners: [string, EventListener][] = [
        ['pointerdown', (e) => this.onPointerDown(e as PointerEvent)],
        ['pointermove', (e) => this.onPointerMove(e as PointerEvent)],
        ['pointerup', (e) => this.onPointerUp(e as PointerEvent, false)],
        ['pointercancel', (e) => this.onPointerUp(e as PointerEvent, true)],
        ['pointerleave', () => this.publishCursor(null)],
        ['wheel', (e) => this.onWheel(e as WheelEvent)],
        // Focusing an item far away scrolls even an overflow:hidden box; the view moves by transform instead.
        ['scroll', () => element.scrollTo(0, 0)],
      ];
      for (const [type, listener] of listeners) element.addEventListener(type, listener, options);
      const toolbar = this.toolbarRef()?.nativeElement;
      const onToolbarKey = (event: KeyboardEvent) => this.onToolbarKeydown(event);
      toolbar?.addEventListener('keydown', onToolbarKey);
      const resize = new ResizeObserver(([entry]) => {
        const { width, height } = entry.contentRect;
        if (width > 0 && height > 0) this.size.set({ width, height });
      });
      resize.observe(element);
      destroyRef.onDestroy(() => {
        for (const [type, listener] of listeners) element.removeEventListener(type, listener);
        toolbar?.removeEventListener('keydown', onToolbarKey);
        resize.disconnect();
      });
    });

    // Pan and zoom mark the view as moving for a moment (see `moving`).
    let firstView = true;
    effect(() => {
      this.view();
      if (firstView) {
        firstView = false;
        return;
      }
      untracked(() => this.moving.set(true));
      clearTimeout(this.movingTimer);
      this.movingTimer = setTimeout(() => this.moving.set(false), 400);
    });

    // Keep the toolbar a single tab stop (arrow keys move inside it).
    afterEveryRender(() => this.syncToolbarTabStops());

    // "Hide my cursor" takes effect at once; leaving the canvas removes it for others.
    effect(() => {
      if (this.ctl.live()?.hideCursor) untracked(() => this.publishCursor(null));
    });
    destroyRef.onDestroy(() => {
      clearTimeout(this.cursorTimer);
      clearTimeout(this.viewportTimer);
      clearTimeout(this.movingTimer);
      this.publishCursor(null);
    });

    // First look: the whole board, once its content has arrived.
    effect(() => {
      const items = this.ctl.items();
      const size = this.size();
      if (this.fitted || items.length === 0 || this.ctl.live()?.follow) return;
      this.fitted = true;
      const box = bounds(items.filter((i) => i.type !== 'connector'));
      if (box) untracked(() => this.view.set(fitRect(box, size)));
    });

    // The facilitator's "bring everyone to me" and the user's breakout group.
    effect(() => {
      const follow = this.ctl.live()?.follow ?? null;
      if (!follow || follow.seq === this.lastFollowSeq) return;
      const size = this.size();
      const frame = follow.frameId ? this.ctl.itemsById().get(follow.frameId) : undefined;
      if (!follow.viewport && follow.frameId && !frame) return; // wait for the content
      this.lastFollowSeq = follow.seq;
      this.fitted = true;
      untracked(() => {
        if (follow.viewport) this.view.set({ ...follow.viewport, zoom: clampZoom(follow.viewport.zoom) });
        else if (frame) this.view.set(fitRect(frame, size));
      });
    });
    effect(() => {
      const frameId = this.ctl.live()?.breakoutFrameId ?? null;
      if (frameId === this.lastBreakout) return;
      const frame = frameId ? this.ctl.itemsById().get(frameId) : undefined;
      if (frameId && !frame) return;
      this.lastBreakout = frameId;
      if (frame) {
        this.fitted = true;
        const size = this.size();
        untracked(() => this.view.set(fitRect(frame, size)));
      }
    });

    // Pan and zoom for a facilitator's "bring everyone to me" (throttled).
    effect(() => {
      this.view();
      untracked(() => {
        if (this.viewportTimer !== undefined) return;
        this.viewportTimer = setTimeout(() => {
          this.viewportTimer = undefined;
          const current = this.view();
          if (this.lastEmitted && sameViewport(this.lastEmitted, current)) return;
          this.lastEmitted = current;
          this.ctl.emitViewport({ x: Math.round(current.x), y: Math.round(current.y), zoom: Math.round(current.zoom * 1000) / 1000 });
        }, VIEWPORT_THROTTLE_MS);
      });
    });

    // Someone else deleted the item being edited.
    effect(() => {
      const id = this.editingId();
      if (id && !this.ctl.itemsById().has(id)) untracked(() => this.editingId.set(null));
    });
  }

  // ---------- toolbar ----------

  protected add(type: 'note' | 'text' | 'frame'): void {
    const store = this.ctl.store();
    if (!store || !this.ctl.canEdit()) return;
    const items = this.ctl.items();
    const size = BOARD_ITEM_DEFAULTS[type];
    const selectedFrame = this.singleSelected('frame');
    let id: string;
    if (type !== 'frame' && selectedFrame) {
      if (!this.ctl.canAddTo(selectedFrame.id)) return this.ctl.announce('board.announce.refused');
      id = store.add({ type, frame: selectedFrame.id, author: type === 'note' ? this.ctl.author() : null });
    } else {
      const view = this.view();
      const centre = toCanvas(view, this.size().width / 2, this.size().height / 2);
      let x = Math.round(centre.x - size.w / 2);
      let y = Math.round(centre.y - size.h / 2);
      while (items.some((i) => i.x === x && i.y === y)) {
        x += 24;
        y += 24;
      }
      id = this.addAt(type, x, y) ?? '';
      if (!id) return;
    }
    this.afterAdd(id, type);
  }

  /** Adds an item with its top-left at (x, y); a note or text block joins the frame it lands in. */
  private addAt(type: 'note' | 'text' | 'frame', x: number, y: number): string | null {
    const store = this.ctl.store();
    if (!store) return null;
    const size = BOARD_ITEM_DEFAULTS[type];
    const frame = type === 'frame' ? null : frameAt(this.ctl.items(), x + size.w / 2, y + size.h / 2);
    if (!this.ctl.canAddTo(frame)) {
      this.ctl.announce('board.announce.refused');
      return null;
    }
    return store.add({ type, x, y, frame, author: type === 'note' ? this.ctl.author() : null });
  }

  private afterAdd(id: string, type: BoardItemType): void {
    this.ctl.selection.set(new Set([id]));
    this.ctl.announce('board.announce.added', { type: this.ctl.t(`board.types.${type}`) });
    const item = this.ctl.itemsById().get(id);
    if (item) this.reveal(item);
    this.editingId.set(id);
  }

  protected connect(): void {
    const [from, to] = [...this.ctl.selection()];
    if (!this.canConnect() || !from || !to) return;
    this.ctl.store()?.add({ type: 'connector', from, to });
    this.ctl.announce('board.announce.connected');
  }

  protected setColour(value: string): void {
    const colour = NOTE_COLOURS.find((c) => c === value);
    const notes = this.selectedNotes();
    if (!colour || notes.length === 0) return;
    this.ctl.store()?.update(notes.map((n) => ({ id: n.id, patch: { colour } })));
    this.ctl.announce('board.announce.colour', { colour: this.ctl.colourName(colour) });
  }

  protected deleteSelected(): void {
    this.deleteItems([...this.ctl.selection()]);
  }

  private deleteItems(ids: readonly string[]): void {
    const byId = this.ctl.itemsById();
    const allowed = ids.filter((id) => {
      const item = byId.get(id);
      return item && (item.type === 'connector' ? this.ctl.canEdit() : this.ctl.canChange(item));
    });
    if (allowed.length < ids.length) this.ctl.announce('board.announce.refused');
    if (allowed.length === 0) return;
    const next = neighbourAfterDelete(this.ordered(), allowed);
    this.ctl.store()?.delete(allowed);
    this.ctl.selection.set(new Set());
    this.ctl.announce('board.announce.deleted', { count: allowed.length });
    // Keep keyboard focus on the board: the next item, or the canvas.
    afterNextRender(() => (next ? this.focusItem(next) : this.viewportRef().nativeElement.focus()), { injector: this.injector });
  }

  protected undo(): void {
    this.ctl.store()?.undo();
    this.ctl.announce('board.announce.undone');
  }

  protected redo(): void {
    this.ctl.store()?.redo();
    this.ctl.announce('board.announce.redone');
  }

  protected zoomBy(factor: number): void {
    const { width, height } = this.size();
    this.view.update((view) => zoomAt(view, view.zoom * factor, width / 2, height / 2));
  }

  protected fit(): void {
    const box = bounds(this.ctl.items().filter((i) => i.type !== 'connector'));
    this.view.set(box ? fitRect(box, this.size()) : { x: -40, y: -40, zoom: 1 });
  }

  protected readonly zoomStep = ZOOM_STEP;

  private onToolbarKeydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    const controls = this.toolbarControls();
    const index = controls.indexOf(event.target as HTMLElement);
    if (index === -1 || controls.length === 0) return;
    event.preventDefault();
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? controls.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + controls.length) % controls.length;
    for (const control of controls) control.tabIndex = -1;
    controls[next].tabIndex = 0;
    controls[next].focus();
  }

  private toolbarControls(): HTMLElement[] {
    const toolbar = this.toolbarRef()?.nativeElement;
    if (!toolbar) return [];
    return Array.from(toolbar.querySelectorAll<HTMLElement>('button, select')).filter((c) => !(c as HTMLButtonElement).disabled);
  }

  private syncToolbarTabStops(): void {
    const toolbar = this.toolbarRef()?.nativeElement;
    if (!toolbar) return;
    const all = Array.from(toolbar.querySelectorAll<HTMLElement>('button, select'));
    const enabled = all.filter((c) => !(c as HTMLButtonElement).disabled);
    const current = enabled.find((c) => c.tabIndex === 0) ?? enabled[0];
    // Only real changes: this runs after every render, and writing the same value still costs a style pass.
    for (const control of all) {
      const wanted = control === current ? 0 : -1;
      if (control.tabIndex !== wanted) control.tabIndex = wanted;
    }
  }

  // ---------- keyboard ----------

  protected onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (target.classList.contains('kh-item-editor')) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        const id = this.editingId();
        this.editingId.set(null);
        if (id) this.focusItem(id);
      }
      return;
    }
    if (target.closest('button, textarea, input, select')) return;
    const element = target.closest<HTMLElement>('[data-item-id]');
    const id = element?.dataset['itemId'];
    if (element && id && element === target) this.onItemKey(event, id);
    else if (target === this.viewportRef().nativeElement) this.onCanvasKey(event);
  }

  private onItemKey(event: KeyboardEvent, id: string): void {
    const item = this.ctl.itemsById().get(id);
    if (!item) return;
    if (event.ctrlKey || event.metaKey) return;
    const delta = arrowDelta(event.key, event.shiftKey);
    if (delta) {
      event.preventDefault();
      if (!this.ctl.canChange(item)) return this.ctl.announce('board.announce.refused');
      if (event.altKey) {
        this.ctl.store()?.update([{ id, patch: resized(item, delta.dx, delta.dy) }]);
      } else {
        const ids = this.ctl.selection().has(id) ? this.ctl.selection() : new Set([id]);
        this.commitMove(ids, delta.dx, delta.dy);
      }
      const moved = this.ctl.itemsById().get(id);
      if (moved) this.reveal(moved);
      return;
    }
    switch (event.key) {
      case 'Enter':
      case 'F2':
        event.preventDefault();
        if (this.ctl.canChange(item)) this.editingId.set(id);
        else if (this.ctl.canEdit()) this.ctl.announce('board.announce.refused');
        return;
      case ' ':
        event.preventDefault();
        this.ctl.selection.update((s) => toggled(s, id));
        this.ctl.announce('board.announce.selection', { count: this.ctl.selection().size });
        return;
      case 'Escape':
        if (this.ctl.selection().size) {
          event.preventDefault();
          this.ctl.selection.set(new Set());
          this.ctl.announce('board.announce.selection', { count: 0 });
        }
        return;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        this.deleteItems(this.ctl.selection().has(id) ? [...this.ctl.selection()] : [id]);
        return;
    }
  }

  private onCanvasKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const delta = arrowDelta(event.key, event.shiftKey);
    if (delta) {
      event.preventDefault();
      const pixels = event.shiftKey ? 4 * CANVAS_KEY_PAN : CANVAS_KEY_PAN;
      this.view.update((view) => panBy(view, -Math.sign(delta.dx) * pixels, -Math.sign(delta.dy) * pixels));
      return;
    }
    if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      this.zoomBy(ZOOM_STEP);
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      this.zoomBy(1 / ZOOM_STEP);
    } else if (event.key === '0') {
      event.preventDefault();
      this.fit();
    } else if (event.key === 'Escape' && this.ctl.selection().size) {
      this.ctl.selection.set(new Set());
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && this.ctl.selection().size) {
      event.preventDefault();
      this.deleteSelected();
    }
  }

  protected onFocusIn(event: FocusEvent): void {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-item-id]');
    if (!element || element !== event.target) return;
    const item = this.ctl.itemsById().get(element.dataset['itemId'] ?? '');
    if (item) this.reveal(item);
  }

  protected locked(item: BoardItem): boolean {
    return isLocked(item, this.ctl.lockedFrames());
  }

  protected stopEditing(id: string): void {
    if (this.editingId() === id) this.editingId.set(null);
  }

  private focusItem(id: string): void {
    afterNextRender(
      () => this.viewportRef().nativeElement.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true }),
      { injector: this.injector },
    );
  }

  /** Pans just enough to show the item. */
  private reveal(item: BoardItem): void {
    const view = this.view();
    const next = revealRect(view, this.size(), item);
    if (next !== view) this.view.set(next);
  }

  private singleSelected(type: BoardItemType): BoardItem | null {
    const selection = this.ctl.selection();
    if (selection.size !== 1) return null;
    const item = this.ctl.itemsById().get([...selection][0]);
    return item?.type === type ? item : null;
  }

  /** Moves the items; returns whether anything changed. */
  private commitMove(ids: ReadonlySet<string>, dx: number, dy: number): boolean {
    const store = this.ctl.store();
    if (!store || (Math.round(dx) === 0 && Math.round(dy) === 0)) return false;
    const items = this.ctl.items();
    const plan = planMove(items, ids, Math.round(dx), Math.round(dy), this.ctl.lockedFrames());
    store.update(plan.patches);
    if (plan.refused.length) {
      this.ctl.announce('board.announce.refused');
      return plan.patches.length > 0;
    }
    const reframed = plan.patches.find((p) => p.patch.frame !== undefined);
    if (reframed) {
      const frame = reframed.patch.frame;
      if (frame) this.ctl.announce('board.announce.movedToFrame', { frame: this.ctl.frameNames().get(frame) ?? '' });
      else this.ctl.announce('board.announce.movedOut');
    }
    return plan.patches.length > 0;
  }

  // ---------- pointer ----------

  private point(event: { clientX: number; clientY: number }): { sx: number; sy: number } {
    const rect = this.viewportRef().nativeElement.getBoundingClientRect();
    return { sx: event.clientX - rect.left, sy: event.clientY - rect.top };
  }

  private onPointerDown(event: PointerEvent): void {
    const target = event.target as HTMLElement;
    if (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 1) return;
    if (target.closest('button, textarea, input, select, a')) return;
    const { sx, sy } = this.point(event);

    if (this.gesture?.kind === 'pan' && event.pointerType === 'touch') {
      const first = this.gesture;
      const pointers = new Map([
        [first.pointerId, { x: first.startX, y: first.startY }],
        [event.pointerId, { x: event.clientX, y: event.clientY }],
      ]);
      this.gesture = { kind: 'pinch', pointers, distance: pinchDistance(pointers), view: this.view() };
      return;
    }

    const connector = target.closest<SVGElement>('[data-connector-id]')?.dataset['connectorId'];
    if (connector) {
      const additive = event.shiftKey || event.ctrlKey || event.metaKey;
      this.ctl.selection.set(additive ? toggled(this.ctl.selection(), connector) : new Set([connector]));
      return;
    }
    const element = target.closest<HTMLElement>('[data-item-id]');
    const item = element ? this.ctl.itemsById().get(element.dataset['itemId'] ?? '') : undefined;
    if (element && item && event.button === 0) {
      if (target.closest('[data-resize-handle]') && this.ctl.canChange(item)) {
        event.preventDefault();
        this.gesture = { kind: 'resize', pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, item, element, size: { w: item.w, h: item.h } };
        this.viewportRef().nativeElement.setPointerCapture(event.pointerId);
        return;
      }
      const additive = event.shiftKey || event.ctrlKey || event.metaKey;
      const selection = this.ctl.selection();
      if (additive) this.ctl.selection.set(toggled(selection, item.id));
      else if (!selection.has(item.id)) this.ctl.selection.set(new Set([item.id]));
      if (this.editingId() && this.editingId() !== item.id) this.editingId.set(null);
      const ids = new Set([...this.ctl.selection()].filter((id) => {
        const selected = this.ctl.itemsById().get(id);
        return selected && selected.type !== 'connector' && this.ctl.canChange(selected);
      }));
      if (!this.ctl.canEdit() || ids.size === 0 || this.editingId() === item.id) return;
      this.gesture = {
        kind: 'drag',
        pointerId: event.pointerId,
        startX: event.clientX,
        startY: event.clientY,
        ids,
        elements: [],
        moved: false,
        dx: 0,
        dy: 0,
        clickedId: item.id,
        additive,
      };
      return;
    }

    // The background (or a frame's body, which lets pointers through).
    if (event.shiftKey && event.button === 0) {
      const start = toCanvas(this.view(), sx, sy);
      this.gesture = { kind: 'band', pointerId: event.pointerId, start, base: this.ctl.selection() };
      this.viewportRef().nativeElement.setPointerCapture(event.pointerId);
      return;
    }
    this.gesture = { kind: 'pan', pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, view: this.view(), moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const { sx, sy } = this.point(event);
    this.publishCursor(toCanvas(this.view(), sx, sy));
    const gesture = this.gesture;
    if (!gesture) return;
    const element = this.viewportRef().nativeElement;
    switch (gesture.kind) {
      case 'pinch': {
        if (!gesture.pointers.has(event.pointerId)) return;
        gesture.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
        const [a, b] = [...gesture.pointers.values()];
        const centre = this.point({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
        this.view.set(zoomAt(gesture.view, (gesture.view.zoom * pinchDistance(gesture.pointers)) / Math.max(1, gesture.distance), centre.sx, centre.sy));
        return;
      }
      case 'pan': {
        if (event.pointerId !== gesture.pointerId) return;
        const dx = event.clientX - gesture.startX;
        const dy = event.clientY - gesture.startY;
        if (!gesture.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!gesture.moved) element.setPointerCapture(event.pointerId);
        gesture.moved = true;
        this.view.set(panBy(gesture.view, dx, dy));
        return;
      }
      case 'band':
        if (event.pointerId === gesture.pointerId) this.band.set(rectFromPoints(gesture.start, toCanvas(this.view(), sx, sy)));
        return;
      case 'drag': {
        if (event.pointerId !== gesture.pointerId) return;
        const zoom = this.view().zoom;
        const dx = (event.clientX - gesture.startX) / zoom;
        const dy = (event.clientY - gesture.startY) / zoom;
        if (!gesture.moved) {
          if (Math.hypot(event.clientX - gesture.startX, event.clientY - gesture.startY) < DRAG_THRESHOLD) return;
          gesture.moved = true;
          element.setPointerCapture(event.pointerId);
          const moving = new Set(planMove(this.ctl.items(), gesture.ids, 0, 0).patches.map((p) => p.id));
          gesture.elements = [...moving]
            .map((id) => element.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`))
            .filter((e): e is HTMLElement => e !== null);
          for (const moved of gesture.elements) moved.classList.add('kh-board-item--dragging');
        }
        gesture.dx = dx;
        gesture.dy = dy;
        for (const moved of gesture.elements) moved.style.translate = `${dx}px ${dy}px`;
        return;
      }
      case 'resize': {
        if (event.pointerId !== gesture.pointerId) return;
        const zoom = this.view().zoom;
        gesture.size = resized(gesture.item, (event.clientX - gesture.startX) / zoom, (event.clientY - gesture.startY) / zoom);
        gesture.element.style.width = `${gesture.size.w}px`;
        gesture.element.style.height = `${gesture.size.h}px`;
        return;
      }
    }
  }

  private onPointerUp(event: PointerEvent, cancelled: boolean): void {
    const gesture = this.gesture;
    if (!gesture) return;
    const element = this.viewportRef().nativeElement;
    if (gesture.kind === 'pinch') {
      gesture.pointers.delete(event.pointerId);
      if (gesture.pointers.size < 2) this.gesture = null;
      return;
    }
    if (event.pointerId !== gesture.pointerId) return;
    this.gesture = null;
    if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
    switch (gesture.kind) {
      case 'pan':
        if (!gesture.moved && !cancelled) {
          this.ctl.selection.set(new Set());
          this.editingId.set(null);
        }
        return;
      case 'band': {
        const band = this.band();
        this.band.set(null);
        if (!band || cancelled) return;
        const picked = itemsInRect(this.ctl.items(), band);
        this.ctl.selection.set(new Set([...gesture.base, ...picked]));
        this.ctl.announce('board.announce.selection', { count: this.ctl.selection().size });
        return;
      }
      case 'drag': {
        if (!gesture.moved) {
          // A plain click on one of several selected items selects just it.
          if (!gesture.additive && this.ctl.selection().size > 1) this.ctl.selection.set(new Set([gesture.clickedId]));
          return;
        }
        const settle = () => {
          for (const moved of gesture.elements) {
            moved.style.translate = '';
            moved.classList.remove('kh-board-item--dragging');
          }
        };
        // The new positions render in the next frame; until then the offset stays, so nothing jumps.
        if (!cancelled && this.commitMove(gesture.ids, gesture.dx, gesture.dy)) afterNextRender(settle, { injector: this.injector });
        else settle();
        return;
      }
      case 'resize': {
        gesture.element.style.width = `${gesture.item.w}px`;
        gesture.element.style.height = `${gesture.item.h}px`;
        if (!cancelled) this.ctl.store()?.update([{ id: gesture.item.id, patch: gesture.size }]);
        return;
      }
    }
  }

  protected onDoubleClick(event: MouseEvent): void {
    const hit = document.elementFromPoint(event.clientX, event.clientY) as HTMLElement | null;
    if (!hit || hit.closest('button, textarea, input, select')) return;
    const element = hit.closest<HTMLElement>('[data-item-id]');
    const id = element?.dataset['itemId'];
    if (id) {
      const item = this.ctl.itemsById().get(id);
      if (item && this.ctl.canChange(item)) this.editingId.set(id);
      return;
    }
    if (!this.ctl.canEdit()) return;
    const { sx, sy } = this.point(event);
    const at = toCanvas(this.view(), sx, sy);
    const { w, h } = BOARD_ITEM_DEFAULTS.note;
    const added = this.addAt('note', Math.round(at.x - w / 2), Math.round(at.y - h / 2));
    if (added) this.afterAdd(added, 'note');
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const { sx, sy } = this.point(event);
    if (event.ctrlKey || event.metaKey) {
      const factor = wheelZoomFactor(event.deltaY, event.deltaMode);
      this.view.update((view) => zoomAt(view, view.zoom * factor, sx, sy));
      return;
    }
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.size().height : 1;
    const dx = (event.shiftKey && !event.deltaX ? event.deltaY : event.deltaX) * unit;
    const dy = (event.shiftKey && !event.deltaX ? 0 : event.deltaY) * unit;
    this.view.update((view) => panBy(view, -dx, -dy));
  }

  // ---------- presence ----------

  private publishCursor(point: { x: number; y: number } | null): void {
    const session = this.ctl.session();
    if (!session) return;
    const hidden = this.ctl.live()?.hideCursor ?? false;
    const value = point && !hidden ? { x: Math.round(point.x), y: Math.round(point.y) } : null;
    clearTimeout(this.cursorTimer);
    this.cursorTimer = undefined;
    const send = () => {
      this.lastCursorAt = Date.now();
      const current = (session.awareness.getLocalState() as { cursor?: unknown } | null)?.cursor ?? null;
      if (value === null && current === null) return;
      session.awareness.setLocalStateField('cursor', value);
    };
    const wait = CURSOR_THROTTLE_MS - (Date.now() - this.lastCursorAt);
    if (value === null || wait <= 0) send();
    else this.cursorTimer = setTimeout(send, wait);
  }

}

let nextId = 0;

function pinchDistance(pointers: ReadonlyMap<number, { x: number; y: number }>): number {
  const [a, b] = [...pointers.values()];
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 1;
}

/** Where keyboard focus goes after a delete: the next remaining item in reading order, else the previous one. */
function neighbourAfterDelete(order: readonly BoardItem[], deleted: readonly string[]): string | null {
  const gone = new Set(deleted);
  const first = order.findIndex((i) => gone.has(i.id));
  if (first === -1) return null;
  const after = order.slice(first).find((i) => !gone.has(i.id));
  const before = [...order.slice(0, first)].reverse().find((i) => !gone.has(i.id));
  return (after ?? before)?.id ?? null;
}
