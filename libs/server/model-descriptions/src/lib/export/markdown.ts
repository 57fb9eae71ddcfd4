import { MODEL_SECTION_KEYS } from '@kehittamo/shared/domain';
import {
  EMPTY_FIELD,
  EXPORT_LABELS,
  basicFactRows,
  type BasicFactRow,
  type ModelExportInput,
} from './export-input';
import {
  escapeHeadingEnd,
  escapeLineStart,
  escapeMarkdown,
  richToMarkdown,
  safeHref,
} from './rich-text';

/**
 * The model description as one Markdown document: title, basic facts, the six Innokylä sections
 * ("## label") and the structure ("### n. title"). Empty fields show EMPTY_FIELD.
 */
export function renderMarkdown(input: ModelExportInput): string {
  const labels = EXPORT_LABELS[input.language];
  const parts: string[] = [
    `# ${inlineText(input.name) || EMPTY_FIELD}`,
    `## ${labels.basicFacts}`,
    basicFactRows(input).map(factLine).join('\n'),
  ];
  for (const key of MODEL_SECTION_KEYS) {
    parts.push(
      `## ${labels[key]}`,
      orEmpty(
        richToMarkdown(input.content.sections?.[key] ?? { type: 'doc' }, {
          headingOffset: 2,
        }),
      ),
    );
  }
  parts.push(`## ${labels.structure}`);
  const steps = input.content.structure ?? [];
  if (steps.length === 0) parts.push(EMPTY_FIELD);
  steps.forEach((step, i) => {
    parts.push(
      `### ${i + 1}. ${inlineText(step.title) || EMPTY_FIELD}`,
      orEmpty(
        richToMarkdown(step.body ?? { type: 'doc' }, { headingOffset: 3 }),
      ),
    );
  });
  parts.push('---', `*${escapeMarkdown(labels.exportedFrom)}*`);
  return `${parts.join('\n\n')}\n`;
}

function orEmpty(markdown: string): string {
  return markdown.trim() === '' ? EMPTY_FIELD : markdown;
}

/** User text as a heading's content: one line, escaped. */
function inlineText(text: unknown): string {
  return typeof text === 'string'
    ? escapeHeadingEnd(escapeMarkdown(text.replace(/\s+/g, ' ').trim()))
    : '';
}

function factLine(row: BasicFactRow): string {
  return `- **${row.label}:** ${factValue(row)}`;
}

function factValue(row: BasicFactRow): string {
  if (row.value === '') return EMPTY_FIELD;
  if (row.url) {
    const href = safeHref({ type: 'link', attrs: { href: row.value } });
    if (href) return `[${escapeMarkdown(row.value)}](${href})`;
  }
  // A multi-line value (the short description) continues inside the list item with hard breaks.
  return row.value
    .split(/\r?\n/)
    .map((line) => escapeLineStart(escapeMarkdown(line.trim())))
    .filter((line) => line !== '')
    .join('\\\n  ');
}
