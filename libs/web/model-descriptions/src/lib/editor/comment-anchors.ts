import { COMMENT_LIMITS, type CommentAnchor } from '@kehittamo/shared/domain';
import { type Editor, Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  type ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { decodeAnchorPosition, encodeRelativeAnchor } from '@kehittamo/shared/model-content';
import * as Y from 'yjs';

/**
 * Comment threads anchored to text ranges of a collaborative (Yjs) editor.
 *
 * An anchor's `start` and `end` are Yjs relative positions (base64), so the range follows
 * everyone's edits: text typed before it moves it, text typed inside it grows it, and deleting
 * the text empties it (its highlight goes; the thread keeps its `quote`). The start is tied to
 * the range's first character and the end to its last, so text typed right next to the range
 * stays outside it.
 *
 * The highlights are decorations (`<mark class="kh-comment-anchor" data-thread-id>`) recomputed
 * from the relative positions whenever a remote change (or undo) arrives through the Yjs binding,
 * and mapped through local edits. Only for editors with the Collaboration extension.
 */

/** A thread to highlight: its anchor's encoded positions (a `CommentAnchor` plus the thread's id fits). */
export interface CommentAnchorHighlight {
  threadId: string;
  start: string;
  end: string;
}

export interface CommentAnchorsOptions {
  /** Called when a highlight is clicked (the innermost one, when highlights overlap). */
  onAnchorClick?: (threadId: string) => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentAnchors: {
      /** Replaces the highlighted threads; `activeThreadId` gets the stronger highlight. */
      setCommentAnchors: (anchors: readonly CommentAnchorHighlight[], activeThreadId?: string | null) => ReturnType;
    };
  }
}


const ANCHOR_CLASS = 'kh-comment-anchor';
const ACTIVE_CLASS = 'kh-comment-anchor--active';

interface DecodedAnchor {
  threadId: string;
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

interface CommentAnchorsState {
  anchors: readonly DecodedAnchor[];
  activeThreadId: string | null;
  decorations: DecorationSet;
}

interface SetAnchorsMeta {
  anchors: readonly CommentAnchorHighlight[];
  activeThreadId: string | null;
}

interface DecorationSpec {
  threadId: string;
}

export const commentAnchorsPluginKey = new PluginKey<CommentAnchorsState>('khCommentAnchors');

type Binding = Pick<ProsemirrorBinding, 'doc' | 'type' | 'mapping'>;

/** The Yjs binding of the editor's ySync plugin, or null without collaboration. */
function yBinding(state: EditorState): Binding | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding;
  return binding?.doc && binding.type && binding.mapping ? binding : null;
}

/** The ProseMirror position of a relative position in this editor's fragment, or null. */
function absolutePosition(binding: Binding, position: Y.RelativePosition): number | null {
  // Resolving a named root would create it in the document (`doc.get`) when it is not this fragment.
  if (position.tname !== null && (binding.doc.share.get(position.tname) as unknown) !== binding.type) return null;
  try {
    return relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping);
  } catch {
    return null;
  }
}

/** The current range of two relative positions; null when they do not resolve here, or the range is empty or holds no text. */
function resolveRange(state: EditorState, start: Y.RelativePosition, end: Y.RelativePosition): { from: number; to: number } | null {
  const binding = yBinding(state);
  if (!binding) return null;
  const from = absolutePosition(binding, start);
  const to = absolutePosition(binding, end);
  if (from === null || to === null || from < 0 || to > state.doc.content.size || from >= to) return null;
  return state.doc.textBetween(from, to, '', '') === '' ? null : { from, to };
}

function decorationsFor(state: EditorState, anchors: readonly DecodedAnchor[], activeThreadId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const anchor of anchors) {
    const range = resolveRange(state, anchor.start, anchor.end);
    if (!range) continue;
    const active = anchor.threadId === activeThreadId;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { nodeName: 'mark', class: active ? `${ANCHOR_CLASS} ${ACTIVE_CLASS}` : ANCHOR_CLASS, 'data-thread-id': anchor.threadId },
        { threadId: anchor.threadId, inclusiveStart: false, inclusiveEnd: false } satisfies DecorationSpec & Record<string, unknown>,
      ),
    );
  }
  return decorations.length === 0 ? DecorationSet.empty : DecorationSet.create(state.doc, decorations);
}

function decodeAnchors(anchors: readonly CommentAnchorHighlight[]): DecodedAnchor[] {
  const decoded: DecodedAnchor[] = [];
  for (const anchor of anchors) {
    if (typeof anchor?.threadId !== 'string') continue;
    const start = decodeAnchorPosition(anchor.start);
    const end = decodeAnchorPosition(anchor.end);
    if (start && end) decoded.push({ threadId: anchor.threadId, start, end });
  }
  return decoded;
}

/** Whether the transaction came from Yjs (a remote change, an undo, the first render): the positions must be read again. */
function fromYjs(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

export const CommentAnchors = Extension.create<CommentAnchorsOptions>({
  name: 'commentAnchors',

  addOptions() {
    return { onAnchorClick: undefined };
  },

  addCommands() {
    return {
      setCommentAnchors:
        (anchors, activeThreadId = null) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            tr.setMeta(commentAnchorsPluginKey, { anchors, activeThreadId } satisfies SetAnchorsMeta);
            tr.setMeta('addToHistory', false);
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<CommentAnchorsState>({
        key: commentAnchorsPluginKey,
        state: {
          init: () => ({ anchors: [], activeThreadId: null, decorations: DecorationSet.empty }),
          apply: (tr, value, _oldState, newState) => {
            const set = tr.getMeta(commentAnchorsPluginKey) as SetAnchorsMeta | undefined;
            if (set) {
              const anchors = decodeAnchors(set.anchors);
              return { anchors, activeThreadId: set.activeThreadId, decorations: decorationsFor(newState, anchors, set.activeThreadId) };
            }
            if (value.anchors.length === 0 || !tr.docChanged) return value;
            // Yjs rebuilt the document (and the binding's mapping is already the new one): resolve
            // the positions again. A local edit reaches Yjs only after this transaction, so the
            // mapping is still the old one: follow the edit's own step mapping instead.
            const decorations = fromYjs(tr)
              ? decorationsFor(newState, value.anchors, value.activeThreadId)
              : value.decorations.map(tr.mapping, tr.doc);
            return { ...value, decorations };
          },
        },
        props: {
          decorations: (state) => commentAnchorsPluginKey.getState(state)?.decorations ?? null,
          handleClick: (view, _pos, event) => {
            const target = event.target instanceof Element ? event.target.closest(`.${ANCHOR_CLASS}[data-thread-id]`) : null;
            const threadId = target && view.dom.contains(target) ? target.getAttribute('data-thread-id') : null;
            if (threadId) options.onAnchorClick?.(threadId);
            // The click still places the caret as usual.
            return false;
          },
        },
      }),
    ];
  },
});

/**
 * The anchor for the editor's current selection: its ends as encoded relative positions and the
 * selected text as the quote (at most 500 characters). Null when nothing (or no text) is
 * selected, or the editor is not collaborative. Works after the editor lost focus (e.g. to a
 * "Comment" button): the selection stays.
 */
export function selectionCommentAnchor(editor: Editor): CommentAnchor | null {
  if (editor.isDestroyed) return null;
  const { state } = editor;
  const { from, to, empty } = state.selection;
  if (empty || from >= to) return null;
  const binding = yBinding(state);
  if (!binding) return null;
  const quote = truncate(state.doc.textBetween(from, to, ' ', ' ').trim());
  if (quote === '') return null;
  try {
    const start = rangeStart(binding, from);
    const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping) as Y.RelativePosition;
    return { start: encodeRelativeAnchor(start), end: encodeRelativeAnchor(end), quote };
  } catch {
    return null;
  }
}

/**
 * The start of a range. y-tiptap ties every position to the character before it; a start is
 * better tied to the range's first character, so that text typed just before the range stays
 * out of it. Kept as is at the very start of the document (y-tiptap takes an item-bound
 * position there for a misresolved one) and at the end of a text.
 */
function rangeStart(binding: Binding, from: number): Y.RelativePosition {
  const position = absolutePositionToRelativePosition(from, binding.type, binding.mapping) as Y.RelativePosition;
  if (from <= 1) return position;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText) || absolute.index >= absolute.type.length) return position;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
}

function truncate(text: string): string {
  if (text.length <= COMMENT_LIMITS.quoteMax) return text;
  const cut = text.slice(0, COMMENT_LIMITS.quoteMax);
  // Do not leave half of a surrogate pair at the end.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Where an anchor is in the editor's text now, or null when it no longer resolves (or is empty). */
export function commentAnchorRange(editor: Editor, anchor: Pick<CommentAnchor, 'start' | 'end'>): { from: number; to: number } | null {
  if (editor.isDestroyed) return null;
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  return start && end ? resolveRange(editor.state, start, end) : null;
}

/** The threads whose highlights contain `pos` (default: the selection's head), innermost last. */
export function commentThreadsAt(editor: Editor, pos?: number): string[] {
  if (editor.isDestroyed) return [];
  const state = commentAnchorsPluginKey.getState(editor.state);
  if (!state) return [];
  const at = pos ?? editor.state.selection.head;
  return state.decorations
    .find(at, at, (spec: Partial<DecorationSpec>) => typeof spec.threadId === 'string')
    .filter((decoration) => decoration.from <= at && at <= decoration.to)
    .sort((a, b) => b.to - b.from - (a.to - a.from))
    .map((decoration) => (decoration.spec as DecorationSpec).threadId);
}

/**
 * Keyboard access to a thread's text: selects the highlighted range of `threadId` (set with
 * `setCommentAnchors`), scrolls it into view and moves focus to the text. False when the thread
 * has no highlight (its text is gone, or it is not set).
 */
export function focusCommentAnchor(editor: Editor, threadId: string): boolean {
  if (editor.isDestroyed) return false;
  const state = commentAnchorsPluginKey.getState(editor.state);
  const decoration = state?.decorations.find(undefined, undefined, (spec: Partial<DecorationSpec>) => spec.threadId === threadId)[0];
  if (!decoration) return false;
  const { view } = editor;
  const tr = view.state.tr.setSelection(TextSelection.create(view.state.doc, decoration.from, decoration.to)).scrollIntoView();
  view.dispatch(tr);
  view.focus();
  return true;
}
