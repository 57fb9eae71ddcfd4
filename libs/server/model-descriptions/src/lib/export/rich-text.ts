import {
  isSafeHref,
  type RichDoc,
  type RichMark,
  type RichNode,
} from '@kehittamo/shared/domain';

/**
 * Rich text (ProseMirror JSON) to plain text and Markdown, plus the node helpers the DOCX and PDF
 * renderers share. The content is untrusted: every accessor tolerates missing or malformed fields,
 * and links are only kept when `isSafeHref` allows them.
 */

/**
 * The editor never nests this deep; below it a node is flattened to its text instead of being
 * walked further, so hostile input cannot exhaust the stack.
 */
export const MAX_RICH_DEPTH = 48;

// ---------- node helpers ----------

function isRichNode(value: unknown): value is RichNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RichNode).type === 'string'
  );
}

export function childNodes(node: RichNode | RichDoc | undefined): RichNode[] {
  return node && Array.isArray(node.content)
    ? node.content.filter(isRichNode)
    : [];
}

function nodeText(node: RichNode): string {
  return typeof node.text === 'string' ? node.text : '';
}

function numberAttr(node: RichNode, name: string): number | undefined {
  const raw = node.attrs?.[name];
  // Only numbers and numeric strings: Number(null) and Number(true) would pass as 0 and 1.
  const value =
    typeof raw === 'number' || typeof raw === 'string' ? Number(raw) : NaN;
  return raw !== '' && Number.isFinite(value) ? Math.trunc(value) : undefined;
}

/** Heading level 1–6; anything else is clamped. */
export function headingLevel(node: RichNode): number {
  return Math.min(6, Math.max(1, numberAttr(node, 'level') ?? 1));
}

/** First number of an ordered list (1 when unset or nonsense). */
export function orderedListStart(node: RichNode): number {
  const start = numberAttr(node, 'start') ?? 1;
  return start >= 0 && start < 1_000_000 ? start : 1;
}

/** colspan/rowspan of a table cell, at least 1 and bounded so a hostile value cannot blow up a table. */
export function cellSpan(node: RichNode, name: 'colspan' | 'rowspan'): number {
  return Math.min(50, Math.max(1, numberAttr(node, name) ?? 1));
}

export function isListNode(node: RichNode): boolean {
  return node.type === 'bulletList' || node.type === 'orderedList';
}

/**
 * All text under a node, hard breaks and block boundaries as newlines; iterative so that depth
 * does not matter.
 */
export function flattenText(node: RichNode): string {
  let out = '';
  const stack: RichNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as RichNode;
    if (current.type === 'hardBreak') out += '\n';
    else if (current.type === 'text') out += nodeText(current);
    else {
      if (out !== '' && !out.endsWith('\n')) out += '\n';
      // pushed one by one: spreading a huge child list into push() can exceed the argument limit
      const children = childNodes(current);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}

/** True when the doc holds any visible text. */
export function isRichDocEmpty(doc: RichDoc | undefined): boolean {
  return childNodes(doc).every((node) => flattenText(node).trim() === '');
}

// ---------- links ----------

/**
 * The href of a link mark in the form every export writes it, or null when it is not safe.
 * Control characters are dropped and spaces, brackets and backslashes percent-encoded, so the
 * address cannot break out of Markdown link syntax.
 */
export function safeHref(mark: RichMark): string | null {
  const href = mark.attrs?.['href'];
  if (typeof href !== 'string' || !isSafeHref(href)) return null;
  const cleaned = href
    .trim()
    // eslint-disable-next-line no-control-regex -- isSafeHref ignores control characters, so they are dropped
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(
      /[\s()<>\\]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  return cleaned || null;
}

/** Whether an href works outside the web app (a DOCX or PDF has no site to resolve `/path` against). */
export function isAbsoluteHref(href: string): boolean {
  return /^(https?:|mailto:|tel:)/i.test(href);
}

// ---------- inline runs (shared by DOCX and PDF) ----------

export interface InlineRun {
  /** '\n' marks a hard break. */
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  code: boolean;
  /** Safe href (see safeHref), or null. */
  href: string | null;
}

function runStyle(marks: RichMark[] | undefined): Omit<InlineRun, 'text'> {
  const list = Array.isArray(marks)
    ? marks.filter((m) => typeof m?.type === 'string')
    : [];
  const has = (type: string) => list.some((m) => m.type === type);
  const link = list.find((m) => m.type === 'link');
  return {
    bold: has('bold'),
    italic: has('italic'),
    underline: has('underline'),
    strike: has('strike'),
    code: has('code'),
    href: link ? safeHref(link) : null,
  };
}

/** The styled runs of a text block (paragraph, heading); unknown inline nodes contribute their text. */
export function inlineRuns(block: RichNode): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of childNodes(block)) {
    if (node.type === 'hardBreak')
      runs.push({ text: '\n', ...runStyle(undefined) });
    else if (node.type === 'text')
      runs.push({ text: nodeText(node), ...runStyle(node.marks) });
    else runs.push({ text: flattenText(node), ...runStyle(undefined) });
  }
  return runs.filter((run) => run.text !== '');
}

// ---------- plain text ----------

/**
 * Plain text for pasting into Innokylä and for comparing versions: blocks separated by a blank
 * line, list items and table rows on consecutive lines ("- ", "1. ", cells joined with " | ").
 */
export function richToPlainText(doc: RichDoc): string {
  return tidyLines(plainBlocks(childNodes(doc), 0).join('\n\n'));
}

function plainBlocks(nodes: RichNode[], depth: number): string[] {
  return nodes
    .map((node) => plainBlock(node, depth))
    .filter((text): text is string => !!text && text.trim() !== '');
}

function plainBlock(node: RichNode, depth: number): string | null {
  if (depth > MAX_RICH_DEPTH) return flattenText(node);
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return plainInline(node);
    case 'bulletList':
    case 'orderedList':
      return plainList(node, depth);
    case 'table':
      return plainTable(node, depth);
    case 'horizontalRule':
    case 'hardBreak':
      return null;
    case 'text':
      return nodeText(node);
    default:
      // blockquote and anything unknown: their blocks, without decoration
      return plainBlocks(childNodes(node), depth + 1).join('\n\n');
  }
}

function plainInline(block: RichNode): string {
  return inlineRuns(block)
    .map((run) => run.text)
    .join('');
}

function plainList(list: RichNode, depth: number): string {
  const start = orderedListStart(list);
  return childNodes(list)
    .map((item, i) => {
      const marker = list.type === 'orderedList' ? `${start + i}. ` : '- ';
      return prefixLines(
        plainBlocks(childNodes(item), depth + 1).join('\n'),
        marker,
      );
    })
    .join('\n');
}

function plainTable(table: RichNode, depth: number): string {
  return childNodes(table)
    .map((row) =>
      childNodes(row)
        .map((cell) =>
          oneLine(plainBlocks(childNodes(cell), depth + 1).join(' ')),
        )
        .join(' | '),
    )
    .join('\n');
}

// ---------- Markdown ----------

export interface MarkdownOptions {
  /**
   * Added to every heading level, so that headings inside a section sit below the section's own
   * heading (a section under "## label" passes 2: the editor's h1 becomes ###). Capped at 6.
   */
  headingOffset?: number;
}

interface MdContext {
  headingOffset: number;
}

/** CommonMark/GFM Markdown. All text is escaped; no raw HTML is ever written. */
export function richToMarkdown(
  doc: RichDoc,
  options: MarkdownOptions = {},
): string {
  const ctx: MdContext = {
    headingOffset: Math.min(
      5,
      Math.max(0, Math.trunc(options.headingOffset ?? 0)),
    ),
  };
  return tidyLines(mdBlocks(childNodes(doc), ctx, 0).join('\n\n'));
}

function mdBlocks(nodes: RichNode[], ctx: MdContext, depth: number): string[] {
  const out: string[] = [];
  let previous: RichNode | undefined;
  for (const node of nodes) {
    // Two lists of the same kind in a row would merge into one in Markdown; a different marker keeps them apart.
    const alternate =
      !!previous && previous.type === node.type && isListNode(node);
    const text = mdBlock(node, ctx, depth, alternate);
    if (text && text.trim() !== '') {
      out.push(text);
      previous = node;
    }
  }
  return out;
}

function mdBlock(
  node: RichNode,
  ctx: MdContext,
  depth: number,
  alternateMarker = false,
): string | null {
  if (depth > MAX_RICH_DEPTH)
    return mdParagraphText(escapeMarkdown(flattenText(node)));
  switch (node.type) {
    case 'paragraph':
      return mdParagraphText(
        mdInline(node, { breaks: 'hard', inTable: false }),
      );
    case 'heading':
      return mdHeading(node, ctx);
    case 'bulletList':
    case 'orderedList':
      return mdList(node, ctx, depth, alternateMarker);
    case 'blockquote':
      return prefixEveryLine(
        mdBlocks(childNodes(node), ctx, depth + 1).join('\n\n'),
        '> ',
      );
    case 'horizontalRule':
      return '---';
    case 'table':
      return mdTable(node, depth);
    case 'hardBreak':
      return null;
    case 'text':
      return mdParagraphText(escapeMarkdown(nodeText(node)));
    default:
      return mdBlocks(childNodes(node), ctx, depth + 1).join('\n\n');
  }
}

function mdHeading(node: RichNode, ctx: MdContext): string | null {
  const text = mdInline(node, { breaks: 'space', inTable: false }).trim();
  if (!text) return null;
  return `${'#'.repeat(Math.min(6, headingLevel(node) + ctx.headingOffset))} ${escapeHeadingEnd(text)}`;
}

function mdList(
  list: RichNode,
  ctx: MdContext,
  depth: number,
  alternateMarker: boolean,
): string {
  const ordered = list.type === 'orderedList';
  const start = orderedListStart(list);
  const items = childNodes(list).map((item, i) => {
    const marker = ordered
      ? `${start + i}${alternateMarker ? ')' : '.'} `
      : alternateMarker
        ? '* '
        : '- ';
    const body = joinItemBlocks(childNodes(item), ctx, depth + 1);
    return body ? prefixLines(body, marker) : marker.trimEnd();
  });
  return items.join('\n');
}

/** A list item's blocks: a nested list follows its paragraph directly, so that the list stays tight. */
function joinItemBlocks(
  nodes: RichNode[],
  ctx: MdContext,
  depth: number,
): string {
  let out = '';
  for (const node of nodes) {
    const text = mdBlock(node, ctx, depth);
    if (!text || text.trim() === '') continue;
    out += out === '' ? text : `${isListNode(node) ? '\n' : '\n\n'}${text}`;
  }
  return out;
}

function mdTable(table: RichNode, depth: number): string | null {
  const rows = childNodes(table).map((row) =>
    childNodes(row).flatMap((cell) => {
      // GFM has no merged cells: a wide cell is followed by empty ones to keep the columns aligned.
      const padding = Array.from(
        { length: cellSpan(cell, 'colspan') - 1 },
        () => '',
      );
      return [mdCell(cell, depth + 1), ...padding];
    }),
  );
  const columns = rows.reduce((max, row) => Math.max(max, row.length), 0);
  if (rows.length === 0 || columns === 0) return null;
  const line = (cells: string[]) =>
    `| ${Array.from({ length: columns }, (_, i) => cells[i] || ' ').join(' | ')} |`.replace(
      / {2,}\|/g,
      ' |',
    );
  // GFM needs a header row; the editor's first row is the header row by convention.
  const [header, ...body] = rows;
  return [
    line(header),
    line(Array.from({ length: columns }, () => '---')),
    ...body.map(line),
  ].join('\n');
}

function mdCell(cell: RichNode, depth: number): string {
  return childNodes(cell)
    .map((block) =>
      (block.type === 'paragraph' || block.type === 'heading') &&
      depth <= MAX_RICH_DEPTH
        ? mdInline(block, { breaks: 'space', inTable: true })
        : escapeMarkdown(flattenText(block)),
    )
    .map(oneLine)
    .filter((text) => text !== '')
    .join(' ');
}

// ----- inline Markdown -----

interface InlineOptions {
  /** How a hard break is written: a Markdown hard break, or a space where a line must stay one line. */
  breaks: 'hard' | 'space';
  /** Inside a GFM table a pipe must be escaped even within a code span. */
  inTable: boolean;
}

/** A Markdown delimiter pair; marks with equal keys continue across adjacent text nodes. */
interface MdDelimiter {
  key: string;
  open: string;
  close: string;
}

/** Delimiters of a run, outermost first. Underline has no Markdown form and is dropped. */
function delimitersOf(run: InlineRun): MdDelimiter[] {
  const out: MdDelimiter[] = [];
  if (run.href)
    out.push({ key: `link ${run.href}`, open: '[', close: `](${run.href})` });
  if (run.bold) out.push({ key: 'bold', open: '**', close: '**' });
  if (run.italic) out.push({ key: 'italic', open: '*', close: '*' });
  if (run.strike) out.push({ key: 'strike', open: '~~', close: '~~' });
  return out;
}

/**
 * Inline content with a stack of open delimiters, so that "**a** **b**" in two text nodes becomes
 * "**a b**" rather than "**a****b**", and whitespace at a run's edges is moved outside the
 * delimiters (CommonMark does not close "**a **").
 */
function mdInline(block: RichNode, options: InlineOptions): string {
  const breakText = options.breaks === 'hard' ? '\\\n' : ' ';
  const stack: MdDelimiter[] = [];
  let out = '';
  let pending = '';
  for (const run of splitNewlines(inlineRuns(block))) {
    if (run.text === '\n') {
      pending += breakText;
      continue;
    }
    const { lead, core, trail } = splitEdgeWhitespace(run.text);
    if (core === '') {
      pending += lead;
      continue;
    }
    const wanted = delimitersOf(run);
    const keep = stack.findIndex((d) => !wanted.some((w) => w.key === d.key));
    if (keep >= 0) out += closeFrom(stack, keep);
    // Leading breaks or spaces would start the paragraph with a stray backslash or indentation.
    out += out === '' ? '' : pending + lead;
    pending = '';
    for (const d of wanted) {
      if (!stack.some((s) => s.key === d.key)) {
        out += d.open;
        stack.push(d);
      }
    }
    out += run.code ? codeSpan(core, options.inTable) : escapeMarkdown(core);
    pending = trail;
  }
  return out + closeFrom(stack, 0);
}

/** Leading whitespace, the rest, trailing whitespace (without a backtracking regex: text can be long). */
function splitEdgeWhitespace(text: string): {
  lead: string;
  core: string;
  trail: string;
} {
  const core = text.trim();
  if (core === '') return { lead: text, core, trail: '' };
  const start = text.length - text.trimStart().length;
  return {
    lead: text.slice(0, start),
    core,
    trail: text.slice(start + core.length),
  };
}

function closeFrom(stack: MdDelimiter[], index: number): string {
  const closed = stack.splice(index);
  return closed
    .reverse()
    .map((d) => d.close)
    .join('');
}

/** Newlines inside a text node are treated as hard breaks. */
function splitNewlines(runs: InlineRun[]): InlineRun[] {
  return runs.flatMap((run) =>
    run.text === '\n' || !run.text.includes('\n')
      ? [run]
      : run.text.split(/\r?\n/).flatMap((text, i) =>
          i === 0
            ? [{ ...run, text }]
            : [
                { ...run, text: '\n' },
                { ...run, text },
              ],
        ),
  );
}

function codeSpan(text: string, inTable: boolean): string {
  let content = text.replace(/\s+/g, ' ');
  if (inTable) content = content.replace(/\|/g, '\\|');
  const longestTicks = (content.match(/`+/g) ?? []).reduce(
    (max, ticks) => Math.max(max, ticks.length),
    0,
  );
  const fence = '`'.repeat(longestTicks + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * Escapes text so that it is shown literally: emphasis, code, link, HTML/autolink, table and
 * strikethrough characters everywhere, and entity references. Line-start markers (headings, list
 * items) are handled per line by mdParagraphText.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/**
 * Escapes what would turn a line of a paragraph into another block: ATX heading, list item,
 * setext underline or thematic break. Leading indentation (a code block) is dropped.
 */
export function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  if (/^(#{1,6}|[-+])(\s|$)/.test(trimmed) || /^[-=]+$/.test(trimmed.trimEnd()))
    return `\\${trimmed}`;
  return trimmed.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A trailing "#" of a heading would be read as its optional closing sequence and dropped. */
export function escapeHeadingEnd(text: string): string {
  return text.endsWith('#') ? `${text.slice(0, -1)}\\#` : text;
}

function mdParagraphText(text: string): string | null {
  const result = text.split('\n').map(escapeLineStart).join('\n');
  return result.trim() === '' ? null : result;
}

// ---------- shared text utilities ----------

/** Puts a list marker before the first line and indents the rest by its width. */
function prefixLines(text: string, marker: string): string {
  const indent = ' '.repeat(marker.length);
  return text
    .split('\n')
    .map((line, i) =>
      i === 0 ? marker + line : line === '' ? '' : indent + line,
    )
    .join('\n');
}

function prefixEveryLine(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? prefix.trimEnd() : prefix + line))
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** No trailing spaces, at most one blank line in a row, no blank lines at either end. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
