import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { ModelDescriptionContent, RichDoc } from '@kehittamo/shared/domain';
import { modelText, moveStep, orderedSteps, readModelContent, refuseModelUpdate, writeModelContent, writeRich, xmlToRich } from './model-content';

// The editor's schema: what the web app's Tiptap editor writes through y-prosemirror.
const schema = getSchema([StarterKit, TableKit]);

const rich: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Perhetyö' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Vanhemmuuden ' },
        { type: 'text', text: 'tuki', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' ja ' },
        { type: 'text', text: 'linkki', marks: [{ type: 'link', attrs: { href: 'https://innokyla.fi', target: '_blank', rel: 'noopener noreferrer nofollow', class: null } }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'yksi' }] }] }] },
  ],
};

describe('model content between Yjs and JSON', () => {
  it('reads what y-prosemirror writes, as y-prosemirror reads it', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section:basicIdea');
    prosemirrorJSONToYXmlFragment(schema, rich, fragment);
    const ours = xmlToRich(fragment);
    const theirs = yXmlFragmentToProsemirrorJSON(fragment);
    expect(stripNullAttrs(ours)).toEqual(stripNullAttrs(theirs));
  });

  it('writes what y-prosemirror reads back unchanged', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section:tips');
    doc.transact(() => writeRich(fragment, rich));
    expect(stripNullAttrs(yXmlFragmentToProsemirrorJSON(fragment))).toEqual(stripNullAttrs(rich));
  });

  it('round-trips a whole description and replaces existing content', () => {
    const content: ModelDescriptionContent = {
      facts: { summary: 'Lyhyt kuvaus', place: 'Kainuu' },
      sections: {
        basicIdea: rich,
        environment: { type: 'doc' },
        targetGroup: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Lapsiperheet' }] }] },
        conditions: { type: 'doc' },
        evaluation: { type: 'doc' },
        tips: { type: 'doc' },
      },
      structure: [{ id: 's1', title: 'Alkukartoitus', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tapaaminen' }] }] } }],
    };
    const doc = new Y.Doc();
    doc.transact(() => writeModelContent(doc, { ...content, facts: { summary: 'vanha' }, structure: [] }));
    doc.transact(() => writeModelContent(doc, content));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(stripNullAttrs(readModelContent(copy))).toEqual(stripNullAttrs(content));
    expect(modelText(content)).toContain('Vanhemmuuden tuki ja linkki');
    expect(modelText(content)).toContain('Alkukartoitus');
  });

  it('refuses unknown nodes, unknown marks and unsafe links, and lets the editor schema through', () => {
    const ok = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, rich, ok.getXmlFragment('section:basicIdea'));
    expect(refuseModelUpdate(Y.encodeStateAsUpdate(ok))).toBeNull();

    const script = new Y.Doc();
    script.getXmlFragment('section:basicIdea').insert(0, [new Y.XmlElement('script')]);
    expect(refuseModelUpdate(Y.encodeStateAsUpdate(script))).toMatch(/unknown node type "script"/);

    const js = new Y.Doc();
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    js.getXmlFragment('section:tips').insert(0, [paragraph]);
    text.insert(0, 'klikkaa', { link: { href: 'javascript:alert(1)' } });
    expect(refuseModelUpdate(Y.encodeStateAsUpdate(js))).toBe('unsafe link target');

    const data = new Y.Doc();
    data.getMap('facts').set('coverImageUrl', 'data:text/html,<script>alert(1)</script>');
    expect(refuseModelUpdate(Y.encodeStateAsUpdate(data))).toBe('unsafe coverImageUrl');

    const mark = new Y.Doc();
    const t2 = new Y.XmlText();
    mark.getXmlFragment('section:tips').insert(0, [t2]);
    t2.insert(0, 'x', { onclick: { code: '1' } });
    expect(refuseModelUpdate(Y.encodeStateAsUpdate(mark))).toMatch(/unknown mark "onclick"/);
  });
});

describe('structure order', () => {
  const titles = (doc: Y.Doc) => orderedSteps(doc.getArray('structure')).map((s) => s.get('title'));
  const sync = (a: Y.Doc, b: Y.Doc) => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  const steps = ['A', 'B', 'C'].map((title) => ({ id: title.toLowerCase(), title, body: { type: 'doc' as const } }));

  it('keeps what someone types into a part while another moves it', () => {
    const a = new Y.Doc();
    a.transact(() => writeModelContent(a, { facts: {}, sections: {} as never, structure: steps }));
    const b = new Y.Doc();
    sync(a, b);
    moveStep(a.getArray('structure'), 2, 0); // C to the top
    const body = orderedSteps(b.getArray('structure'))[2].get('body') as Y.XmlFragment;
    b.transact(() => writeRich(body, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'kirjoitettu samaan aikaan' }] }] }));
    sync(a, b);
    expect(titles(a)).toEqual(['C', 'A', 'B']);
    expect(titles(b)).toEqual(['C', 'A', 'B']);
    expect(JSON.stringify(readModelContent(a).structure[0].body)).toContain('kirjoitettu samaan aikaan');
  });

  it('gives every client the same order when two move at once, and renumbers when positions run out', () => {
    const a = new Y.Doc();
    a.transact(() => writeModelContent(a, { facts: {}, sections: {} as never, structure: steps }));
    const b = new Y.Doc();
    sync(a, b);
    moveStep(a.getArray('structure'), 0, 2);
    moveStep(b.getArray('structure'), 1, 0);
    sync(a, b);
    expect(titles(a)).toEqual(titles(b));
    expect(new Set(titles(a))).toEqual(new Set(['A', 'B', 'C']));
    for (let i = 0; i < 200; i++) moveStep(a.getArray('structure'), 2, 1);
    expect(titles(a)).toHaveLength(3);
    expect(new Set(titles(a))).toEqual(new Set(['A', 'B', 'C']));
  });
});

/** Equal up to how attributes are spelled out: y-prosemirror writes null values and empty `attrs`, ours leave them out. */
function stripNullAttrs<T>(value: T): T {
  const strip = (_key: string, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v).filter(([k, x]) => x !== null && !(k === 'attrs' && x && typeof x === 'object' && Object.values(x).every((a) => a === null)));
    return Object.fromEntries(entries);
  };
  return JSON.parse(JSON.stringify(value, strip));
}

describe('appendRich', () => {
  it('adds paragraphs after what the section already has', async () => {
    const { appendRich: append, xmlToRich: read } = await import('./model-content');
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section:basicIdea');
    doc.transact(() => append(fragment, [{ type: 'paragraph', content: [{ type: 'text', text: 'eka' }] }]));
    doc.transact(() =>
      append(fragment, [
        { type: 'paragraph', content: [{ type: 'text', text: 'toka' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'lähde', marks: [{ type: 'link', attrs: { href: '/workshops/x' } }] }] },
      ]),
    );
    expect(read(fragment).content?.map((p) => p.content?.[0]?.text)).toEqual(['eka', 'toka', 'lähde']);
    expect(read(fragment).content?.[2].content?.[0].marks).toEqual([{ type: 'link', attrs: { href: '/workshops/x' } }]);
  });
});
