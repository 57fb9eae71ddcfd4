import { DOCUMENT } from '@angular/common';
import { Directive, effect, ElementRef, inject, input } from '@angular/core';
import type * as Y from 'yjs';
import { applyTextareaValue, mapPosition, type TextDeltaOp } from './text-diff';

/**
 * Binds a plain `<textarea>` to a `Y.Text`: each local edit becomes one minimal delete +
 * insert (by common prefix and suffix), and remote edits are written into the field with the
 * caret and selection moved around them, so two people can type in the same field.
 * Make the field `readonly` yourself when the user may not edit.
 *
 * `<textarea [khCollabText]="doc.getText('notes')"></textarea>`
 */
@Directive({
  selector: 'textarea[khCollabText]',
  host: { '(input)': 'onInput()' },
})
export class CollabTextareaDirective {
  readonly khCollabText = input.required<Y.Text>();

  private readonly textarea = inject<ElementRef<HTMLTextAreaElement>>(ElementRef).nativeElement;
  private readonly document = inject(DOCUMENT);
  /** The transaction origin of this field's own edits, so they are not written back. */
  private readonly origin = { source: 'kh-collab-textarea' };
  /** The value the field and the Y.Text last agreed on. */
  private shown = '';

  constructor() {
    effect((onCleanup) => {
      const text = this.khCollabText();
      this.show(text.toString(), null);
      const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
        if (transaction.origin === this.origin) return;
        this.show(text.toString(), event.delta as TextDeltaOp[]);
      };
      text.observe(observer);
      onCleanup(() => text.unobserve(observer));
    });
  }

  protected onInput(): void {
    const next = this.textarea.value;
    applyTextareaValue(this.khCollabText(), this.shown, next, this.origin);
    this.shown = next;
  }

  private show(value: string, delta: TextDeltaOp[] | null): void {
    const field = this.textarea;
    if (field.value === value) {
      this.shown = value;
      return;
    }
    const focused = this.document.activeElement === field;
    const { selectionStart, selectionEnd, selectionDirection, scrollTop } = field;
    field.value = value;
    this.shown = value;
    if (focused) {
      const start = delta ? mapPosition(selectionStart, delta) : Math.min(selectionStart, value.length);
      const end = delta ? mapPosition(selectionEnd, delta) : Math.min(selectionEnd, value.length);
      field.setSelectionRange(start, end, selectionDirection ?? undefined);
    }
    field.scrollTop = scrollTop;
  }
}
