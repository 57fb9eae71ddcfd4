import PDFDocument from 'pdfkit';
import {
  MODEL_SECTION_KEYS,
  type RichDoc,
  type RichNode,
} from '@kehittamo/shared/domain';
import {
  EMPTY_FIELD,
  EXPORT_LABELS,
  EXPORT_LOCALES,
  basicFactRows,
  type BasicFactRow,
  type ModelExportInput,
} from './export-input';
import {
  MAX_RICH_DEPTH,
  childNodes,
  flattenText,
  headingLevel,
  inlineRuns,
  isAbsoluteHref,
  isRichDocEmpty,
  orderedListStart,
  safeHref,
  type InlineRun,
} from './rich-text';

/**
 * A4 PDF of the model description with pdfkit's standard Helvetica fonts (no font files of our
 * own are read). Pages are buffered so that "n / total" can be written in every footer at the end.
 */
export function renderPdf(input: ModelExportInput): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: PAGE_MARGINS,
      bufferPages: true,
      pdfVersion: '1.7',
      lang: EXPORT_LOCALES[input.language],
      displayTitle: true,
      info: {
        Title: metadataText(input.name),
        Author: metadataText(input.content.facts?.authors) || 'Kehittämö',
        Subject: metadataText(input.content.facts?.summary),
        Keywords: metadataText(input.tags.join(', ')),
        Creator: 'Kehittämö',
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      writeDescription(doc, input);
      writePageFooters(doc, EXPORT_LABELS[input.language].exportedFrom);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

// ---------- layout ----------

const PAGE_MARGINS = { top: 56, bottom: 64, left: 60, right: 60 };
const BODY_SIZE = 10.5;
const LINE_GAP = 2;
const PARAGRAPH_GAP = 6;
const TEXT_COLOR = '#1a1a1a';
const MUTED_COLOR = '#555555';
const LINK_COLOR = '#0b5cad';
const RULE_COLOR = '#bbbbbb';
/** Sizes of heading levels 1–6. */
const HEADING_SIZES = [17, 14, 12.5, 11.5, 11, 10.5];
const LIST_INDENT = 16;
const FACT_LABEL_WIDTH = 150;

type Doc = PDFKit.PDFDocument;

/** Where a block is written: its left edge and width, which lists and quotes narrow. */
interface Box {
  x: number;
  width: number;
  /** Added to rich headings' levels so they sit below the section's heading. */
  headingOffset: number;
  listDepth: number;
  quoted: boolean;
}

function fullBox(doc: Doc, headingOffset: number): Box {
  const { left, right } = doc.page.margins;
  return {
    x: left,
    width: doc.page.width - left - right,
    headingOffset,
    listDepth: 0,
    quoted: false,
  };
}

function indented(box: Box, by: number, changes: Partial<Box> = {}): Box {
  return {
    ...box,
    x: box.x + by,
    width: Math.max(60, box.width - by),
    ...changes,
  };
}

/** Starts a new page unless `height` points still fit on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

function lineHeight(doc: Doc, size: number): number {
  doc.fontSize(size);
  return doc.currentLineHeight(true) + LINE_GAP;
}

// ---------- document ----------

function writeDescription(doc: Doc, input: ModelExportInput): void {
  const labels = EXPORT_LABELS[input.language];
  writeHeading(doc, fullBox(doc, 0), input.name || EMPTY_FIELD, 0);
  writeHeading(doc, fullBox(doc, 0), labels.basicFacts, 1);
  for (const row of basicFactRows(input)) writeFact(doc, row);
  for (const key of MODEL_SECTION_KEYS) {
    writeHeading(doc, fullBox(doc, 0), labels[key], 1);
    writeRichBody(doc, input.content.sections?.[key], 1);
  }
  writeHeading(doc, fullBox(doc, 0), labels.structure, 1);
  const steps = input.content.structure ?? [];
  if (steps.length === 0) writePlain(doc, fullBox(doc, 0), EMPTY_FIELD);
  steps.forEach((step, i) => {
    writeHeading(
      doc,
      fullBox(doc, 0),
      `${i + 1}. ${step.title || EMPTY_FIELD}`,
      2,
    );
    writeRichBody(doc, step.body, 2);
  });
}

/** Level 0 is the document title. Keeps the heading with at least a few lines of what follows. */
function writeHeading(doc: Doc, box: Box, text: string, level: number): void {
  const size = level === 0 ? 22 : HEADING_SIZES[Math.min(6, level) - 1];
  const height = lineHeight(doc, size);
  ensureSpace(doc, height * 2 + lineHeight(doc, BODY_SIZE) * 3);
  doc.y += level <= 1 && doc.y > doc.page.margins.top ? size * 0.6 : size * 0.3;
  doc
    .font('Helvetica-Bold')
    .fontSize(size)
    .fillColor(TEXT_COLOR)
    .text(pdfText(oneLine(text)), box.x, doc.y, {
      width: box.width,
      lineGap: LINE_GAP,
    });
  doc.y += size * 0.35;
}

/** A basic fact: the label in a column of its own, the value beside it. */
function writeFact(doc: Doc, row: BasicFactRow): void {
  const box = fullBox(doc, 0);
  ensureSpace(doc, lineHeight(doc, BODY_SIZE) * 2);
  const top = doc.y;
  const page = doc.page;
  doc.font('Helvetica-Bold').fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
  doc.text(pdfText(row.label), box.x, top, {
    width: FACT_LABEL_WIDTH - 10,
    lineGap: LINE_GAP,
  });
  const labelBottom = doc.y;
  const href = row.url
    ? safeHref({ type: 'link', attrs: { href: row.value } })
    : null;
  const link = href && isAbsoluteHref(href) ? href : null;
  doc
    .font('Helvetica')
    .fillColor(link ? LINK_COLOR : TEXT_COLOR)
    .text(pdfText(row.value || EMPTY_FIELD), box.x + FACT_LABEL_WIDTH, top, {
      width: box.width - FACT_LABEL_WIDTH,
      lineGap: LINE_GAP,
      link,
      underline: !!link,
    });
  // A long value may have moved on to the next page, where the label's bottom means nothing.
  doc.y = (doc.page === page ? Math.max(labelBottom, doc.y) : doc.y) + 3;
}

function writeRichBody(
  doc: Doc,
  body: RichDoc | undefined,
  headingOffset: number,
): void {
  const box = fullBox(doc, headingOffset);
  if (isRichDocEmpty(body)) writePlain(doc, box, EMPTY_FIELD);
  else writeBlocks(doc, childNodes(body), box, 0);
}

// ---------- rich text ----------

function writeBlocks(
  doc: Doc,
  nodes: RichNode[],
  box: Box,
  depth: number,
): void {
  for (const node of nodes) writeBlock(doc, node, box, depth);
}

function writeBlock(doc: Doc, node: RichNode, box: Box, depth: number): void {
  if (depth > MAX_RICH_DEPTH) return writePlain(doc, box, flattenText(node));
  switch (node.type) {
    case 'paragraph':
      return writeRuns(doc, box, inlineRuns(node));
    case 'heading':
      return writeHeading(
        doc,
        box,
        flattenText(node),
        Math.min(6, headingLevel(node) + box.headingOffset),
      );
    case 'bulletList':
    case 'orderedList':
      return writeList(doc, node, box, depth);
    case 'blockquote':
      return writeBlocks(
        doc,
        childNodes(node),
        indented(box, LIST_INDENT, { quoted: true }),
        depth + 1,
      );
    case 'horizontalRule':
      return writeRule(doc, box);
    case 'table':
      return writeTable(doc, node, box);
    case 'hardBreak':
      return;
    case 'text':
      return writePlain(doc, box, flattenText(node));
    default:
      return writeBlocks(doc, childNodes(node), box, depth + 1);
  }
}

function writePlain(doc: Doc, box: Box, text: string): void {
  writeRuns(doc, box, [
    {
      text,
      bold: false,
      italic: false,
      underline: false,
      strike: false,
      code: false,
      href: null,
    },
  ]);
}

/**
 * A paragraph of styled runs. pdfkit mishandles newlines at the edges of `continued` calls (it
 * drops a trailing one and indents after a leading one), so the paragraph is split at its hard
 * breaks and each line is written as a text flow of its own.
 */
function writeRuns(doc: Doc, box: Box, runs: InlineRun[]): void {
  const lines = breakLines(
    runs.map((run) => ({ ...run, text: pdfText(run.text) })),
  );
  if (lines.length === 0) return;
  doc.fontSize(BODY_SIZE);
  for (const line of lines) {
    if (line.length === 0) doc.y += lineHeight(doc, BODY_SIZE);
    else writeLine(doc, box, line);
  }
  doc.y += PARAGRAPH_GAP;
}

/** The runs of each line; empty lines at either end are dropped. */
function breakLines(runs: InlineRun[]): InlineRun[][] {
  const lines: InlineRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text !== '') lines[lines.length - 1].push({ ...run, text });
    });
  }
  while (lines.length > 0 && lines[0].length === 0) lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].length === 0) lines.pop();
  return lines;
}

/**
 * One line (wrapped as needed) as a single pdfkit text flow with the font switched per run.
 * pdfkit carries a continued call's options over to the next call, so every option is given
 * explicitly for each run.
 */
function writeLine(doc: Doc, box: Box, runs: InlineRun[]): void {
  runs.forEach((run, i) => {
    const link = run.href && isAbsoluteHref(run.href) ? run.href : null;
    doc
      .font(fontFor(run))
      .fillColor(link ? LINK_COLOR : box.quoted ? MUTED_COLOR : TEXT_COLOR);
    const options: PDFKit.Mixins.TextOptions = {
      continued: i < runs.length - 1,
      width: box.width,
      lineGap: LINE_GAP,
      link,
      underline: run.underline || !!link,
      strike: run.strike,
    };
    if (i === 0) doc.text(run.text, box.x, doc.y, options);
    else doc.text(run.text, options);
  });
}

function fontFor(run: InlineRun): string {
  const bold = run.bold;
  if (run.code) return bold ? 'Courier-Bold' : 'Courier';
  if (bold && run.italic) return 'Helvetica-BoldOblique';
  if (bold) return 'Helvetica-Bold';
  return run.italic ? 'Helvetica-Oblique' : 'Helvetica';
}

/** Bullets per nesting level; only characters of the standard fonts' WinAnsi encoding. */
const BULLETS = ['•', '–', '·'];

function writeList(doc: Doc, list: RichNode, box: Box, depth: number): void {
  const ordered = list.type === 'orderedList';
  const start = orderedListStart(list);
  childNodes(list).forEach((item, i) => {
    const marker = ordered
      ? `${start + i}.`
      : BULLETS[box.listDepth % BULLETS.length];
    const markerWidth = ordered
      ? Math.max(
          LIST_INDENT,
          doc.font('Helvetica').fontSize(BODY_SIZE).widthOfString(marker) + 6,
        )
      : LIST_INDENT;
    const inner = indented(box, markerWidth, { listDepth: box.listDepth + 1 });
    // The marker is placed first, then the item's text beside it; both on the same page.
    ensureSpace(doc, lineHeight(doc, BODY_SIZE));
    const top = doc.y;
    doc
      .font('Helvetica')
      .fontSize(BODY_SIZE)
      .fillColor(TEXT_COLOR)
      .text(marker, box.x, top, { lineBreak: false });
    doc.y = top;
    const children = childNodes(item);
    if (children.length === 0) doc.y += lineHeight(doc, BODY_SIZE);
    // Items of a tight list sit closer than paragraphs.
    writeBlocks(doc, children, inner, depth + 1);
    doc.y -= PARAGRAPH_GAP / 2;
  });
  doc.y += PARAGRAPH_GAP / 2;
}

function writeRule(doc: Doc, box: Box): void {
  ensureSpace(doc, 12);
  const y = doc.y + 4;
  doc
    .moveTo(box.x, y)
    .lineTo(box.x + box.width, y)
    .lineWidth(0.5)
    .strokeColor(RULE_COLOR)
    .stroke();
  doc.y = y + 8;
}

/** Tables as rows of text: cells separated by a bar, the header row bold, a rule under each row. */
function writeTable(doc: Doc, table: RichNode, box: Box): void {
  for (const row of childNodes(table)) {
    const cells = childNodes(row);
    if (cells.length === 0) continue;
    const text = cells
      .map((cell) => oneLine(flattenText(cell)) || ' ')
      .join('  |  ');
    const header = cells.every((cell) => cell.type === 'tableHeader');
    writeRuns(doc, box, [
      {
        text,
        bold: header,
        italic: false,
        underline: false,
        strike: false,
        code: false,
        href: null,
      },
    ]);
    doc.y -= PARAGRAPH_GAP / 2;
    writeRule(doc, box);
    doc.y -= 6;
  }
  doc.y += PARAGRAPH_GAP;
}

// ---------- footer ----------

/** "Exported from Kehittämö · n / total" at the foot of every page. */
function writePageFooters(doc: Doc, exportedFrom: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    // Text below the bottom margin would make pdfkit start a new page; the margin is lifted meanwhile.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED_COLOR)
      .text(
        pdfText(`${exportedFrom} · ${i + 1} / ${range.count}`),
        left,
        doc.page.height - bottom / 2 - 4,
        {
          width: doc.page.width - left - right,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
}

// ---------- text ----------

/** Characters the standard fonts' WinAnsi encoding has beyond Latin-1 (pdfkit maps them itself). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
}

/**
 * Text the standard fonts can show. pdfkit writes any other character as a wrong glyph, so it is
 * replaced: accents the font lacks are dropped ("ő" → "o"), anything else becomes "?". Newlines are
 * kept as line breaks, tabs and other controls become spaces, soft hyphens (which pdfkit would draw
 * as hyphens mid-line) are dropped. Very long words are broken, see LONG_WORD.
 */
export function pdfText(text: string | undefined): string {
  let out = '';
  for (const char of (text ?? '').normalize('NFC')) {
    if (char === SOFT_HYPHEN) continue;
    if (char === '\n' || isWinAnsi(char)) out += char;
    else if (isControl(char)) out += char === '\r' ? '' : ' ';
    else out += fallbackChar(char);
  }
  return out
    .replace(LONG_SPACE, (run) => run.slice(0, 40))
    .replace(LONG_WORD, '$&\n');
}

const SOFT_HYPHEN = '\u00ad';

/**
 * pdfkit wraps a word wider than the line by re-measuring the rest of it for every line, which
 * takes seconds for a word of tens of thousands of characters (pasted data, a hostile edit).
 * Such words get a line break every 400 characters; real words and URLs are shorter.
 */
const LONG_WORD = /\S{400}(?=\S)/g;
/** Long runs of spaces are as slow for the same reason; beyond 40 they only push text off the line. */
const LONG_SPACE = /[^\S\n]{41,}/g;

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function fallbackChar(char: string): string {
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base !== '' && [...base].every(isWinAnsi)) return base;
  if (/\s/.test(char)) return ' ';
  return '?';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Document info strings are written as UTF-16 by pdfkit, so only control characters need removing. */
function metadataText(text: string | undefined): string {
  return oneLine(
    [...(text ?? '')].map((char) => (isControl(char) ? ' ' : char)).join(''),
  );
}
