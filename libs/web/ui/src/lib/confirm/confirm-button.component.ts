import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslatePipe } from '@kehittamo/web/core';

/**
 * A button for something hard to undo that asks once more in place. Inline rather than
 * window.confirm or a dialog: the question stays in the page flow on small phones,
 * is translated, and browser tests can answer it (`<testId>-confirm`).
 * Focus follows: to the question when asked, back to the button when cancelled.
 */
@Component({
  selector: 'kh-confirm-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    @if (asking()) {
      <div class="kh-confirm">
        <p #questionText tabindex="-1">{{ question() }}</p>
        <div class="kh-form-actions">
          <button matButton="filled" type="button" [attr.data-testid]="testId() + '-confirm'" (click)="confirm()">
            {{ confirmLabel() }}
          </button>
          <button matButton="outlined" type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
        </div>
      </div>
    } @else {
      <button
        #start
        matButton="outlined"
        type="button"
        [attr.aria-label]="accessibleLabel()"
        [attr.data-testid]="testId()"
        (click)="ask()"
      >
        {{ label() }}
      </button>
    }
  `,
})
export class ConfirmButtonComponent {
  private readonly injector = inject(Injector);
  private readonly questionElement = viewChild<ElementRef<HTMLElement>>('questionText');
  private readonly startButton = viewChild('start', { read: ElementRef<HTMLElement> });

  readonly label = input.required<string>();
  /** A fuller name for screen readers, e.g. "Remove from space Maija"; must start with `label`. */
  readonly accessibleLabel = input<string | null>(null);
  readonly question = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly testId = input.required<string>();
  readonly confirmed = output<void>();

  protected readonly asking = signal(false);

  protected ask(): void {
    this.asking.set(true);
    afterNextRender(() => this.questionElement()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancel(): void {
    this.asking.set(false);
    afterNextRender(() => this.startButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected confirm(): void {
    this.asking.set(false);
    this.confirmed.emit();
  }
}
