import * as Y from 'yjs';
import type { DocumentProjection } from '../persistence/document-store';
import { isModelDocument, modelMeta, modelText, readModelContent } from '@kehittamo/shared/model-content';

/**
 * The server never declares root types, so a loaded document holds untyped roots. This
 * decides each root's type from its content (map entries, strings, XML nodes) and
 * reads it as that, which changes nothing in the stored binary.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readRoot(doc: Y.Doc, name: string, root: Y.AbstractType<any>): unknown {
  if (root instanceof Y.Map || root._map.size > 0) return doc.getMap(name).toJSON();
  let item = root._start;
  let kind: 'text' | 'xml' | 'array' = 'array';
  while (item) {
    const content = item.content;
    if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) kind = 'text';
    else if (content instanceof Y.ContentType && (content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText)) kind = 'xml';
    if (kind !== 'array') break;
    item = item.right;
  }
  if (root instanceof Y.Text || kind === 'text') return doc.getText(name).toString();
  if (root instanceof Y.XmlFragment || kind === 'xml') return doc.getXmlFragment(name).toString();
  return doc.getArray(name).toJSON();
}

/** Collects every string in a JSON value, for full-text search. */
function collectText(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectText(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectText(v, out));
}

/**
 * Text and JSON of a document for search and export. Model descriptions project to their
 * `ModelDescriptionContent` (rich text as ProseMirror JSON); other documents root by root.
 */
export function projectDocument(doc: Y.Doc): DocumentProjection {
  if (isModelDocument(doc)) {
    const content = readModelContent(doc);
    return { json: content, text: modelText(content).slice(0, 1_000_000), meta: modelMeta(content) };
  }
  const json: Record<string, unknown> = {};
  for (const [name, root] of doc.share) json[name] = readRoot(doc, name, root);
  const parts: string[] = [];
  collectText(json, parts);
  return { json, text: parts.join('\n').replace(/<[^>]+>/g, ' ').slice(0, 1_000_000) };
}
