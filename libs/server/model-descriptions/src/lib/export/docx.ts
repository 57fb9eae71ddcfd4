import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
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
  cellSpan,
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

/** A Word document (Office Open XML) of the model description, laid out like the Markdown export. */
export async function renderDocx(input: ModelExportInput): Promise<Buffer> {
  const labels = EXPORT_LABELS[input.language];
  const ctx = newContext();
  // concat rather than push(...): a long section could exceed the argument limit of a spread call
  let children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun(xmlText(input.name) || EMPTY_FIELD)],
    }),
    heading(labels.basicFacts, 1),
    factsTable(basicFactRows(input)),
  ];
  for (const key of MODEL_SECTION_KEYS) {
    children = children.concat(
      heading(labels[key], 1),
      richBody(input.content.sections?.[key], ctx, 1),
    );
  }
  children.push(heading(labels.structure, 1));
  const steps = input.content.structure ?? [];
  if (steps.length === 0) children.push(new Paragraph(EMPTY_FIELD));
  steps.forEach((step, i) => {
    children = children.concat(
      heading(`${i + 1}. ${xmlText(step.title) || EMPTY_FIELD}`, 2),
      richBody(step.body, ctx, 2),
    );
  });

  const document = new Document({
    creator: 'Kehittämö',
    lastModifiedBy: 'Kehittämö',
    title: xmlText(input.name),
    description: xmlText(input.content.facts?.summary ?? ''),
    keywords: xmlText(input.tags.join(', ')),
    styles: {
      // The run language is what Word shows as the document's language and uses for proofing.
      default: {
        document: {
          run: {
            font: 'Calibri',
            size: 22,
            language: { value: EXPORT_LOCALES[input.language] },
          },
        },
      },
    },
    numbering: { config: [BULLET_NUMBERING, orderedNumbering(1)] },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_WIDTH, height: A4_HEIGHT },
            margin: PAGE_MARGINS,
          },
        },
        footers: { default: pageFooter(labels.exportedFrom) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ---------- page ----------

/** A4 and 2 cm margins in twips (1/1440 inch). */
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const CM = 567;
const PAGE_MARGINS = {
  top: 2 * CM,
  bottom: 2 * CM,
  left: 2 * CM,
  right: 2 * CM,
};

function pageFooter(exportedFrom: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: `${exportedFrom} · `,
            size: 16,
            color: '666666',
          }),
          new TextRun({
            children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
            size: 16,
            color: '666666',
          }),
        ],
      }),
    ],
  });
}

// ---------- numbering ----------

const LIST_INDENT = CM;
const BULLETS = ['•', '◦', '▪'];

function listLevels(
  format: 'bullet' | 'decimal',
  start: number,
): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    // Each level shows only its own number, so a nested list's numbers do not depend on its parent's.
    text:
      format === 'bullet' ? BULLETS[level % BULLETS.length] : `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: {
        indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT / 2 },
      },
    },
  }));
}

const BULLET_NUMBERING: NumberingDefinition = {
  reference: 'bullets',
  levels: listLevels('bullet', 1),
};

/** One definition per start number; every ordered list is its own instance so that it counts from its start. */
function orderedNumbering(start: number): NumberingDefinition {
  return {
    reference: start === 1 ? 'ordered' : `ordered-from-${start}`,
    levels: listLevels('decimal', start),
  };
}

// ---------- rich text ----------

interface DocxContext {
  /** Added to rich headings' levels so they sit below the section's heading. */
  headingOffset: number;
  /** Nesting of lists: the numbering level of a list's items. */
  listLevel: number;
  /** Left indent in twips for blocks inside list items and quotes. */
  indent: number;
  /** Quote paragraphs get a rule on the left. */
  quoted: boolean;
  /** Table header cells are bold. */
  strong: boolean;
  /** The next numbering instance; shared by the whole document so that no two lists continue each other. */
  instances: { next: number };
}

function newContext(): DocxContext {
  return {
    headingOffset: 0,
    listLevel: 0,
    indent: 0,
    quoted: false,
    strong: false,
    instances: { next: 1 },
  };
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function heading(text: string, level: number): Paragraph {
  return new Paragraph({
    heading: HEADINGS[Math.min(6, level) - 1],
    children: [new TextRun(text)],
  });
}

/** A section's or step's content below a heading of `level`; an empty field shows EMPTY_FIELD. */
function richBody(
  doc: RichDoc | undefined,
  base: DocxContext,
  level: number,
): (Paragraph | Table)[] {
  if (isRichDocEmpty(doc)) return [new Paragraph(EMPTY_FIELD)];
  return blocks(childNodes(doc), { ...base, headingOffset: level }, 0);
}

function blocks(
  nodes: RichNode[],
  ctx: DocxContext,
  depth: number,
): (Paragraph | Table)[] {
  return nodes.flatMap((node) => block(node, ctx, depth));
}

function block(
  node: RichNode,
  ctx: DocxContext,
  depth: number,
): (Paragraph | Table)[] {
  if (depth > MAX_RICH_DEPTH)
    return [paragraph(plainRuns(flattenText(node), ctx), ctx)];
  switch (node.type) {
    case 'paragraph':
      return inlineRuns(node).length > 0
        ? [paragraph(runs(node, ctx), ctx)]
        : [];
    case 'heading':
      if (inlineRuns(node).length === 0) return [];
      return [
        new Paragraph({
          heading:
            HEADINGS[Math.min(6, headingLevel(node) + ctx.headingOffset) - 1],
          children: runs(node, ctx),
        }),
      ];
    case 'bulletList':
    case 'orderedList':
      return list(node, ctx, depth);
    case 'blockquote':
      return blocks(
        childNodes(node),
        { ...ctx, indent: ctx.indent + CM / 2, quoted: true },
        depth + 1,
      );
    case 'horizontalRule':
      return [
        new Paragraph({
          border: {
            bottom: {
              style: BorderStyle.SINGLE,
              size: 6,
              color: '999999',
              space: 1,
            },
          },
        }),
      ];
    case 'table': {
      const table = richTable(node, ctx, depth);
      return table ? [table, new Paragraph({})] : [];
    }
    case 'hardBreak':
      return [];
    case 'text':
      return [paragraph(plainRuns(flattenText(node), ctx), ctx)];
    default:
      return blocks(childNodes(node), ctx, depth + 1);
  }
}

function paragraph(children: ParagraphChild[], ctx: DocxContext): Paragraph {
  return new Paragraph({
    children,
    indent: ctx.indent > 0 ? { left: ctx.indent } : undefined,
    border: ctx.quoted
      ? {
          left: {
            style: BorderStyle.SINGLE,
            size: 12,
            color: 'BBBBBB',
            space: 8,
          },
        }
      : undefined,
  });
}

function list(
  node: RichNode,
  ctx: DocxContext,
  depth: number,
): (Paragraph | Table)[] {
  const level = Math.min(8, ctx.listLevel);
  const numbering =
    node.type === 'orderedList'
      ? {
          reference: orderedNumbering(orderedListStart(node)),
          level,
          instance: ctx.instances.next++,
        }
      : { reference: BULLET_NUMBERING.reference, level };
  const inner: DocxContext = {
    ...ctx,
    listLevel: level + 1,
    indent: LIST_INDENT * (level + 1),
  };
  return childNodes(node).flatMap((item) => {
    const children = childNodes(item);
    const [first, ...rest] = children;
    // The item's first paragraph carries the bullet or number; the rest of the item is indented under it.
    if (!first || first.type !== 'paragraph')
      return blocks(children, inner, depth + 1);
    const marked = new Paragraph({ children: runs(first, ctx), numbering });
    const head: (Paragraph | Table)[] = [marked];
    return head.concat(blocks(rest, inner, depth + 1));
  });
}

function runs(block: RichNode, ctx: DocxContext): ParagraphChild[] {
  return inlineRuns(block).flatMap((run): ParagraphChild[] => {
    if (run.href && isAbsoluteHref(run.href)) {
      return [
        new ExternalHyperlink({
          link: run.href,
          children: textRuns(run, ctx, true),
        }),
      ];
    }
    return textRuns(run, ctx, false);
  });
}

/** Word runs of one inline run; newlines become line breaks. */
function textRuns(run: InlineRun, ctx: DocxContext, link: boolean): TextRun[] {
  return xmlText(run.text)
    .split(/\r?\n/)
    .map(
      (text, i) =>
        new TextRun({
          text,
          break: i > 0 ? 1 : undefined,
          bold: run.bold || ctx.strong || undefined,
          italics: run.italic || undefined,
          underline: run.underline ? {} : undefined,
          strike: run.strike || undefined,
          font: run.code ? 'Consolas' : undefined,
          style: link ? 'Hyperlink' : undefined,
        }),
    );
}

function plainRuns(text: string, ctx: DocxContext): TextRun[] {
  return textRuns(
    {
      text,
      bold: false,
      italic: false,
      underline: false,
      strike: false,
      code: false,
      href: null,
    },
    ctx,
    false,
  );
}

// ---------- tables ----------

const HEADER_SHADING = {
  type: ShadingType.CLEAR,
  fill: 'EDEDED',
  color: 'auto',
};

function richTable(
  node: RichNode,
  ctx: DocxContext,
  depth: number,
): Table | null {
  const rows = childNodes(node).filter((row) => childNodes(row).length > 0);
  if (rows.length === 0) return null;
  const cellCtx: DocxContext = {
    ...ctx,
    listLevel: 0,
    indent: 0,
    quoted: false,
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader:
            r === 0 &&
            childNodes(row).every((cell) => cell.type === 'tableHeader'),
          children: childNodes(row).map((cell) =>
            richCell(cell, cellCtx, depth, rows.length - r),
          ),
        }),
    ),
  });
}

function richCell(
  cell: RichNode,
  ctx: DocxContext,
  depth: number,
  rowsLeft: number,
): TableCell {
  const header = cell.type === 'tableHeader';
  const content = blocks(
    childNodes(cell),
    { ...ctx, strong: header },
    depth + 1,
  );
  return new TableCell({
    children: content.length > 0 ? content : [new Paragraph({})],
    columnSpan: cellSpan(cell, 'colspan'),
    // A span past the last row would make the library look for rows that do not exist.
    rowSpan: Math.min(cellSpan(cell, 'rowspan'), rowsLeft),
    shading: header ? HEADER_SHADING : undefined,
  });
}

function factsTable(rows: BasicFactRow[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [3000, 6638],
    rows: rows.map(
      (row) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 30, type: WidthType.PERCENTAGE },
              shading: HEADER_SHADING,
              children: [
                new Paragraph({
                  children: [new TextRun({ text: row.label, bold: true })],
                }),
              ],
            }),
            new TableCell({
              width: { size: 70, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ children: factValue(row) })],
            }),
          ],
        }),
    ),
  });
}

function factValue(row: BasicFactRow): ParagraphChild[] {
  if (row.value === '') return [new TextRun(EMPTY_FIELD)];
  const href = row.url
    ? safeHref({ type: 'link', attrs: { href: row.value } })
    : null;
  if (href && isAbsoluteHref(href)) {
    return [
      new ExternalHyperlink({
        link: href,
        children: [
          new TextRun({ text: xmlText(row.value), style: 'Hyperlink' }),
        ],
      }),
    ];
  }
  return plainRuns(row.value, newContext());
}

/** Characters XML 1.0 does not allow would make Word refuse the whole file; they are dropped. */
function xmlText(text: string | undefined): string {
  return (text ?? '').replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}
