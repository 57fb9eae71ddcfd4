import type * as Y from 'yjs';

/** One contiguous replacement: delete `remove` UTF-16 units at `index`, then insert `insert` there. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single replacement that turns `previous` into `next`, found by their common
 * prefix and suffix — what one keystroke, paste, cut or autocorrect in a textarea does.
 * Never splits a surrogate pair (an emoji), so Y.Text never holds half a character.
 * Null when the texts are equal.
 */
export function diffText(previous: string, next: string): TextChange | null {
  if (previous === next) return null;
  const shorter = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < shorter && previous.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(previous.charCodeAt(prefix - 1))) prefix--;

  let suffix = 0;
  const maxSuffix = shorter - prefix;
  while (
    suffix < maxSuffix &&
    previous.charCodeAt(previous.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(previous.charCodeAt(previous.length - suffix))) suffix--;

  return {
    index: prefix,
    remove: previous.length - prefix - suffix,
    insert: next.slice(prefix, next.length - suffix),
  };
}

/**
 * Applies the textarea's new value to `text` as one delete + insert in one transaction.
 * `previous` must be what the textarea showed before the edit (= `text` at that moment).
 * @returns whether anything changed.
 */
export function applyTextareaValue(text: Y.Text, previous: string, next: string, origin: unknown): boolean {
  const change = diffText(previous, next);
  const doc = text.doc;
  if (!change || !doc) return false;
  doc.transact(() => {
    if (change.remove > 0) text.delete(change.index, change.remove);
    if (change.insert) text.insert(change.index, change.insert);
  }, origin);
  return true;
}

/** One entry of a Y.Text change delta (`event.delta`). */
export interface TextDeltaOp {
  retain?: number;
  insert?: string | object;
  delete?: number;
}

/**
 * Where a caret (or one end of a selection) at `position` goes when a remote change
 * (`delta`) is applied around it: text inserted before it pushes it right, text deleted
 * before it pulls it left, text inserted exactly at it stays after it — so the local
 * user keeps typing where they were.
 */
export function mapPosition(position: number, delta: readonly TextDeltaOp[]): number {
  let index = 0; // position in the text as it is being transformed
  let result = position;
  for (const op of delta) {
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < result) result += length;
      index += length;
    } else if (op.delete !== undefined) {
      if (index < result) result -= Math.min(op.delete, result - index);
    }
    if (index > result) break;
  }
  return result;
}
