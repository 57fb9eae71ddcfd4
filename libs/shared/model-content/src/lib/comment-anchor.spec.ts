import * as Y from 'yjs';
import { toBase64 } from 'lib0/buffer';
import type { RichDoc } from '@kehittamo/shared/domain';
import { decodeAnchorPosition, encodeAnchorPosition, resolveAnchorText } from './comment-anchor';
import { writeRich } from './model-content';

const SECTION = 'section:basicIdea';
const SENTENCE = 'Perhe saa tukea kotiin viikoittain.';

const content: RichDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Ensimmäinen kappale kertoo taustan.' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Toinen kappale alkaa. Perhe saa ' },
        { type: 'text', text: 'tukea', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' kotiin viikoittain. Loppu.' },
      ],
    },
  ],
};

/** Exchanges what each document has that the other lacks, as the collaboration server would. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Two documents holding the same section; `a` wrote it. */
function pair(): { a: Y.Doc; b: Y.Doc } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.transact(() => writeRich(a.getXmlFragment(SECTION), content));
  sync(a, b);
  return { a, b };
}

const paragraphText = (doc: Y.Doc, paragraph: number) => (doc.getXmlFragment(SECTION).get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
const plain = (text: Y.XmlText) => (text.toDelta() as { insert: string }[]).map((op) => op.insert).join('');

/** An anchor on `phrase` in a paragraph: the start tied to its first character, the end to its last. */
function anchorOn(doc: Y.Doc, paragraph: number, phrase: string): { start: string; end: string } {
  const text = paragraphText(doc, paragraph);
  const index = plain(text).indexOf(phrase);
  expect(index).toBeGreaterThanOrEqual(0);
  return { start: encodeAnchorPosition(text, index), end: encodeAnchorPosition(text, index + phrase.length, -1) };
}

const resolve = (doc: Y.Doc, anchor: { start: string; end: string }) => resolveAnchorText(doc.getXmlFragment(SECTION), anchor);

describe('comment anchors', () => {
  it('resolves to the anchored sentence in both documents', () => {
    const { a, b } = pair();
    const anchor = anchorOn(a, 1, SENTENCE);
    expect(resolve(a, anchor)).toBe(SENTENCE);
    expect(resolve(b, anchor)).toBe(SENTENCE);
  });

  it('follows the sentence when the other writer adds text before it, in its paragraph and in an earlier one', () => {
    const { a, b } = pair();
    const anchor = anchorOn(a, 1, SENTENCE);
    // Concurrently: b types before the range; a types after it.
    paragraphText(b, 1).insert(0, 'Uusi alku. ');
    paragraphText(b, 0).insert(0, 'Johdanto: ');
    paragraphText(b, 1).insert(plain(paragraphText(b, 1)).indexOf(SENTENCE), 'Välihuomio. ');
    paragraphText(a, 1).insert(plain(paragraphText(a, 1)).length, ' Aivan lopuksi.');
    sync(a, b);
    expect(plain(paragraphText(a, 1))).toBe('Uusi alku. Toinen kappale alkaa. Välihuomio. Perhe saa tukea kotiin viikoittain. Loppu. Aivan lopuksi.');
    expect(resolve(a, anchor)).toBe(SENTENCE);
    expect(resolve(b, anchor)).toBe(SENTENCE);
  });

  it('keeps text typed right after the range outside it', () => {
    const { a, b } = pair();
    const anchor = anchorOn(a, 1, SENTENCE);
    const text = paragraphText(b, 1);
    text.insert(plain(text).indexOf(SENTENCE) + SENTENCE.length, ' Jatkoa');
    sync(a, b);
    expect(resolve(a, anchor)).toBe(SENTENCE);
  });

  it('grows with text written inside the range', () => {
    const { a, b } = pair();
    const anchor = anchorOn(a, 1, SENTENCE);
    const text = paragraphText(b, 1);
    text.insert(plain(text).indexOf('viikoittain'), 'aina ');
    paragraphText(a, 0).insert(0, 'Samaan aikaan: ');
    sync(a, b);
    expect(resolve(a, anchor)).toBe('Perhe saa tukea kotiin aina viikoittain.');
    expect(resolve(b, anchor)).toBe('Perhe saa tukea kotiin aina viikoittain.');
  });

  it('shrinks when part of the range is deleted', () => {
    const { a, b } = pair();
    const anchor = anchorOn(a, 1, SENTENCE);
    const text = paragraphText(b, 1);
    text.delete(plain(text).indexOf(' kotiin'), ' kotiin'.length);
    sync(a, b);
    expect(resolve(a, anchor)).toBe('Perhe saa tukea viikoittain.');
  });

  it('spans paragraphs, joined with a line break', () => {
    const { a } = pair();
    const first = paragraphText(a, 0);
    const second = paragraphText(a, 1);
    const anchor = { start: encodeAnchorPosition(first, plain(first).indexOf('taustan')), end: encodeAnchorPosition(second, 'Toinen'.length, -1) };
    expect(resolve(a, anchor)).toBe('taustan.\nToinen');
  });

  it('gives null when the whole range is deleted', () => {
    const { a, b } = pair();
    const anchor = anchorOn(a, 1, SENTENCE);
    const text = paragraphText(b, 1);
    text.delete(plain(text).indexOf(SENTENCE), SENTENCE.length);
    sync(a, b);
    expect(plain(paragraphText(a, 1))).toBe('Toinen kappale alkaa.  Loppu.');
    expect(resolve(a, anchor)).toBeNull();
    expect(resolve(b, anchor)).toBeNull();
  });

  it('gives null when the paragraph or the whole section is replaced', () => {
    const { a, b } = pair();
    const anchor = anchorOn(a, 1, SENTENCE);
    b.getXmlFragment(SECTION).delete(1, 1);
    sync(a, b);
    expect(resolve(a, anchor)).toBeNull();

    const again = pair();
    const anchor2 = anchorOn(again.a, 1, SENTENCE);
    again.b.transact(() => writeRich(again.b.getXmlFragment(SECTION), content));
    sync(again.a, again.b);
    expect(plain(paragraphText(again.a, 1))).toContain(SENTENCE);
    expect(resolve(again.a, anchor2)).toBeNull();
  });

  it('gives null for a range in another fragment or another document', () => {
    const { a } = pair();
    const anchor = anchorOn(a, 1, SENTENCE);
    a.transact(() => writeRich(a.getXmlFragment('section:tips'), content));
    expect(resolveAnchorText(a.getXmlFragment('section:tips'), anchor)).toBeNull();
    const stranger = new Y.Doc();
    stranger.transact(() => writeRich(stranger.getXmlFragment(SECTION), content));
    expect(resolve(stranger, anchor)).toBeNull();
    expect(resolveAnchorText(new Y.XmlFragment(), anchor)).toBeNull();
  });

  it('gives null for a position at the end of another root, without creating that root', () => {
    const { a } = pair();
    const other = new Y.Doc().getXmlFragment('section:evil');
    const end = encodeAnchorPosition(other, 0);
    const anchor = { start: anchorOn(a, 1, SENTENCE).start, end };
    expect(resolve(a, anchor)).toBeNull();
    expect(a.share.has('section:evil')).toBe(false);
  });

  it('gives null for reversed or collapsed ranges', () => {
    const { a } = pair();
    const { start, end } = anchorOn(a, 1, SENTENCE);
    expect(resolve(a, { start: end, end: start })).toBeNull();
    expect(resolve(a, { start, end: start })).toBeNull();
  });

  it('gives null for garbage anchors and never throws', () => {
    const { a } = pair();
    const good = anchorOn(a, 1, SENTENCE);
    const garbage = [
      '',
      'not base64!',
      '====',
      'AAAA',
      '////',
      'AA==',
      'A',
      good.start + 'AA==',
      good.start.slice(0, -4),
      toBase64(new Uint8Array([9, 9, 9])),
      toBase64(new Uint8Array([0, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200])),
      toBase64(new Uint8Array([1, 50, 65])),
      toBase64(new Uint8Array(300).fill(255)),
      'QUFB'.repeat(200),
      '<script>alert(1)</script>',
    ];
    for (const value of garbage) {
      expect(() => decodeAnchorPosition(value)).not.toThrow();
      expect(resolve(a, { start: value, end: good.end })).toBeNull();
      expect(resolve(a, { start: good.start, end: value })).toBeNull();
    }
    for (const value of [undefined, null, 42, {}] as unknown as string[]) {
      expect(decodeAnchorPosition(value)).toBeNull();
      expect(resolve(a, { start: value, end: value })).toBeNull();
    }
  });

  it('decodes what it encodes', () => {
    const { a } = pair();
    const text = paragraphText(a, 1);
    const position = decodeAnchorPosition(encodeAnchorPosition(text, 3));
    expect(position).not.toBeNull();
    expect(Y.createAbsolutePositionFromRelativePosition(position!, a)?.index).toBe(3);
  });
});
