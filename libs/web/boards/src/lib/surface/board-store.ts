import { computed, signal, type Signal } from '@angular/core';
import {
  addItem,
  boardItems,
  deleteItems,
  deletionEffects,
  itemText,
  moveInOrder,
  moveToFrame,
  readItem,
  restoreItems,
  setItemText,
  updateItem,
  type ItemMap,
  type ItemPatch,
  type NewItem,
} from '@kehittamo/shared/board-content';
import type { BoardItem } from '@kehittamo/shared/domain';
import * as Y from 'yjs';

/** What a delete took away, for putting it back. */
export interface DeletedItems {
  removed: BoardItem[];
  unframed: BoardItem[];
}

type Schedule = (callback: () => void) => () => void;

const animationFrame: Schedule = (callback) => {
  if (typeof requestAnimationFrame === 'undefined') {
    const timer = setTimeout(callback, 16);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(frame);
};

const sameItem = (a: BoardItem, b: BoardItem): boolean =>
  a.type === b.type &&
  a.x === b.x &&
  a.y === b.y &&
  a.w === b.w &&
  a.h === b.h &&
  a.text === b.text &&
  a.colour === b.colour &&
  a.frame === b.frame &&
  a.order === b.order &&
  a.z === b.z &&
  a.author === b.author &&
  a.from === b.from &&
  a.to === b.to &&
  a.createdAt === b.createdAt;

/**
 * A board document as signals, for the canvas and the outline. Reads go through
 * `@kehittamo/shared/board-content`; changes from anyone are collected with `observeDeep`
 * and applied once per animation frame, and an item that did not change keeps its object, so
 * only changed items re-render. Every write of this user runs in a transaction with this
 * store's own origin, which is the only origin its `Y.UndoManager` tracks: undo never takes
 * back someone else's work.
 */
export class BoardStore {
  /** The transaction origin of this user's changes. */
  readonly origin = { source: 'kh-board-surface' };

  private readonly itemsState = signal<readonly BoardItem[]>([]);
  private readonly undoState = signal({ undo: false, redo: false });
  private readonly map: Y.Map<ItemMap>;
  private readonly byId = new Map<string, BoardItem>();
  private readonly undoManager: Y.UndoManager;
  private pending: Set<string> | 'all' | null = null;
  private cancelFrame: (() => void) | null = null;
  private destroyed = false;

  /** Every valid item; a changed item is a new object, an unchanged one the same object as before. */
  readonly items: Signal<readonly BoardItem[]> = this.itemsState.asReadonly();
  readonly itemsById: Signal<ReadonlyMap<string, BoardItem>> = computed(() => {
    this.itemsState();
    return new Map(this.byId);
  });
  readonly canUndo = computed(() => this.undoState().undo);
  readonly canRedo = computed(() => this.undoState().redo);

  constructor(
    readonly doc: Y.Doc,
    private readonly schedule: Schedule = animationFrame,
  ) {
    this.map = boardItems(doc);
    this.undoManager = new Y.UndoManager(this.map, { trackedOrigins: new Set([this.origin]), captureTimeout: 400 });
    const stacks = () => this.undoState.set({ undo: this.undoManager.canUndo(), redo: this.undoManager.canRedo() });
    this.undoManager.on('stack-item-added', stacks);
    this.undoManager.on('stack-item-popped', stacks);
    this.undoManager.on('stack-cleared', stacks);
    this.map.observeDeep(this.onChange);
    this.pending = 'all';
    this.flush();
  }

  destroy(): void {
    this.destroyed = true;
    this.cancelFrame?.();
    this.map.unobserveDeep(this.onChange);
    this.undoManager.destroy();
  }

  item(id: string): BoardItem | undefined {
    return this.byId.get(id);
  }

  /** Applies collected changes now (after the user's own change, so the next frame does not jump). */
  flush(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    const pending = this.pending;
    this.pending = null;
    if (pending === null || this.destroyed) return;
    let changed = false;
    const ids = pending === 'all' ? new Set([...this.map.keys(), ...this.byId.keys()]) : pending;
    for (const id of ids) {
      const map = this.map.get(id);
      const next = map instanceof Y.Map ? readItem(id, map) : null;
      const current = this.byId.get(id);
      if (!next) {
        if (current) {
          this.byId.delete(id);
          changed = true;
        }
      } else if (!current || !sameItem(current, next)) {
        this.byId.set(id, next);
        changed = true;
      }
    }
    if (changed) this.itemsState.set([...this.byId.values()]);
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (this.pending !== 'all') {
      const pending = this.pending ?? new Set<string>();
      for (const event of events) {
        if (event.target === this.map) {
          for (const key of event.changes.keys.keys()) pending.add(key);
        } else if (typeof event.path[0] === 'string') {
          pending.add(event.path[0]);
        } else {
          this.pending = 'all';
          break;
        }
      }
      if (this.pending !== 'all') this.pending = pending;
    }
    if (!this.cancelFrame) this.cancelFrame = this.schedule(() => this.flush());
  };

  // ---------- this user's changes (each one undo step) ----------

  private write<T>(change: () => T): T {
    this.undoManager.stopCapturing();
    let result!: T;
    this.doc.transact(() => {
      result = change();
    }, this.origin);
    this.undoManager.stopCapturing();
    this.flush();
    return result;
  }

  add(input: NewItem): string {
    return this.write(() => addItem(this.doc, input));
  }

  update(patches: readonly { id: string; patch: ItemPatch }[]): void {
    if (patches.length) this.write(() => patches.forEach(({ id, patch }) => updateItem(this.doc, id, patch)));
  }

  setText(id: string, text: string): void {
    this.write(() => setItemText(this.doc, id, text));
  }

  /** Deletes the items (and connectors to them); returns what is needed to {@link restore} them. */
  delete(ids: readonly string[]): DeletedItems | null {
    const effects = deletionEffects(this.itemsState(), ids);
    if (effects.removed.length === 0) return null;
    this.write(() => deleteItems(this.doc, ids));
    return effects;
  }

  /** Puts deleted items back as they were, and the notes of a deleted frame back into it (the "undo" of a delete). */
  restore(deleted: DeletedItems): void {
    this.write(() => {
      restoreItems(this.doc, deleted.removed);
      for (const item of deleted.unframed) {
        if (this.map.has(item.id) && item.frame) updateItem(this.doc, item.id, { frame: item.frame });
      }
    });
  }

  moveToFrame(id: string, frameId: string | null): void {
    this.write(() => moveToFrame(this.doc, id, frameId));
  }

  moveInOrder(id: string, direction: -1 | 1): void {
    this.write(() => moveInOrder(this.doc, id, direction));
  }

  text(id: string): Y.Text | null {
    return itemText(this.doc, id);
  }

  undo(): void {
    this.undoManager.undo();
    this.flush();
  }

  redo(): void {
    this.undoManager.redo();
    this.flush();
  }
}
