import type { CommentAnchor } from '@kehittamo/shared/domain';
import { Editor } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { toBase64 } from 'lib0/buffer';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  type CommentAnchorHighlight,
  CommentAnchors,
  commentAnchorRange,
  commentAnchorsPluginKey,
  commentThreadsAt,
  focusCommentAnchor,
  selectionCommentAnchor,
} from './comment-anchors';
import { modelEditorExtensions } from './tiptap-extensions';

const FIELD = 'section';

interface Setup {
  editor: Editor;
  local: Y.Doc;
  remote: Y.Doc;
  clicks: string[];
}

const editors: Editor[] = [];

/** A collaborative editor as the app makes it (modelEditorExtensions), on `local`, and a second client `remote`. */
function setup(): Setup {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  const clicks: string[] = [];
  const element = document.createElement('div');
  document.body.append(element);
  const extensions = modelEditorExtensions({
    fragment: local.getXmlFragment(FIELD),
    awareness: new Awareness(local),
    user: { name: 'Testi', color: '#0b57d0' },
  });
  extensions.push(CommentAnchors.configure({ onAnchorClick: (threadId) => clicks.push(threadId) }));
  const editor = new Editor({
    element,
    extensions,
    editable: true,
    // jsdom has no layout to scroll by.
    editorProps: { handleScrollToSelection: () => true },
  });
  editors.push(editor);
  editor.commands.setContent({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'First paragraph.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Second sentence here.' }] },
    ],
  });
  sync(local, remote);
  return { editor, local, remote, clicks };
}

/** Exchanges what each document lacks, both ways (as the collaboration server would). */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

/** The Y.XmlText of the `index`th paragraph of a client's copy. */
function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(FIELD).get(index) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** The ProseMirror range of the first occurrence of `text`. */
function rangeOf(editor: Editor, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const index = node.text?.indexOf(text) ?? -1;
    if (index >= 0) found = { from: pos + index, to: pos + index + text.length };
    return false;
  });
  if (!found) throw new Error(`"${text}" not in the document`);
  return found;
}

/** What each highlight covers now, read from the plugin's decorations. */
function highlights(editor: Editor): { threadId: string; text: string }[] {
  const state = commentAnchorsPluginKey.getState(editor.state);
  return (state?.decorations.find() ?? []).map((decoration) => ({
    threadId: (decoration.spec as { threadId: string }).threadId,
    text: editor.state.doc.textBetween(decoration.from, decoration.to, '|'),
  }));
}

function anchorSelection(editor: Editor, text: string): CommentAnchor {
  editor.commands.setTextSelection(rangeOf(editor, text));
  const anchor = selectionCommentAnchor(editor);
  if (!anchor) throw new Error('no anchor');
  return anchor;
}

function highlight(threadId: string, anchor: CommentAnchor): CommentAnchorHighlight {
  return { threadId, start: anchor.start, end: anchor.end };
}

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
  document.body.replaceChildren();
});

describe('comment anchors', () => {
  it('makes an anchor of the selected text, and none of a caret', () => {
    const { editor } = setup();
    const anchor = anchorSelection(editor, 'sentence');
    expect(anchor.quote).toBe('sentence');
    expect(anchor.start).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(anchor.end).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(commentAnchorRange(editor, anchor)).toEqual(rangeOf(editor, 'sentence'));

    editor.commands.setTextSelection(rangeOf(editor, 'sentence').from);
    expect(selectionCommentAnchor(editor)).toBeNull();
  });

  it('quotes a selection across paragraphs, at most 500 characters', () => {
    const { editor } = setup();
    editor.commands.setTextSelection({ from: rangeOf(editor, 'paragraph').from, to: rangeOf(editor, 'Second').to });
    expect(selectionCommentAnchor(editor)?.quote).toBe('paragraph. Second');

    editor.commands.insertContentAt(rangeOf(editor, 'here').from, 'x'.repeat(600));
    editor.commands.setTextSelection({ from: 1, to: editor.state.doc.content.size - 1 });
    expect(selectionCommentAnchor(editor)?.quote).toHaveLength(500);
  });

  it('gives no anchor without collaboration', () => {
    const editor = new Editor({
      element: document.body.appendChild(document.createElement('div')),
      extensions: [StarterKit],
      content: '<p>Second sentence here.</p>',
    });
    editors.push(editor);
    editor.commands.setTextSelection(rangeOf(editor, 'sentence'));
    expect(selectionCommentAnchor(editor)).toBeNull();
  });

  it('highlights the anchored text and follows concurrent edits from another client', () => {
    const { editor, local, remote } = setup();
    const anchor = anchorSelection(editor, 'sentence');
    editor.commands.setCommentAnchors([highlight('t1', anchor)]);
    expect(highlights(editor)).toEqual([{ threadId: 't1', text: 'sentence' }]);
    const expectHighlight = (text: string) => {
      // Moved by the remote change itself …
      expect(highlights(editor)).toEqual([{ threadId: 't1', text }]);
      // … and the same when the anchors are set again.
      editor.commands.setCommentAnchors([highlight('t1', anchor)]);
      expect(highlights(editor)).toEqual([{ threadId: 't1', text }]);
      expect(commentAnchorRange(editor, anchor)).toEqual(rangeOf(editor, text));
    };

    // Text in an earlier paragraph.
    paragraphText(remote, 0).insert(0, 'Intro: ');
    sync(local, remote);
    expect(editor.getText()).toContain('Intro: First paragraph.');
    expectHighlight('sentence');

    // A new paragraph before.
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Inserted paragraph.')]);
    remote.getXmlFragment(FIELD).insert(0, [paragraph]);
    sync(local, remote);
    expect(editor.state.doc.childCount).toBe(3);
    expectHighlight('sentence');

    // The same paragraph, before the word, and right up against it.
    paragraphText(remote, 2).insert(0, 'The ');
    sync(local, remote);
    expectHighlight('sentence');
    paragraphText(remote, 2).insert('The Second '.length, 'long');
    sync(local, remote);
    expect(editor.getText()).toContain('The Second longsentence here.');
    expectHighlight('sentence');

    // Inside the range: the range grows.
    paragraphText(remote, 2).insert('The Second longsen'.length, 'TEN');
    sync(local, remote);
    expectHighlight('senTENtence');

    // Right after the range: stays outside.
    paragraphText(remote, 2).insert('The Second longsenTENtence'.length, 's');
    sync(local, remote);
    expect(editor.getText()).toContain('senTENtences here.');
    expectHighlight('senTENtence');
  });

  it('follows local edits and simultaneous remote ones', () => {
    const { editor, local, remote } = setup();
    const anchor = anchorSelection(editor, 'sentence');
    editor.commands.setCommentAnchors([highlight('t1', anchor)], 't1');

    // Typing here moves the highlight with the edit; typed right before it stays outside.
    editor.commands.insertContentAt(rangeOf(editor, 'sentence').from, 'My ');
    expect(highlights(editor)).toEqual([{ threadId: 't1', text: 'sentence' }]);
    editor.commands.insertContentAt(rangeOf(editor, 'sentence').from + 4, '-');
    expect(highlights(editor)).toEqual([{ threadId: 't1', text: 'sent-ence' }]);
    editor.commands.insertContentAt(1, 'Local. ');
    expect(highlights(editor)).toEqual([{ threadId: 't1', text: 'sent-ence' }]);

    // The other client edited at the same time, without having seen these.
    paragraphText(remote, 1).insert(0, 'Remote ');
    paragraphText(remote, 1).insert('Remote Second se'.length, 'x');
    sync(local, remote);
    expect(editor.getText({ blockSeparator: '|' })).toBe('Local. First paragraph.|Remote Second My sexnt-ence here.');
    expect(remote.getXmlFragment(FIELD).toString()).toBe(local.getXmlFragment(FIELD).toString());
    expect(highlights(editor)).toEqual([{ threadId: 't1', text: 'sexnt-ence' }]);
    editor.commands.setCommentAnchors([highlight('t1', anchor)], 't1');
    expect(highlights(editor)).toEqual([{ threadId: 't1', text: 'sexnt-ence' }]);
  });

  it('drops the highlight when the text is deleted, and keeps the others', () => {
    const { editor, local, remote } = setup();
    const sentence = anchorSelection(editor, 'sentence');
    const first = anchorSelection(editor, 'First');
    editor.commands.setCommentAnchors([highlight('t1', sentence), highlight('t2', first)]);
    expect(highlights(editor)).toEqual([
      { threadId: 't2', text: 'First' },
      { threadId: 't1', text: 'sentence' },
    ]);

    paragraphText(remote, 1).delete('Second '.length, 'sentence'.length);
    sync(local, remote);
    expect(editor.getText({ blockSeparator: '|' })).toBe('First paragraph.|Second  here.');
    expect(highlights(editor)).toEqual([{ threadId: 't2', text: 'First' }]);
    editor.commands.setCommentAnchors([highlight('t1', sentence), highlight('t2', first)]);
    expect(highlights(editor)).toEqual([{ threadId: 't2', text: 'First' }]);
    expect(commentAnchorRange(editor, sentence)).toBeNull();

    // A local deletion too.
    editor.commands.deleteRange(rangeOf(editor, 'First'));
    expect(highlights(editor)).toEqual([]);
  });

  it('ignores invalid anchors without throwing', () => {
    const { editor, local } = setup();
    const valid = anchorSelection(editor, 'sentence');
    const otherRoot = toBase64(Y.encodeRelativePosition(new Y.RelativePosition(null, 'elsewhere', null)));
    const otherDoc = new Y.Doc();
    otherDoc.getText('x').insert(0, 'abc');
    const unknownItem = toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(otherDoc.getText('x'), 1)));
    const invalid: CommentAnchorHighlight[] = [
      { threadId: 'a', start: 'not base64!', end: '%%%' },
      { threadId: 'b', start: '', end: '' },
      { threadId: 'c', start: 'AAAA', end: 'AAAA' },
      { threadId: 'd', start: toBase64(new Uint8Array([1, 2, 3, 250, 251, 252])), end: valid.end },
      { threadId: 'e', start: otherRoot, end: otherRoot },
      { threadId: 'f', start: unknownItem, end: unknownItem },
      { threadId: 'g', start: valid.end, end: valid.start },
      { threadId: 'h', start: `${valid.start}AAAA`, end: valid.end },
      { threadId: 'i', start: 'A'.repeat(1000), end: valid.end },
      { threadId: 'j', start: null, end: undefined } as unknown as CommentAnchorHighlight,
    ];
    expect(() => editor.commands.setCommentAnchors([...invalid, highlight('ok', valid)])).not.toThrow();
    expect(highlights(editor)).toEqual([{ threadId: 'ok', text: 'sentence' }]);
    // Resolving a named root must not create it in the shared document.
    expect(local.share.has('elsewhere')).toBe(false);
    for (const anchor of invalid) expect(commentAnchorRange(editor, anchor)).toBeNull();
  });

  it('renders marks, marks the active thread, and reports clicks', () => {
    const { editor, clicks } = setup();
    const sentence = anchorSelection(editor, 'sentence');
    const first = anchorSelection(editor, 'First');
    editor.commands.setCommentAnchors([highlight('t1', sentence), highlight('t2', first)], 't1');
    const mark = (threadId: string) => editor.view.dom.querySelector<HTMLElement>(`mark.kh-comment-anchor[data-thread-id="${threadId}"]`);
    expect(mark('t1')?.textContent).toBe('sentence');
    expect(mark('t1')?.classList).toContain('kh-comment-anchor--active');
    expect(mark('t2')?.textContent).toBe('First');
    expect(mark('t2')?.classList).not.toContain('kh-comment-anchor--active');

    editor.commands.setCommentAnchors([highlight('t1', sentence), highlight('t2', first)], 't2');
    expect(mark('t1')?.classList).not.toContain('kh-comment-anchor--active');
    expect(mark('t2')?.classList).toContain('kh-comment-anchor--active');

    const plugin = commentAnchorsPluginKey.get(editor.state);
    const click = (target: Element | null) =>
      plugin?.props.handleClick?.call(plugin, editor.view, rangeOf(editor, 'sentence').from + 1, { target } as unknown as MouseEvent);
    expect(click(mark('t1'))).toBe(false);
    click(editor.view.dom.querySelector('p'));
    expect(clicks).toEqual(['t1']);
  });

  it('reaches a highlight by keyboard: selects it, and tells which threads are at the caret', () => {
    const { editor } = setup();
    const sentence = anchorSelection(editor, 'sentence');
    editor.commands.setTextSelection(1);
    editor.commands.setCommentAnchors([highlight('t1', sentence)]);

    expect(focusCommentAnchor(editor, 'missing')).toBe(false);
    expect(focusCommentAnchor(editor, 't1')).toBe(true);
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe('sentence');
    // The selection is still there to comment after focus moves on, e.g. to a Comment button.
    editor.view.dom.blur();
    expect(selectionCommentAnchor(editor)?.quote).toBe('sentence');

    expect(commentThreadsAt(editor, from + 2)).toEqual(['t1']);
    expect(commentThreadsAt(editor, 1)).toEqual([]);
  });
});
