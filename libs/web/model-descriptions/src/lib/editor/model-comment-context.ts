import { computed, Injectable, signal } from '@angular/core';
import type { CommentAnchor, CommentThreadView } from '@kehittamo/shared/domain';
import type { CommentAnchorHighlight } from './comment-anchors';

/** A text range chosen in one part of the model (`section:<key>` or `step:<id>`). */
export interface PartSelection {
  part: string;
  anchor: CommentAnchor;
}

/** What the context needs of an editor to show a thread's range. */
export interface CommentAnchorEditor {
  focusCommentAnchor(threadId: string): boolean;
}

const NO_ANCHORS: readonly CommentAnchorHighlight[] = [];

/**
 * Comments in the model editor, shared by the page (sections and the panel) and the structure's
 * parts (nested components): the threads' highlights per part, the current selection, the range a
 * new thread is about, and the thread in focus. Provided by the editor page.
 */
@Injectable()
export class ModelCommentContext {
  readonly threads = signal<CommentThreadView[]>([]);
  readonly activeThread = signal<string | null>(null);
  /** The latest non-empty selection in any part. */
  readonly selection = signal<PartSelection | null>(null);
  /** The range the next new thread is about (set by "Comment the selected text"). */
  readonly pending = signal<PartSelection | null>(null);
  private readonly editors = new Set<CommentAnchorEditor>();

  /** Open threads' ranges per part, memoised so an editor redraws only when its own list changes. */
  private readonly anchorsByPart = computed(() => {
    const byPart = new Map<string, CommentAnchorHighlight[]>();
    for (const thread of this.threads()) {
      if (!thread.anchor || !thread.target.part || thread.status !== 'open') continue;
      const list = byPart.get(thread.target.part) ?? [];
      list.push({ threadId: thread.id, start: thread.anchor.start, end: thread.anchor.end });
      byPart.set(thread.target.part, list);
    }
    return byPart;
  });

  anchorsFor(part: string): readonly CommentAnchorHighlight[] {
    return this.anchorsByPart().get(part) ?? NO_ANCHORS;
  }

  select(part: string, anchor: CommentAnchor | null): void {
    if (anchor) this.selection.set({ part, anchor });
    else if (this.selection()?.part === part) this.selection.set(null);
  }

  selectionIn(part: string): boolean {
    return this.selection()?.part === part;
  }

  commentSelection(): void {
    const selection = this.selection();
    if (selection) this.pending.set(selection);
  }

  /** Editors register themselves so "Show in the text" finds the one holding a thread's range. */
  register(editor: CommentAnchorEditor): () => void {
    this.editors.add(editor);
    return () => this.editors.delete(editor);
  }

  showThread(threadId: string): void {
    this.activeThread.set(threadId);
    for (const editor of this.editors) if (editor.focusCommentAnchor(threadId)) return;
  }
}
