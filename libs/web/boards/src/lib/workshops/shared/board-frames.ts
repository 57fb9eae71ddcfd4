import { DestroyRef, effect, inject, Injectable, Injector, signal, untracked, type Signal } from '@angular/core';
import type { BoardItem } from '@kehittamo/shared/domain';
import { boardItems, readBoard } from '@kehittamo/shared/board-content';
import { CollabDocumentService, type CollabSession } from '@kehittamo/web/collab';
import type * as Y from 'yjs';

/** A board's frames in outline order, kept up to date as the document changes. Returns the stop function. */
export function watchFrames(doc: Y.Doc, onChange: (frames: BoardItem[]) => void): () => void {
  const items = boardItems(doc);
  const read = () =>
    onChange(
      readBoard(doc)
        .filter((item) => item.type === 'frame')
        .sort((a, b) => a.order - b.order),
    );
  items.observeDeep(read);
  read();
  return () => items.unobserveDeep(read);
}

/**
 * Frames of boards that are not otherwise open on the page (the agenda editor links an item
 * to a frame). Opens each board's document once, on first ask, and closes them all with the
 * component that provides this. Provide it in the component.
 */
@Injectable()
export class BoardFramesLoader {
  private readonly collab = inject(CollabDocumentService);
  private readonly injector = inject(Injector);
  private readonly open = new Map<string, { session: CollabSession; frames: Signal<BoardItem[] | null>; stop: () => void }>();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      for (const entry of this.open.values()) {
        entry.stop();
        entry.session.close();
      }
      this.open.clear();
    });
  }

  /** Null until the document has arrived. */
  frames(doc: string): Signal<BoardItem[] | null> {
    const existing = this.open.get(doc);
    if (existing) return existing.frames;
    const session = this.collab.open(doc);
    const frames = signal<BoardItem[] | null>(null);
    let stopWatching: (() => void) | null = null;
    // Before the server's copy arrives the document is empty: report nothing rather than "no frames".
    const waitForContent = effect(
      () => {
        if (!session.loaded() || stopWatching) return;
        stopWatching = untracked(() => watchFrames(session.doc, (list) => frames.set(list)));
        waitForContent.destroy();
      },
      { injector: this.injector },
    );
    this.open.set(doc, {
      session,
      frames: frames.asReadonly(),
      stop: () => {
        waitForContent.destroy();
        stopWatching?.();
      },
    });
    return frames.asReadonly();
  }
}
