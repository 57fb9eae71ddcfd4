import { MATERIAL_LIMITS } from '@kehittamo/shared/domain';

/** Control characters (PostgreSQL text refuses NUL) and unpaired surrogates: dropped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const WHITESPACE = /\s+/gu;

/**
 * Collects extracted text as it is read: whitespace collapsed to single spaces, one paragraph a
 * line, no empty lines, at most `max` characters. Once full it ignores further input, so readers
 * can stop early (`full`) instead of reading a huge document to the end.
 */
export class TextBuilder {
  private readonly paragraphs: string[] = [];
  private current = '';
  private pendingSpace = false;
  /** Length of the finished paragraphs with their separating newlines. */
  private finishedLength = 0;

  constructor(private readonly max: number = MATERIAL_LIMITS.extractedTextMax) {}

  get full(): boolean {
    return this.length >= this.max;
  }

  private get length(): number {
    return this.finishedLength + (this.paragraphs.length > 0 && this.current ? 1 : 0) + this.current.length;
  }

  /** Raw text: its whitespace is collapsed; it joins the previous text without a space unless it has one. */
  append(raw: string): void {
    if (this.full || raw.length === 0) return;
    const text = raw.replace(UNWANTED, '').replace(WHITESPACE, ' ');
    if (text.length === 0) return;
    const leading = text.startsWith(' ');
    const trailing = text.endsWith(' ');
    const words = text.trim();
    if (words.length > 0) {
      if (this.current && (this.pendingSpace || leading)) this.current += ' ';
      this.current += words;
      this.pendingSpace = trailing;
    } else {
      this.pendingSpace = true;
    }
  }

  /** A word separator (a tab, a gap in a PDF line). */
  space(): void {
    this.pendingSpace = true;
  }

  /** Ends the current paragraph (or line); empty paragraphs leave no trace. */
  endParagraph(): void {
    this.pendingSpace = false;
    if (!this.current) return;
    this.finishedLength += (this.paragraphs.length > 0 ? 1 : 0) + this.current.length;
    this.paragraphs.push(this.current);
    this.current = '';
  }

  toString(): string {
    const all = this.current ? [...this.paragraphs, this.current] : this.paragraphs;
    return cutAt(all.join('\n'), this.max);
  }
}

/** The first `max` UTF-16 units, never splitting a surrogate pair. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, end).trimEnd();
}
