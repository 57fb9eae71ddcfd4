import type { IsoDateTime } from './contracts';

/**
 * Model descriptions (toimintamallikuvaus) in the national Innokylä format.
 *
 * The content is the Yjs document `model.<uuid>`, laid out as:
 * - root Y.Map `facts`: the basic facts, each a string (MODEL_FACT_KEYS);
 * - root Y.XmlFragment `section:<key>` for each rich-text section (MODEL_SECTION_KEYS), in the
 *   Tiptap/ProseMirror layout y-prosemirror writes (elements named by node type, marks as text
 *   formatting attributes);
 * - root Y.Array `structure`: the model's parts/phases, each a Y.Map
 *   `{ id: string, position: number, title: string, body: Y.XmlFragment }`, shown in `position`
 *   order (then id): a move changes `position` only, so nobody's typing in a moved part is lost.
 * Name, phase, work packages, tags and the lock live in the database (filters, history, rights).
 */

export const MODEL_FACT_KEYS = [
  'summary',
  'place',
  'organisations',
  'funders',
  'authors',
  'coverImageUrl',
  'programmeName',
  'programmeUrl',
] as const;
export type ModelFactKey = (typeof MODEL_FACT_KEYS)[number];
export type ModelFacts = Partial<Record<ModelFactKey, string>>;

export const MODEL_SECTION_KEYS = ['basicIdea', 'environment', 'targetGroup', 'conditions', 'evaluation', 'tips'] as const;
export type ModelSectionKey = (typeof MODEL_SECTION_KEYS)[number];

/** Yjs root names of the model document. */
export const MODEL_DOC_ROOTS = {
  facts: 'facts',
  structure: 'structure',
  section: (key: ModelSectionKey) => `section:${key}`,
} as const;

/**
 * The Innokylä fields whose completeness is tracked, in the order the national service shows
 * them: the short description, the six sections, the structure, and the other basic facts.
 */
export const MODEL_COMPLETENESS_FIELDS = ['summary', ...MODEL_SECTION_KEYS, 'structure', 'facts'] as const;
export type ModelCompletenessField = (typeof MODEL_COMPLETENESS_FIELDS)[number];
export type FieldCompleteness = 'empty' | 'started' | 'filled';

export interface ModelCompleteness {
  fields: Record<ModelCompletenessField, FieldCompleteness>;
  filled: number;
  total: number;
}

/** Default development phases (configurable per project). */
export const DEFAULT_MODEL_PHASES = ['idea', 'in-development', 'piloting', 'ready', 'established'] as const;
export const MODEL_PHASE_KEY_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

export interface ModelPhase {
  key: string;
  /** Label per UI language; the default phases have translations in the web app. */
  labels: { fi: string; sv: string; en: string };
}

/** `PUT /api/model-descriptions/phases` (admins): the whole list, in order. A phase in use cannot be left out. */
export interface SetModelPhasesRequest {
  phases: ModelPhase[];
}

// ---------- rich text (ProseMirror JSON) ----------

/** A ProseMirror/Tiptap JSON node as the editor and the exports use it. */
export interface RichNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: RichNode[];
  text?: string;
  marks?: RichMark[];
}
export interface RichMark {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
}
/** One rich-text field: `{ type: 'doc', content: [...] }`. */
export interface RichDoc {
  type: 'doc';
  content?: RichNode[];
}

/** Node and mark types a model description may hold (the editor's schema); anything else is refused. */
export const RICH_NODE_TYPES = [
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'hardBreak',
  'horizontalRule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
] as const;
export const RICH_MARK_TYPES = ['bold', 'italic', 'underline', 'strike', 'code', 'link'] as const;

/** Link targets allowed in content: web, mail and telephone links, and same-site paths. */
export function isSafeHref(href: unknown): boolean {
  if (typeof href !== 'string' || href.length > 2048) return false;
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): drop them before looking.
  // eslint-disable-next-line no-control-regex
  const trimmed = href.trim().replace(/[\u0000-\u001f\s]+/g, '');
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return true;
  return /^(https?:|mailto:|tel:)/i.test(trimmed);
}

export interface ModelStructureStep {
  id: string;
  title: string;
  body: RichDoc;
}

/** The whole content of a model description, as projections, versions and the JSON export hold it. */
export interface ModelDescriptionContent {
  facts: ModelFacts;
  sections: Record<ModelSectionKey, RichDoc>;
  structure: ModelStructureStep[];
}

// ---------- API ----------

export const WORK_PACKAGE_CODES = ['TP1', 'TP2', 'TP3', 'TP4', 'TP5'] as const;

export interface CreateModelDescriptionRequest {
  spaceId: string;
  name: string;
}

export interface UpdateModelDescriptionRequest {
  name?: string;
  workPackages?: string[];
  tags?: string[];
}

export interface ChangeModelPhaseRequest {
  phase: string;
}

export interface LockModelDescriptionRequest {
  locked: boolean;
}

export interface ModelDescriptionSummary {
  id: string;
  spaceId: string;
  spaceName: string;
  /** `model.<uuid>`: open it with POST /api/collab/token. */
  doc: string;
  name: string;
  summary: string;
  phase: string;
  workPackages: string[];
  tags: string[];
  /** Organisation names from the basic facts. */
  organisations: string;
  locked: boolean;
  completeness: ModelCompleteness;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Search hit only: the best passage, split into plain and matching parts (render matches as <mark>). */
  snippet?: { text: string; match: boolean }[];
}

export interface ModelDescription extends ModelDescriptionSummary {
  createdBy: string | null;
  /** The caller's rights: edit only when they hold edit rights in the space and the description is not locked. */
  access: 'edit' | 'comment' | 'view';
  /** True when the caller may lock/unlock (coordinators and admins of the project or the space's organisation). */
  canLock: boolean;
  phaseHistory: ModelPhaseChange[];
}

export interface ModelPhaseChange {
  from: string | null;
  to: string;
  by: string | null;
  at: IsoDateTime;
}

export interface ModelDescriptionQuery {
  spaceId?: string;
  /** Full-text search; hits come ranked, `limit` (default 20, at most 50) at a time from `offset`. */
  q?: string;
  limit?: number;
  offset?: number;
  phase?: string;
  wp?: string;
  tag?: string;
  organisation?: string;
}

export type ModelVersionKind = 'manual' | 'phase' | 'restore';

export interface CreateModelVersionRequest {
  name: string;
}

export interface ModelVersion {
  id: string;
  number: number;
  name: string;
  kind: ModelVersionKind;
  createdBy: string | null;
  createdAt: IsoDateTime;
}

export interface ModelVersionDetail extends ModelVersion {
  content: ModelDescriptionContent;
}

export interface TextChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** `GET …/versions/compare?from=<versionId>&to=<versionId|current>`: section by section. */
export interface ModelVersionComparison {
  from: ModelVersion;
  /** null when compared with the current content. */
  to: ModelVersion | null;
  fields: { field: ModelFactKey | ModelSectionKey | 'structure'; changed: boolean; changes: TextChange[] }[];
}

/** The JSON export; POST /api/model-descriptions/import takes it back (`spaceId` query parameter). */
export interface ModelDescriptionExport {
  format: 'kehittamo.model-description';
  formatVersion: 1;
  name: string;
  phase: string;
  workPackages: string[];
  tags: string[];
  content: ModelDescriptionContent;
  exportedAt: IsoDateTime;
}

/** `GET …/export/innokyla`: each Innokylä field's plain text, ready to paste. */
export interface InnokylaCopy {
  fields: { field: ModelCompletenessField | ModelFactKey; text: string }[];
}

// ---------- derived facts (server projections and the web editor use the same rules) ----------

/** Plain text of a rich-text field: each block on its own line. */
export function richPlainText(doc: RichDoc | RichNode | undefined): string {
  if (!doc) return '';
  const lines: string[] = [];
  const walk = (node: RichNode, line: string[]): void => {
    if (node.type === 'text') line.push(node.text ?? '');
    else if (node.type === 'hardBreak') line.push('\n');
    else if (node.content?.some((c) => c.type === 'text' || c.type === 'hardBreak')) {
      const own: string[] = [];
      node.content.forEach((c) => walk(c, own));
      lines.push(own.join(''));
    } else node.content?.forEach((c) => walk(c, line));
  };
  walk(doc as RichNode, []);
  return lines.filter((l) => l.trim().length > 0).join('\n');
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** A text field is filled from this many words on; fewer is "started". */
export const FILLED_MIN_WORDS = { summary: 10, section: 40 } as const;

function textCompleteness(text: string, filledFrom: number): FieldCompleteness {
  const words = wordCount(text);
  return words === 0 ? 'empty' : words >= filledFrom ? 'filled' : 'started';
}

/**
 * Innokylä completeness: each field empty / started / filled. Sections are filled from 40
 * words, the short description from 10; the structure when it has at least two parts, each
 * with a title and a description; the basic facts when place, organisations, funders and
 * authors are all given.
 */
export function modelCompleteness(content: ModelDescriptionContent): ModelCompleteness {
  const fields = {} as Record<ModelCompletenessField, FieldCompleteness>;
  fields.summary = textCompleteness(content.facts.summary ?? '', FILLED_MIN_WORDS.summary);
  for (const key of MODEL_SECTION_KEYS) fields[key] = textCompleteness(richPlainText(content.sections[key]), FILLED_MIN_WORDS.section);
  const steps = content.structure;
  const stepDone = (s: ModelStructureStep) => s.title.trim().length > 0 && richPlainText(s.body).trim().length > 0;
  fields.structure = steps.length === 0 ? 'empty' : steps.length >= 2 && steps.every(stepDone) ? 'filled' : 'started';
  const facts = (['place', 'organisations', 'funders', 'authors'] as const).map((k) => (content.facts[k] ?? '').trim().length > 0);
  fields.facts = facts.every(Boolean) ? 'filled' : facts.some(Boolean) ? 'started' : 'empty';
  const filled = MODEL_COMPLETENESS_FIELDS.filter((f) => fields[f] === 'filled').length;
  return { fields, filled, total: MODEL_COMPLETENESS_FIELDS.length };
}

/** An empty description (a new document, or one whose projection is not written yet). */
export function emptyModelContent(): ModelDescriptionContent {
  return {
    facts: {},
    sections: Object.fromEntries(MODEL_SECTION_KEYS.map((k) => [k, { type: 'doc' }])) as ModelDescriptionContent['sections'],
    structure: [],
  };
}

/** The small part of a model projection that lists show (kept beside the full JSON). */
export interface ModelProjectionMeta {
  completeness: ModelCompleteness;
  summary: string;
  organisations: string;
}
