import { COMMENT_LIMITS } from './comments';

/**
 * The comment body format: a small Markdown subset, stored as its source text and rendered from
 * the parsed tree (never as HTML, so markup in a comment is only ever shown as text).
 *
 * - Paragraphs are separated by blank lines; a single line break inside one is a `break`.
 * - Consecutive lines starting with `- ` or `* ` form a list; each line is one item.
 * - Inline: `**bold**`, `*italic*`, `_italic_` (bold and italic may hold each other),
 *   `[text](url)`, bare `https://…` / `http://…` addresses and mentions
 *   `@[Display name](user:<uuid>)`.
 * - Everything else, unclosed markers and HTML included, is literal text.
 * - Links may only point to `http:`, `https:` or `mailto:` addresses without whitespace,
 *   quotes, `<`, `>` or backslashes; any other `[text](url)` stays literal text (and
 *   `commentBodyProblems` refuses it), so a parsed tree never holds a script or data link.
 */

export type CommentInline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: CommentInline[] }
  | { type: 'italic'; children: CommentInline[] }
  | { type: 'link'; href: string; children: CommentInline[] }
  | { type: 'mention'; userId: string; name: string }
  | { type: 'break' };

export type CommentBlock =
  | { type: 'paragraph'; children: CommentInline[] }
  | { type: 'list'; items: CommentInline[][] };

/** The token a mention is written as in the source: `@[Display name](user:<uuid>)`. */
export function mentionToken(user: { id: string; displayName: string }): string {
  return `@[${user.displayName.replace(/[[\]]/g, '')}](user:${user.id})`;
}

// URL characters taken as they are (RFC 3986 plus letters and digits of any script, for
// addresses typed with "ä"). Quotes, whitespace, `<`, `>`, backslashes and backticks are left
// out: none is needed in a real address and each has been used to break out of an attribute.
const URL_CHAR = "[\\p{L}\\p{N}\\-._~:/?#@!$&()*+,;=%]";
const SAFE_HREF = new RegExp(`^(?:https?://[\\p{L}\\p{N}]${URL_CHAR}*|mailto:${URL_CHAR}+)$`, 'iu');
const BARE_URL = new RegExp(`https?://[\\p{L}\\p{N}]${URL_CHAR}*`, 'iuy');
/** `[text](url)`: the url may hold one level of balanced parentheses (Wikipedia addresses). */
const LINK_SOURCE = '\\[([^\\[\\]\\n]+)\\]\\(((?:[^()\\n]|\\([^()\\n]*\\))*)\\)';
const LINK = new RegExp(LINK_SOURCE, 'y');
const ANY_LINK = new RegExp(LINK_SOURCE.replace('+)\\]', '*)\\]'), 'g');
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const MENTION = new RegExp(`@\\[([^\\[\\]\\n]*)\\]\\(user:(${UUID})\\)`, 'y');
const MENTION_TARGET = new RegExp(`^user:${UUID}$`);
const LIST_ITEM = /^[ \t]{0,3}[-*][ \t]+(.*)$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
// C0 and C1 control characters except tab and line feed; a carriage return is accepted only
// as part of a CRLF line break (what some clients send from a text area).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The href a link gets, or null when it is refused: http(s) with a host, or mailto. */
function safeHref(url: string): string | null {
  const href = url.trim();
  if (!SAFE_HREF.test(href)) return null;
  const colon = href.indexOf(':');
  // A lower-case scheme, so that whoever checks the tree later needs no case folding.
  return href.slice(0, colon).toLowerCase() + href.slice(colon);
}

/** What may appear where: no links inside link text, no bold directly inside bold, etc. */
interface Allowed {
  links: boolean;
  bold: boolean;
  italic: boolean;
}

interface ParseState {
  /** Link syntax whose target was refused (and so left as text). */
  unsafeLinks: number;
}

function push(out: CommentInline[], text: string): void {
  if (text.length === 0) return;
  const last = out[out.length - 1];
  if (last && last.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** Where the `**` closing one opened just before `from` is, or -1 (never across a line). */
function boldCloser(text: string, from: number): number {
  for (let j = from + 1; j < text.length - 1; j++) {
    if (text[j] === '\n') return -1;
    if (text[j] === '*' && text[j + 1] === '*' && !SPACE.test(text[j - 1])) {
      // `***both***`: the last two stars close the bold, the one before closes an italic inside it.
      while (text[j + 2] === '*') j++;
      return j;
    }
  }
  return -1;
}

/** Where the `*` or `_` closing one opened just before `from` is, or -1. */
function italicCloser(text: string, from: number, marker: string): number {
  for (let j = from + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\n') return -1;
    // `**` inside `*…*` belongs to a bold run, not to this one.
    if (marker === '*' && ch === '*' && text[j + 1] === '*') {
      j++;
      continue;
    }
    if (ch !== marker || SPACE.test(text[j - 1])) continue;
    // snake_case_words are not italics.
    if (marker === '_' && j + 1 < text.length && WORD_CHAR.test(text[j + 1])) continue;
    return j;
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** A bare address without the punctuation that ends the sentence around it. */
function trimBareUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if ('.,;:!?'.includes(last)) end--;
    else if (last === ')') {
      const part = url.slice(0, end);
      if (part.split('(').length >= part.split(')').length) break;
      end--;
    } else break;
  }
  return url.slice(0, end);
}

function parseInline(text: string, allowed: Allowed, state: ParseState): CommentInline[] {
  const out: CommentInline[] = [];
  // Where a failed search for a closing marker stopped (the line end): a later opener on that
  // line would fail the same way, and searching again would make "*a *a *a …" quadratic.
  const unclosedUntil: Record<string, number> = { '**': -1, '*': -1, _: -1 };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      out.push({ type: 'break' });
      i++;
      continue;
    }
    if (allowed.links) {
      if (ch === '@' && text[i + 1] === '[') {
        MENTION.lastIndex = i;
        const m = MENTION.exec(text);
        if (m && m[1].trim().length > 0) {
          out.push({ type: 'mention', userId: m[2].toLowerCase(), name: m[1].trim() });
          i += m[0].length;
          continue;
        }
      }
      if (ch === '[') {
        LINK.lastIndex = i;
        const m = LINK.exec(text);
        if (m) {
          const href = safeHref(m[2]);
          if (href) out.push({ type: 'link', href, children: parseInline(m[1], { links: false, bold: true, italic: true }, state) });
          else {
            // Kept exactly as written, without looking inside: no part of a refused link becomes a link.
            push(out, m[0]);
            state.unsafeLinks++;
          }
          i += m[0].length;
          continue;
        }
      }
      if ((ch === 'h' || ch === 'H') && (i === 0 || !WORD_CHAR.test(text[i - 1]))) {
        BARE_URL.lastIndex = i;
        const m = BARE_URL.exec(text);
        const url = m ? trimBareUrl(m[0]) : '';
        const href = url && safeHref(url);
        if (href) {
          out.push({ type: 'link', href, children: [{ type: 'text', text: url }] });
          i += url.length;
          continue;
        }
      }
    }
    if (ch === '*' && text[i + 1] === '*' && allowed.bold && i + 2 < text.length && !SPACE.test(text[i + 2]) && i >= unclosedUntil['**']) {
      const close = boldCloser(text, i + 2);
      if (close > i + 2) {
        out.push({ type: 'bold', children: parseInline(text.slice(i + 2, close), { ...allowed, bold: false }, state) });
        i = close + 2;
        continue;
      }
      unclosedUntil['**'] = lineEnd(text, i);
    }
    if (
      (ch === '*' || ch === '_') &&
      allowed.italic &&
      i + 1 < text.length &&
      text[i + 1] !== ch &&
      !SPACE.test(text[i + 1]) &&
      (ch === '*' || i === 0 || !WORD_CHAR.test(text[i - 1])) &&
      i >= unclosedUntil[ch]
    ) {
      const close = italicCloser(text, i + 1, ch);
      if (close > i + 1) {
        out.push({ type: 'italic', children: parseInline(text.slice(i + 1, close), { ...allowed, italic: false }, state) });
        i = close + 1;
        continue;
      }
      unclosedUntil[ch] = lineEnd(text, i);
    }
    push(out, ch);
    i++;
  }
  return out;
}

function parse(source: string, state: ParseState): CommentBlock[] {
  const all: Allowed = { links: true, bold: true, italic: true };
  const blocks: CommentBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n'), all, state) });
    paragraph = [];
  };
  const endList = () => {
    if (items.length > 0) blocks.push({ type: 'list', items: items.map((item) => parseInline(item, all, state)) });
    items = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim().length === 0) {
      endParagraph();
      endList();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      endParagraph();
      items.push(item[1].trim());
    } else {
      endList();
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  endList();
  return blocks;
}

/**
 * The blocks of a comment. Never fails: whatever is not the format's syntax, and every link
 * whose target is not http(s) or mailto, comes back as text.
 */
export function parseCommentBody(source: string): CommentBlock[] {
  return parse(source, { unsafeLinks: 0 });
}

function walkInline(nodes: CommentInline[], visit: (node: CommentInline) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.type === 'bold' || node.type === 'italic' || node.type === 'link') walkInline(node.children, visit);
  }
}

function walkBlocks(blocks: CommentBlock[], visit: (node: CommentInline) => void): void {
  for (const block of blocks) {
    if (block.type === 'paragraph') walkInline(block.children, visit);
    else block.items.forEach((item) => walkInline(item, visit));
  }
}

function mentionIds(blocks: CommentBlock[]): string[] {
  const ids = new Set<string>();
  walkBlocks(blocks, (node) => {
    if (node.type === 'mention') ids.add(node.userId);
  });
  return [...ids];
}

/**
 * English problems with the source (empty when it is acceptable): empty, too long, control
 * characters (other than tab and line breaks), links to anything but http(s) or mailto, and
 * more than `COMMENT_LIMITS.mentionsMax` people mentioned.
 */
export function commentBodyProblems(source: string, maxLength: number = COMMENT_LIMITS.bodyMax): string[] {
  const problems: string[] = [];
  if (source.trim().length === 0) problems.push('must not be empty');
  if (source.length > maxLength) problems.push(`must be at most ${maxLength} characters`);
  if (CONTROL.test(source.replace(/\r\n/g, '\n'))) problems.push('must not contain control characters');
  const state: ParseState = { unsafeLinks: 0 };
  const blocks = parse(source, state);
  // Also the raw text: link syntax the parser took apart (e.g. across emphasis) is refused too.
  const unsafeRaw = [...source.matchAll(ANY_LINK)].some((m) => {
    const mention = m.index > 0 && source[m.index - 1] === '@' && MENTION_TARGET.test(m[2]);
    return !mention && safeHref(m[2]) === null;
  });
  if (state.unsafeLinks > 0 || unsafeRaw) problems.push('links may only use http, https or mailto');
  if (mentionIds(blocks).length > COMMENT_LIMITS.mentionsMax) problems.push(`must mention at most ${COMMENT_LIMITS.mentionsMax} people`);
  return problems;
}

/** Ids of the users mentioned (lower case), each once, in order of first mention. */
export function commentMentionIds(source: string): string[] {
  return mentionIds(parseCommentBody(source));
}

function inlineText(nodes: CommentInline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'break':
          return '\n';
        case 'mention':
          return `@${node.name}`;
        default:
          return inlineText(node.children);
      }
    })
    .join('');
}

/**
 * The text without formatting, for search, excerpts and e-mail: mentions as `@Name`, links as
 * their text, list items on lines of their own, blocks separated by a blank line.
 */
export function commentPlainText(source: string): string {
  return parseCommentBody(source)
    .map((block) => (block.type === 'paragraph' ? inlineText(block.children) : block.items.map(inlineText).join('\n')))
    .join('\n\n');
}
