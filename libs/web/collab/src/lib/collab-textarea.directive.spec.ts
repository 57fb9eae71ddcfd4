import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import * as Y from 'yjs';
import { CollabTextareaDirective } from './collab-textarea.directive';

@Component({
  imports: [CollabTextareaDirective],
  template: `<label for="t">Notes</label><textarea id="t" [khCollabText]="text()"></textarea>`,
})
class HostComponent {
  readonly text = signal<Y.Text>(new Y.Doc().getText('notes'));
}

describe('CollabTextareaDirective', () => {
  let fixture: ComponentFixture<HostComponent>;
  let local: Y.Doc;
  let remote: Y.Doc;
  const textarea = () => (fixture.nativeElement as HTMLElement).querySelector('textarea')!;

  /** Sends everything new in one document to the other. */
  const exchange = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

  beforeEach(async () => {
    local = new Y.Doc();
    remote = new Y.Doc();
    local.getText('notes').insert(0, 'hello world');
    exchange(local, remote);
    fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.text.set(local.getText('notes'));
    await fixture.whenStable();
  });

  it('shows the shared text and sends typing as a small edit, not a whole new value', () => {
    const field = textarea();
    expect(field.value).toBe('hello world');
    const deltas: unknown[] = [];
    remote.getText('notes').observe((event) => deltas.push(event.delta));
    field.value = 'hello, world';
    field.dispatchEvent(new Event('input'));
    expect(local.getText('notes').toString()).toBe('hello, world');
    exchange(local, remote);
    expect(deltas).toEqual([[{ retain: 5 }, { insert: ',' }]]);
  });

  it('writes remote edits into the field and keeps the caret where the user was typing', () => {
    const field = textarea();
    field.focus();
    field.setSelectionRange(6, 6); // before "world"
    remote.getText('notes').insert(0, '>> ');
    exchange(remote, local);
    expect(field.value).toBe('>> hello world');
    expect([field.selectionStart, field.selectionEnd]).toEqual([9, 9]);

    remote.getText('notes').insert(remote.getText('notes').length, '!');
    exchange(remote, local);
    expect(field.value).toBe('>> hello world!');
    expect(field.selectionStart).toBe(9);
  });

  it('merges simultaneous typing in different places', () => {
    const field = textarea();
    field.value = 'hello world.';
    field.dispatchEvent(new Event('input'));
    remote.getText('notes').insert(0, 'Oh, ');
    exchange(remote, local);
    exchange(local, remote);
    expect(field.value).toBe('Oh, hello world.');
    expect(remote.getText('notes').toString()).toBe('Oh, hello world.');
  });
});
