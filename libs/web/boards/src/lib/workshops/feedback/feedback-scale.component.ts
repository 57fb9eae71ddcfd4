import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { TranslatePipe } from '@kehittamo/web/core';

const SCALE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * One 0–10 question as a native radio group (fieldset + legend): arrow keys move within it,
 * screen readers say "3 of 11". Each number is a big tile (44 px+) that wraps on a narrow
 * phone; the ends are explained in words above it.
 */
@Component({
  selector: 'kh-feedback-scale',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <fieldset
      class="kh-scale"
      [class.kh-scale--invalid]="invalid()"
      [attr.aria-describedby]="name() + '-ends' + (invalid() ? ' ' + name() + '-error' : '')"
      [attr.data-testid]="'feedback-' + name()"
    >
      <legend>{{ legend() }}</legend>
      <p class="kh-scale__ends" [id]="name() + '-ends'">{{ 'workshopFeedback.scaleEnds' | t }}</p>
      @if (invalid()) {
        <p class="kh-scale__error" [id]="name() + '-error'">{{ 'workshopFeedback.pickOne' | t }}</p>
      }
      <div class="kh-scale__options">
        @for (option of scale; track option) {
          <label class="kh-scale__option">
            <input type="radio" [name]="name()" [value]="option" [checked]="value() === option" (change)="value.set(option)" />
            <span>{{ option }}</span>
          </label>
        }
      </div>
    </fieldset>
  `,
  styles: `
    .kh-scale {
      margin: 0 0 1.5rem;
      padding: 0.75rem 1rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      min-width: 0;
    }
    .kh-scale legend {
      padding: 0 0.25rem;
      font: var(--mat-sys-title-medium);
    }
    .kh-scale--invalid {
      border: 3px solid var(--mat-sys-error);
    }
    .kh-scale__ends {
      margin: 0 0 0.5rem;
    }
    .kh-scale__error {
      margin: 0 0 0.5rem;
      color: var(--mat-sys-error);
      font-weight: 700;
    }
    .kh-scale__options {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(2.75rem, 1fr));
      gap: 0.375rem;
    }
    /* The whole tile is the label; the radio sits inside it, visible, so the choice shows by shape too. */
    .kh-scale__option {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.125rem;
      min-height: 3.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      font-weight: 600;
      cursor: pointer;
    }
    .kh-scale__option input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
    }
    .kh-scale__option:has(input:checked) {
      border: 3px solid var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .kh-scale__option:has(input:focus-visible) {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
})
export class FeedbackScaleComponent {
  /** The radio group's name, also used for element ids. */
  readonly name = input.required<string>();
  readonly legend = input.required<string>();
  readonly value = model<number | null>(null);
  readonly invalid = input(false);

  protected readonly scale = SCALE;
}
