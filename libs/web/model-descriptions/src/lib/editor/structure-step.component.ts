import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { CollabSession } from '@kehittamo/web/collab';
import { TranslatePipe } from '@kehittamo/web/core';
import { ConfirmButtonComponent } from '@kehittamo/web/ui';
import * as Y from 'yjs';
import { ModelCommentContext } from './model-comment-context';
import { RichTextEditorComponent } from './rich-text-editor.component';

/**
 * One part of the model's structure: its title (the step map's `title`, written on every
 * keystroke) and its description (the step's `body` fragment in a rich-text editor), with
 * buttons to move it and to remove it.
 */
@Component({
  selector: 'kh-structure-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ConfirmButtonComponent, RichTextEditorComponent],
  template: `
    <h3 class="kh-step__heading" [id]="headingId()" tabindex="-1">
      {{ 'modelEditor.stepHeading' | t: { number: number() } }}@if (title()) {<span>: {{ title() }}</span>}
    </h3>
    <div class="kh-step__field">
      <label [for]="titleId()">{{ 'modelEditor.stepTitle' | t }}</label>
      <input
        type="text"
        data-testid="step-title"
        [id]="titleId()"
        [value]="title()"
        [readOnly]="!editable()"
        (input)="writeTitle($event)"
      />
    </div>
    <p class="kh-step__label" [id]="bodyLabelId()">{{ 'modelEditor.stepBody' | t }}</p>
    @if (body(); as body) {
      <kh-rich-text-editor
        testId="step-editor"
        [fragment]="body"
        [session]="session()"
        [editable]="editable()"
        [labelledBy]="headingId() + ' ' + bodyLabelId()"
        [label]="('modelEditor.stepHeading' | t: { number: number() }) + ' – ' + ('modelEditor.stepBody' | t)"
        [headingLevel]="4"
        [commentAnchors]="comments ? comments.anchorsFor(part()) : []"
        [activeCommentThreadId]="comments?.activeThread() ?? null"
        (commentAnchorClick)="comments?.activeThread?.set($event)"
        (selectionAnchorChange)="comments?.select(part(), $event)"
      />
      @if (canComment() && comments?.selectionIn(part())) {
        <button mat-stroked-button type="button" class="kh-comment-selection" data-testid="comment-selection" (click)="comments?.commentSelection()">
          {{ 'modelEditor.commentSelection' | t }}
        </button>
      }
    }
    @if (editable()) {
      <div class="kh-step__actions">
        <button
          type="button"
          class="kh-step__move"
          data-move="up"
          [disabled]="index() === 0"
          [attr.aria-label]="'modelEditor.moveUpLabel' | t: { number: number() }"
          (click)="move.emit(-1)"
        >
          <span aria-hidden="true">↑</span> {{ 'modelEditor.moveUp' | t }}
        </button>
        <button
          type="button"
          class="kh-step__move"
          data-move="down"
          [disabled]="index() === total() - 1"
          [attr.aria-label]="'modelEditor.moveDownLabel' | t: { number: number() }"
          (click)="move.emit(1)"
        >
          <span aria-hidden="true">↓</span> {{ 'modelEditor.moveDown' | t }}
        </button>
        <kh-confirm-button
          testId="step-remove"
          [label]="'modelEditor.removeStep' | t"
          [accessibleLabel]="'modelEditor.removeStepLabel' | t: { number: number() }"
          [question]="'modelEditor.removeStepConfirm' | t: { number: number() }"
          [confirmLabel]="'modelEditor.removeStepYes' | t"
          (confirmed)="remove.emit()"
        />
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .kh-step__field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      max-width: 34rem;
    }
    .kh-step__field label,
    .kh-step__label {
      font-weight: 600;
    }
    .kh-step__label {
      margin: 0.75rem 0 0;
    }
    .kh-step__field input {
      min-height: 44px;
      box-sizing: border-box;
      padding: 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: inherit;
    }
    .kh-step__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .kh-step__actions kh-confirm-button {
      margin-top: 0;
    }
    .kh-step__move {
      min-height: 44px;
      padding: 0 1rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 22px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .kh-step__move:disabled {
      color: var(--mat-sys-on-surface-variant);
      cursor: default;
    }
    .kh-comment-selection {
      margin-top: 0.5rem;
      min-height: 44px;
    }
  `,
})
export class StructureStepComponent {
  readonly step = input.required<Y.Map<unknown>>();
  readonly index = input.required<number>();
  readonly total = input.required<number>();
  readonly session = input.required<CollabSession>();
  readonly editable = input(false);
  readonly canComment = input(false);
  readonly move = output<-1 | 1>();
  /** Comments of the model editor (absent where a step is shown outside it). */
  protected readonly comments = inject(ModelCommentContext, { optional: true });
  /** The comment target part of this step. */
  protected readonly part = computed(() => `step:${this.key()}`);
  readonly remove = output<void>();

  protected readonly number = computed(() => this.index() + 1);
  private readonly key = computed(() => String(this.step().get('id') ?? this.index()).replace(/[^\w-]/g, ''));
  protected readonly headingId = computed(() => `step-${this.key()}-heading`);
  protected readonly titleId = computed(() => `step-${this.key()}-title`);
  protected readonly bodyLabelId = computed(() => `step-${this.key()}-body`);
  protected readonly title = signal('');
  protected readonly body = computed(() => {
    const body = this.step().get('body');
    return body instanceof Y.XmlFragment ? body : null;
  });

  constructor() {
    effect((onCleanup) => {
      const step = this.step();
      const read = () => {
        const title = step.get('title');
        this.title.set(typeof title === 'string' ? title : '');
      };
      read();
      step.observe(read);
      onCleanup(() => step.unobserve(read));
    });
  }

  protected writeTitle(event: Event): void {
    if (!this.editable()) return;
    const value = (event.target as HTMLInputElement).value;
    if (this.step().get('title') !== value) this.step().set('title', value);
  }
}
