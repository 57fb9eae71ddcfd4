import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { COMMENT_LIMITS } from '@kehittamo/shared/domain';

/**
 * Comment anchors: a text range in a model part kept as two Yjs relative positions, so that the
 * range follows everyone's concurrent edits (text typed before it moves it, text typed inside
 * it grows it, deleting it empties it). The positions travel as base64 strings
 * (`CommentAnchor.start` / `end`); lib0's base64 works in the browser and in Node alike.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The relative position of `index` in `type` (a character index in a Y.XmlText, a child index
 * in an element or fragment), as base64. `assoc` < 0 ties it to the character before (use it
 * for a range's end, so text typed right after the range stays outside), otherwise to the one
 * after. `type` must be part of a document.
 */
export function encodeAnchorPosition(type: AnyType, index: number, assoc = 0): string {
  return encodeRelativeAnchor(Y.createRelativePositionFromTypeIndex(type, index, assoc));
}

/** A relative position as it travels in an anchor (base64), e.g. one y-prosemirror made from a selection. */
export function encodeRelativeAnchor(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/**
 * A position from `encodeAnchorPosition`, or null for anything else: not a string, too long
 * (`COMMENT_LIMITS.anchorMax`), not canonical base64, or bytes that are not exactly one
 * encoded position. Never throws: anchors come from clients.
 */
export function decodeAnchorPosition(value: unknown): Y.RelativePosition | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > COMMENT_LIMITS.anchorMax || !BASE64.test(value)) return null;
  try {
    const position = Y.decodeRelativePosition(fromBase64(value));
    if (position.item === null && position.type === null && position.tname === null) return null;
    // Trailing or malformed bytes would not survive the round trip.
    return encodeRelativeAnchor(position) === value ? position : null;
  } catch {
    return null;
  }
}

/** Whether `type` is `fragment` or inside it, with nothing on the way deleted. */
function within(type: AnyType, fragment: Y.XmlFragment): boolean {
  for (let t: AnyType | null = type; t; ) {
    if (t._item?.deleted) return false;
    if (t === fragment) return true;
    const parent: AnyType | Y.ID | null | undefined = t._item?.parent;
    t = parent instanceof Y.AbstractType ? parent : null;
  }
  return false;
}

// Stands in for an embedded object while counting (each counts as one position in Yjs).
const OBJECT = '\uFFFC';

/**
 * The fragment's text in document order, with where each position falls in it: text blocks
 * (paragraphs, headings, list item paragraphs) separated by "\n", hard breaks as "\n".
 */
function linearize(fragment: Y.XmlFragment): { text: string; offset: (type: AnyType, index: number) => number | null } {
  let text = '';
  let blocks = 0;
  const textStarts = new Map<AnyType, number>();
  const childStarts = new Map<AnyType, number[]>();
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    const starts: number[] = [];
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        starts.push(text.length);
        textStarts.set(child, text.length);
        for (const op of child.toDelta() as { insert: unknown }[]) text += typeof op.insert === 'string' ? op.insert : OBJECT;
      } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
        starts.push(text.length);
        text += '\n';
      } else if (child instanceof Y.XmlElement) {
        const container = child.toArray().some((c) => c instanceof Y.XmlElement && c.nodeName !== 'hardBreak');
        // A text block starts a line of its own; a container (list, table, quote) only holds blocks.
        if (!container && blocks++ > 0) text += '\n';
        starts.push(text.length);
        walk(child);
      } else starts.push(text.length);
    }
    starts.push(text.length);
    childStarts.set(parent, starts);
  };
  walk(fragment);
  const offset = (type: AnyType, index: number): number | null => {
    const start = textStarts.get(type);
    if (start !== undefined) return start + index;
    return childStarts.get(type)?.[index] ?? null;
  };
  return { text, offset };
}

/**
 * The text a comment anchor covers now: from `start` to `end` in `fragment`, in document order
 * (blocks separated by "\n"). Null when it cannot be told: a position does not decode, is not
 * known in the document (yet), points outside this fragment or into deleted content, or the
 * range is empty or only whitespace (its text was deleted) — then the thread shows its quote.
 */
export function resolveAnchorText(fragment: Y.XmlFragment, anchor: { start: string; end: string }): string | null {
  const doc = fragment.doc;
  if (!doc) return null;
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  if (!start || !end) return null;
  const absolute = (position: Y.RelativePosition) => {
    // Resolving a named root would create it (`doc.get`) when it is not this fragment.
    if (position.tname !== null && doc.share.get(position.tname) !== (fragment as AnyType)) return null;
    try {
      // Without following undone deletions, as every client would resolve it.
      const result = Y.createAbsolutePositionFromRelativePosition(position, doc, false);
      return result && within(result.type, fragment) ? result : null;
    } catch {
      return null;
    }
  };
  const from = absolute(start);
  const to = absolute(end);
  if (!from || !to) return null;
  const { text, offset } = linearize(fragment);
  const a = offset(from.type, from.index);
  const b = offset(to.type, to.index);
  if (a === null || b === null || b <= a) return null;
  const covered = text.slice(a, b).replaceAll(OBJECT, '');
  return covered.trim().length > 0 ? covered : null;
}
