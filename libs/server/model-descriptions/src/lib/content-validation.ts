import {
  MODEL_FACT_KEYS,
  MODEL_SECTION_KEYS,
  RICH_MARK_TYPES,
  RICH_NODE_TYPES,
  isSafeHref,
  type FieldError,
} from '@kehittamo/shared/domain';

const NODE_TYPES = new Set<string>(RICH_NODE_TYPES);
const MARK_TYPES = new Set<string>(RICH_MARK_TYPES);
const FACT_KEYS = new Set<string>(MODEL_FACT_KEYS);
const MAX_DEPTH = 30;
const MAX_NODES = 200_000;
const MAX_FACT_LENGTH = 10_000;
const MAX_STEPS = 200;
const URL_FACTS = new Set(['coverImageUrl', 'programmeUrl']);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * Checks imported content against the editor's schema: known node and mark types only,
 * safe link targets, plain attribute values, bounded size. Returns every problem found
 * (at most 50), each with the path of the offending value.
 */
export function validateModelContent(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, problem: string) => {
    if (errors.length < 50) errors.push({ field, problems: [problem] });
  };
  let nodes = 0;

  const checkAttrs = (attrs: unknown, path: string) => {
    if (attrs === undefined) return;
    if (!isObject(attrs)) return fail(path, 'attrs must be an object');
    for (const [key, v] of Object.entries(attrs)) {
      if (!isPrimitive(v)) fail(`${path}.${key}`, 'attribute values must be text, numbers or booleans');
      if ((key === 'href' || key === 'src') && v !== null && !isSafeHref(v)) fail(`${path}.${key}`, 'link target must be http(s), mailto, tel or a site path');
    }
  };

  const checkNode = (node: unknown, path: string, depth: number): void => {
    if (++nodes > MAX_NODES) return fail(path, `content has more than ${MAX_NODES} nodes`);
    if (depth > MAX_DEPTH) return fail(path, `content is nested deeper than ${MAX_DEPTH} levels`);
    if (!isObject(node)) return fail(path, 'must be a node object');
    const type = node['type'];
    if (typeof type !== 'string' || !NODE_TYPES.has(type)) return fail(`${path}.type`, `unknown node type "${String(type).slice(0, 40)}"`);
    checkAttrs(node['attrs'], `${path}.attrs`);
    if (type === 'text' && typeof node['text'] !== 'string') fail(`${path}.text`, 'a text node needs text');
    const marks = node['marks'];
    if (marks !== undefined) {
      if (!Array.isArray(marks)) fail(`${path}.marks`, 'must be an array');
      else
        marks.forEach((mark, i) => {
          if (!isObject(mark) || typeof mark['type'] !== 'string' || !MARK_TYPES.has(mark['type'])) {
            return fail(`${path}.marks.${i}`, `unknown mark "${String(isObject(mark) ? mark['type'] : mark).slice(0, 40)}"`);
          }
          checkAttrs(mark['attrs'], `${path}.marks.${i}.attrs`);
          // checkAttrs judged the target; a link without one is refused here.
          if (mark['type'] === 'link' && typeof (isObject(mark['attrs']) ? mark['attrs']['href'] : undefined) !== 'string') {
            fail(`${path}.marks.${i}.attrs.href`, 'a link needs a target');
          }
        });
    }
    checkChildren(node['content'], `${path}.content`, depth + 1);
  };

  const checkChildren = (content: unknown, path: string, depth: number) => {
    if (content === undefined) return;
    if (!Array.isArray(content)) return fail(path, 'must be an array');
    content.forEach((child, i) => checkNode(child, `${path}.${i}`, depth));
  };

  const checkDoc = (doc: unknown, path: string) => {
    if (!isObject(doc) || doc['type'] !== 'doc') return fail(path, 'must be { "type": "doc", "content": [...] }');
    checkChildren(doc['content'], `${path}.content`, 1);
  };

  if (!isObject(value)) return [{ field: 'content', problems: ['must be an object with facts, sections and structure'] }];
  const { facts, sections, structure } = value;
  if (!isObject(facts)) fail('content.facts', 'must be an object');
  else
    for (const [key, v] of Object.entries(facts)) {
      if (!FACT_KEYS.has(key)) fail(`content.facts.${key}`, `unknown fact; known: ${MODEL_FACT_KEYS.join(', ')}`);
      else if (typeof v !== 'string') fail(`content.facts.${key}`, 'must be text');
      else if (v.length > MAX_FACT_LENGTH) fail(`content.facts.${key}`, `must be at most ${MAX_FACT_LENGTH} characters`);
      else if (URL_FACTS.has(key) && v !== '' && !isSafeHref(v)) fail(`content.facts.${key}`, 'must be an http(s) address');
    }
  if (!isObject(sections)) fail('content.sections', 'must be an object');
  else {
    for (const key of Object.keys(sections)) {
      if (!(MODEL_SECTION_KEYS as readonly string[]).includes(key)) fail(`content.sections.${key}`, `unknown section; known: ${MODEL_SECTION_KEYS.join(', ')}`);
    }
    for (const key of MODEL_SECTION_KEYS) if (sections[key] !== undefined) checkDoc(sections[key], `content.sections.${key}`);
  }
  if (!Array.isArray(structure)) fail('content.structure', 'must be an array');
  else if (structure.length > MAX_STEPS) fail('content.structure', `must have at most ${MAX_STEPS} parts`);
  else
    structure.forEach((step, i) => {
      if (!isObject(step)) return fail(`content.structure.${i}`, 'must be an object');
      if (typeof step['id'] !== 'string' || step['id'].length > 100) fail(`content.structure.${i}.id`, 'must be text (at most 100 characters)');
      if (typeof step['title'] !== 'string' || step['title'].length > 500) fail(`content.structure.${i}.title`, 'must be text (at most 500 characters)');
      checkDoc(step['body'], `content.structure.${i}.body`);
    });
  return errors;
}
