import * as Y from 'yjs';
import { applyTextareaValue, diffText, mapPosition } from './text-diff';

describe('textarea edits as Y.Text operations', () => {
  it('turns typing, deleting and replacing into one minimal change', () => {
    expect(diffText('abc', 'abc')).toBeNull();
    expect(diffText('', 'a')).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('helo', 'hello')).toEqual({ index: 3, remove: 0, insert: 'l' });
    expect(diffText('hello', 'hllo')).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('the cat sat', 'the dog sat')).toEqual({ index: 4, remove: 3, insert: 'dog' });
    expect(diffText('abc', '')).toEqual({ index: 0, remove: 3, insert: '' });
  });

  it('prefers the earliest position when a repeated letter is typed (prefix wins)', () => {
    // "aa" → "aaa": the common prefix takes both letters, the insert goes at the end.
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('abab', 'ab')).toEqual({ index: 2, remove: 2, insert: '' });
  });

  it('never splits an emoji (a surrogate pair) in two', () => {
    const change = diffText('a😀b', 'a😁b')!;
    expect(change).toEqual({ index: 1, remove: 2, insert: '😁' });
    const removed = diffText('x😀😀', 'x😀')!;
    expect(removed.remove % 2).toBe(0);
    expect('x😀😀'.slice(0, removed.index) + removed.insert + 'x😀😀'.slice(removed.index + removed.remove)).toBe('x😀');
  });

  it('reproduces the new value when applied to the old one, for arbitrary edits', () => {
    const samples = ['', 'a', 'hello world', 'ääkköset ja 😀', 'line\nbreaks\n\nhere', 'aaaa', 'abcabc'];
    for (const previous of samples) {
      for (const next of samples) {
        const change = diffText(previous, next);
        const result = change
          ? previous.slice(0, change.index) + change.insert + previous.slice(change.index + change.remove)
          : previous;
        expect(result, `${JSON.stringify(previous)} → ${JSON.stringify(next)}`).toBe(next);
      }
    }
  });

  it('applies the change to a Y.Text in one transaction with the given origin', () => {
    const doc = new Y.Doc();
    const text = doc.getText('notes');
    text.insert(0, 'the cat sat');
    const origins: unknown[] = [];
    let updates = 0;
    doc.on('afterTransaction', (transaction) => origins.push(transaction.origin));
    doc.on('update', () => updates++);
    const origin = { local: true };

    expect(applyTextareaValue(text, 'the cat sat', 'the dog sat', origin)).toBe(true);
    expect(text.toString()).toBe('the dog sat');
    expect(origins).toEqual([origin]);
    expect(updates).toBe(1);
    expect(applyTextareaValue(text, 'the dog sat', 'the dog sat', origin)).toBe(false);
  });

  it('keeps a concurrent remote edit elsewhere in the text (no whole-value replace)', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('notes').insert(0, 'first line\nsecond line');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyTextareaValue(a.getText('notes'), 'first line\nsecond line', 'first line!\nsecond line', 'a');
    applyTextareaValue(b.getText('notes'), 'first line\nsecond line', 'first line\nsecond line?', 'b');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(a.getText('notes').toString()).toBe('first line!\nsecond line?');
    expect(b.getText('notes').toString()).toBe(a.getText('notes').toString());
  });
});

describe('the caret under remote changes', () => {
  it('moves right for text inserted before it and stays put for text after it', () => {
    expect(mapPosition(5, [{ insert: 'XY' }])).toBe(7);
    expect(mapPosition(5, [{ retain: 6 }, { insert: 'XY' }])).toBe(5);
    expect(mapPosition(2, [{ retain: 1 }, { insert: 'X' }, { retain: 3 }, { insert: 'Z' }])).toBe(3);
  });

  it('keeps the caret before text inserted exactly at it', () => {
    expect(mapPosition(3, [{ retain: 3 }, { insert: 'abc' }])).toBe(3);
  });

  it('moves left for deletions before it, to the start of a deletion around it', () => {
    expect(mapPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(mapPosition(2, [{ retain: 1 }, { delete: 3 }])).toBe(1);
    expect(mapPosition(2, [{ retain: 2 }, { delete: 3 }])).toBe(2);
    expect(mapPosition(4, [{ delete: 1 }, { retain: 1 }, { insert: 'ab' }])).toBe(5);
  });

  it('agrees with Y.Text deltas from a real remote edit', () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    local.getText('t').insert(0, 'hello world');
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
    const caret = 'hello wor'.length; // before "ld"
    let mapped = -1;
    local.getText('t').observe((event) => (mapped = mapPosition(caret, event.delta as never)));
    remote.transact(() => {
      remote.getText('t').delete(0, 6); // "world"
      remote.getText('t').insert(0, 'big ');
    });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    expect(local.getText('t').toString()).toBe('big world');
    expect(local.getText('t').toString().slice(0, mapped)).toBe('big wor');
  });
});
