import * as Y from 'yjs';
import {
  MODEL_DOC_ROOTS,
  MODEL_FACT_KEYS,
  MODEL_SECTION_KEYS,
  RICH_MARK_TYPES,
  RICH_NODE_TYPES,
  isSafeHref,
  modelCompleteness,
  richPlainText,
  type ModelProjectionMeta,
  type ModelDescriptionContent,
  type ModelFacts,
  type RichDoc,
  type RichMark,
  type RichNode,
} from '@kehittamo/shared/domain';

/**
 * Model documents (`model.<uuid>`) between Yjs and JSON. Rich text is kept the way
 * y-prosemirror (Tiptap's Collaboration extension) writes it: an element per node named by
 * its type with the node's attributes, and text whose formatting attributes are the marks
 * (`{ bold: {} }`, `{ link: { href } }`).
 */

type Attrs = Record<string, string | number | boolean | null>;

/** y-prosemirror names overlapping marks of one type `type--<hash>`. */
const markName = (key: string) => key.replace(/--[A-Za-z0-9+/=]+$/, '');

function textNodes(text: Y.XmlText): RichNode[] {
  const nodes: RichNode[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const marks: RichMark[] = Object.entries(op.attributes ?? {}).map(([key, value]) => {
      const attrs = value && typeof value === 'object' && Object.keys(value).length > 0 ? (value as Attrs) : undefined;
      return attrs ? { type: markName(key), attrs } : { type: markName(key) };
    });
    nodes.push(marks.length > 0 ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
  }
  return nodes;
}

function childNodes(parent: Y.XmlFragment | Y.XmlElement): RichNode[] {
  const nodes: RichNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) nodes.push(...textNodes(child));
    else if (child instanceof Y.XmlElement) {
      const node: RichNode = { type: child.nodeName };
      const attrs = child.getAttributes() as Attrs;
      if (Object.keys(attrs).length > 0) node.attrs = attrs;
      const content = childNodes(child);
      if (content.length > 0) node.content = content;
      nodes.push(node);
    }
  }
  return nodes;
}

export function xmlToRich(fragment: Y.XmlFragment | undefined): RichDoc {
  const content = fragment ? childNodes(fragment) : [];
  return content.length > 0 ? { type: 'doc', content } : { type: 'doc' };
}

const markAttributes = (marks: RichMark[] | undefined): Record<string, Attrs> =>
  Object.fromEntries((marks ?? []).map((m) => [m.type, m.attrs ?? {}]));

/**
 * Y.Xml children for ProseMirror nodes: consecutive text nodes share one Y.XmlText, as
 * y-prosemirror does. Yjs keeps what is written to these types before they are in a document
 * and applies it when they are inserted.
 */
function toXml(nodes: RichNode[] | undefined): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let text: Y.XmlText | null = null;
  let length = 0;
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      if (!text) {
        text = new Y.XmlText();
        length = 0;
        out.push(text);
      }
      if (node.text) {
        // Always the full set: without attributes a run would inherit the formatting on its left.
        text.insert(length, node.text, markAttributes(node.marks));
        length += node.text.length;
      }
      continue;
    }
    text = null;
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (value !== null && value !== undefined) element.setAttribute(key, value as string);
    }
    const children = toXml(node.content);
    if (children.length > 0) element.insert(0, children);
    out.push(element);
  }
  return out;
}

/** Replaces the fragment's content with `doc` (call inside a transaction). */
export function writeRich(fragment: Y.XmlFragment, doc: RichDoc): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  const children = toXml(doc.content);
  if (children.length > 0) fragment.insert(0, children);
}

/** Adds `nodes` after the fragment's content (call inside a transaction): notes sent from a workshop. */
export function appendRich(fragment: Y.XmlFragment, nodes: RichNode[]): void {
  const children = toXml(nodes);
  if (children.length > 0) fragment.insert(fragment.length, children);
}

export const isModelDocument = (doc: Y.Doc): boolean =>
  doc.share.has(MODEL_DOC_ROOTS.facts) ||
  doc.share.has(MODEL_DOC_ROOTS.structure) ||
  MODEL_SECTION_KEYS.some((key) => doc.share.has(MODEL_DOC_ROOTS.section(key)));

export function readModelContent(doc: Y.Doc): ModelDescriptionContent {
  const factsMap = doc.getMap(MODEL_DOC_ROOTS.facts);
  const facts: ModelFacts = {};
  for (const key of MODEL_FACT_KEYS) {
    const value = factsMap.get(key);
    if (typeof value === 'string' && value.length > 0) facts[key] = value;
  }
  const sections = Object.fromEntries(
    MODEL_SECTION_KEYS.map((key) => [key, xmlToRich(doc.getXmlFragment(MODEL_DOC_ROOTS.section(key)))]),
  ) as ModelDescriptionContent['sections'];
  const structure = orderedSteps(doc.getArray(MODEL_DOC_ROOTS.structure)).map((step) => {
    const body = step.get('body');
    return {
      id: String(step.get('id') ?? ''),
      title: typeof step.get('title') === 'string' ? (step.get('title') as string) : '',
      body: xmlToRich(body instanceof Y.XmlFragment ? body : undefined),
    };
  });
  return { facts, sections, structure };
}

/**
 * The structure's parts in order. A part's place is its `position` number, not its place in the
 * Y.Array: Yjs cannot move an item, and a move by delete + insert would lose what someone types
 * into that part meanwhile. Moving changes only `position` (last writer wins); ties (two people
 * moving at once) are broken by id, so every client shows the same order. Parts without a
 * position (older documents) keep their array order.
 */
export function orderedSteps<T>(structure: Y.Array<T>): Y.Map<unknown>[] {
  return (structure.toArray() as unknown[])
    .map((step, index) => ({ step, index }))
    .filter((entry): entry is { step: Y.Map<unknown>; index: number } => entry.step instanceof Y.Map)
    .map(({ step, index }) => ({ step, position: typeof step.get('position') === 'number' ? (step.get('position') as number) : index + 1 }))
    .sort((a, b) => a.position - b.position || String(a.step.get('id')).localeCompare(String(b.step.get('id'))))
    .map(({ step }) => step);
}

/**
 * Moves the part at `from` (in `orderedSteps` order) to `to` by giving it a position between its
 * new neighbours; when the numbers get too close, every part is renumbered (one transaction).
 */
export function moveStep<T>(structure: Y.Array<T>, from: number, to: number): void {
  const steps = orderedSteps(structure);
  if (from === to || from < 0 || to < 0 || from >= steps.length || to >= steps.length) return;
  const moving = steps[from];
  const rest = steps.filter((_, i) => i !== from);
  const position = (step: Y.Map<unknown> | undefined, fallback: number) =>
    step ? (typeof step.get('position') === 'number' ? (step.get('position') as number) : steps.indexOf(step) + 1) : fallback;
  const before = position(rest[to - 1], position(rest[0], 1) - 1);
  const after = position(rest[to], position(rest[rest.length - 1], 0) + 1);
  const doc = structure.doc;
  const apply = () => {
    if (after - before > 1e-9) moving.set('position', (before + after) / 2);
    else [...rest.slice(0, to), moving, ...rest.slice(to)].forEach((step, i) => step.set('position', i + 1));
  };
  if (doc) doc.transact(apply);
  else apply();
}

/** The position for a part added at the end. */
export function nextStepPosition<T>(structure: Y.Array<T>): number {
  const steps = orderedSteps(structure);
  const last = steps[steps.length - 1];
  return last ? (typeof last.get('position') === 'number' ? (last.get('position') as number) : steps.length) + 1 : 1;
}

/** Makes the document hold exactly `content` (call inside a transaction): every other client sees it as a change. */
export function writeModelContent(doc: Y.Doc, content: ModelDescriptionContent): void {
  const factsMap = doc.getMap(MODEL_DOC_ROOTS.facts);
  for (const key of MODEL_FACT_KEYS) {
    const value = content.facts[key] ?? '';
    if ((factsMap.get(key) ?? '') !== value) factsMap.set(key, value);
  }
  for (const key of MODEL_SECTION_KEYS) writeRich(doc.getXmlFragment(MODEL_DOC_ROOTS.section(key)), content.sections[key] ?? { type: 'doc' });
  const structure = doc.getArray<Y.Map<unknown>>(MODEL_DOC_ROOTS.structure);
  if (structure.length > 0) structure.delete(0, structure.length);
  const steps = content.structure.map((step, i) => {
    const map = new Y.Map<unknown>();
    map.set('id', step.id);
    map.set('position', i + 1);
    map.set('title', step.title);
    map.set('body', new Y.XmlFragment());
    return map;
  });
  structure.insert(0, steps);
  steps.forEach((map, i) => writeRich(map.get('body') as Y.XmlFragment, content.structure[i].body));
}

/** What model lists show: completeness, short description, organisations. */
export function modelMeta(content: ModelDescriptionContent): ModelProjectionMeta {
  return {
    completeness: modelCompleteness(content),
    summary: (content.facts.summary ?? '').slice(0, 500),
    organisations: (content.facts.organisations ?? '').slice(0, 500),
  };
}

/** Plain text of the whole description, for search. */
export function modelText(content: ModelDescriptionContent): string {
  return [
    ...MODEL_FACT_KEYS.filter((k) => !k.endsWith('Url')).map((k) => content.facts[k] ?? ''),
    ...MODEL_SECTION_KEYS.map((k) => richPlainText(content.sections[k])),
    ...content.structure.flatMap((step) => [step.title, richPlainText(step.body)]),
  ]
    .filter((t) => t.trim().length > 0)
    .join('\n');
}

const NODE_TYPES = new Set<string>(RICH_NODE_TYPES.filter((t) => t !== 'text'));
const MARK_TYPES = new Set<string>(RICH_MARK_TYPES);
const URL_KEYS = new Set(['href', 'src', 'coverImageUrl', 'programmeUrl']);

/**
 * Checks a client's update to a model document against the editor's schema without applying
 * it: elements must be known node types, text formatting known marks, and links and URLs safe
 * (no `javascript:` or `data:`). Returns why it is refused, or null.
 */
export function refuseModelUpdate(update: Uint8Array): string | null {
  const { structs } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement && !NODE_TYPES.has(type.nodeName)) return `unknown node type "${type.nodeName.slice(0, 40)}"`;
      if (type instanceof Y.XmlHook) return 'hooks are not part of a model description';
    } else if (content instanceof Y.ContentFormat) {
      if (content.value === null) continue;
      const mark = markName(content.key);
      if (!MARK_TYPES.has(mark)) return `unknown mark "${mark.slice(0, 40)}"`;
      if (mark === 'link' && !isSafeHref((content.value as { href?: unknown } | undefined)?.href)) return 'unsafe link target';
    } else if (content instanceof Y.ContentEmbed) {
      return 'embedded objects are not part of a model description';
    } else if (struct.parentSub && URL_KEYS.has(struct.parentSub)) {
      const values = content.getContent();
      if (values.some((value) => value !== '' && value !== null && !isSafeHref(value))) return `unsafe ${struct.parentSub}`;
    }
  }
  return null;
}

/** A new model document holding `content`: its first update and projection (see DocumentStore.writeInitial). */
export function initialModelDocument(content: ModelDescriptionContent): { update: Uint8Array; projection: { text: string; json: ModelDescriptionContent; meta: ModelProjectionMeta } } {
  const doc = new Y.Doc();
  doc.transact(() => writeModelContent(doc, content));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { update, projection: { text: modelText(content), json: content, meta: modelMeta(content) } };
}
