import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  viewChild,
} from '@angular/core';
import { BOARD_LIMITS, findSensitiveData, type BoardItem } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { CollabTextareaDirective } from '@kehittamo/web/collab';
import type * as Y from 'yjs';
import type { VoteInfo } from './board-surface.controller';

/**
 * One note, text block or frame on the canvas: absolutely placed with a transform, focusable,
 * described for screen readers. Renders only when its own inputs change (OnPush, keyed by id
 * in the canvas); pointer and keyboard handling is the canvas's (event delegation on
 * `data-item-id`). While `text` is set the item shows a textarea bound to that Y.Text.
 */
@Component({
  selector: 'kh-board-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, CollabTextareaDirective],
  styleUrl: './board-item.component.scss',
  // Host bindings run with the canvas's change detection for every item, changed or not: each
  // reads a memoised value, never builds a string (hundreds of items, many checks a second).
  host: {
    class: 'kh-board-item',
    tabindex: '0',
    role: 'group',
    '[attr.data-item-id]': 'item().id',
    '[attr.data-testid]': 'testId()',
    '[attr.aria-roledescription]': 'typeName()',
    '[attr.aria-label]': 'label()',
    '[class]': 'hostClass()',
    '[class.kh-board-item--selected]': 'selected()',
    '[class.kh-board-item--locked]': 'locked()',
    '[style.transform]': 'position()',
    '[style.width.px]': 'item().w',
    '[style.height.px]': 'item().h',
    '[style.z-index]': 'item().z',
  },
  template: `
    @if (item().type === 'frame') {
      <div class="kh-frame-title" data-drag-handle aria-hidden="true">{{ item().text || fallbackText() }}</div>
    }
    @if (text(); as yText) {
      <textarea
        #editor
        class="kh-item-editor"
        data-testid="board-item-editor"
        [khCollabText]="yText"
        [attr.maxlength]="maxLength()"
        [attr.aria-label]="'board.canvas.editLabel' | t: { type: typeName() }"
        (blur)="editEnd.emit()"
      ></textarea>
      @if (sensitive()) {
        <p class="kh-item-warning" role="status" data-testid="board-item-sensitive">{{ 'board.canvas.sensitiveWarning' | t }}</p>
      }
    } @else if (item().type !== 'frame') {
      <p class="kh-item-text" aria-hidden="true">{{ item().text }}</p>
    }
    @if (item().author && item().type === 'note') {
      <p class="kh-item-author" aria-hidden="true">{{ item().author }}</p>
    }
    @if (votes(); as v) {
      <!-- aria-disabled, not disabled: the button that just took the last vote keeps the focus. -->
      <div class="kh-item-votes">
        <button
          type="button"
          class="kh-vote-button"
          data-testid="vote-remove"
          [attr.aria-disabled]="v.canRemove ? null : 'true'"
          [attr.aria-label]="'board.voting.removeFor' | t: { text: summary() }"
          (click)="v.canRemove && vote.emit(false)"
        >
          −
        </button>
        <span class="kh-vote-count">
          <span class="kh-visually-hidden">{{ 'board.voting.mine' | t: { count: v.mine } }}</span>
          <span aria-hidden="true">{{ v.mine }}</span>
          @if (v.tally !== null) {
            <span class="kh-vote-tally">{{ 'board.voting.tally' | t: { count: v.tally } }}</span>
          }
        </span>
        <button
          type="button"
          class="kh-vote-button"
          data-testid="vote-add"
          [attr.aria-disabled]="v.canAdd ? null : 'true'"
          [attr.aria-label]="'board.voting.addFor' | t: { text: summary() }"
          (click)="v.canAdd && vote.emit(true)"
        >
          +
        </button>
      </div>
    }
    @if (resizable()) {
      <div class="kh-resize-handle" data-resize-handle [attr.title]="'board.canvas.resize' | t" aria-hidden="true"></div>
    }
  `,
})
export class BoardItemComponent {
  private readonly injector = inject(Injector);
  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');

  readonly item = input.required<BoardItem>();
  readonly selected = input(false);
  /** May be moved, resized and edited (edit rights and not locked). */
  readonly resizable = input(false);
  readonly locked = input(false);
  /** The item's Y.Text while it is being edited. */
  readonly text = input<Y.Text | null>(null);
  readonly votes = input<VoteInfo | null | undefined>(null);
  /** Translated by the canvas, so that each item does not subscribe to the language itself. */
  readonly typeName = input.required<string>();
  readonly label = input.required<string>();
  readonly summary = input('');
  readonly fallbackText = input('');

  readonly editEnd = output<void>();
  /** true: add a vote, false: remove one. */
  readonly vote = output<boolean>();

  protected readonly testId = computed(() => `board-item-${this.item().type}`);
  protected readonly hostClass = computed(() => {
    const { type, colour } = this.item();
    return `kh-board-item kh-board-item--${type}${colour ? ` kh-note--${colour}` : ''}`;
  });
  protected readonly position = computed(() => `translate(${this.item().x}px,${this.item().y}px)`);
  /**
   * Notes are typed straight into the shared document, so the sensitive-data guard warns while the
   * writer types (checked only while this item is being edited).
   */
  protected readonly sensitive = computed(() => this.text() !== null && this.item().type !== 'frame' && findSensitiveData(this.item().text).length > 0);
  protected readonly maxLength = computed(() => (this.item().type === 'frame' ? BOARD_LIMITS.frameTitle : BOARD_LIMITS.noteText));

  constructor() {
    effect(() => {
      if (!this.text()) return;
      afterNextRender(
        () => {
          const field = this.editor()?.nativeElement;
          if (!field) return;
          field.focus();
          field.setSelectionRange(field.value.length, field.value.length);
        },
        { injector: this.injector },
      );
    });
  }
}
