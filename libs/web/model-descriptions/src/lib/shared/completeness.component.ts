import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MODEL_COMPLETENESS_FIELDS, type ModelCompleteness } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { COMPLETENESS_LABEL, FIELD_LABEL } from './field-labels';

const ICON = { empty: '○', started: '◐', filled: '✓' } as const;

/**
 * "6/9 osaa täytetty" and each Innokylä field as empty / started / filled: a word and a shape
 * (○ ◐ ✓) for each state, the colour only decorates.
 */
@Component({
  selector: 'kh-completeness',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="kh-completeness__summary" data-testid="completeness-total">
      {{ 'modelEditor.completenessSummary' | t: { filled: completeness().filled, total: completeness().total } }}
    </p>
    <ul class="kh-completeness__list">
      @for (field of fields; track field) {
        @let state = completeness().fields[field];
        <li class="kh-completeness__item" [attr.data-testid]="'completeness-' + field" [attr.data-state]="state">
          <span>{{ labels[field] | t }}<span class="kh-visually-hidden">:</span></span>
          <span [class]="'kh-state kh-state--' + state">
            <span aria-hidden="true" class="kh-state__icon">{{ icons[state] }}</span>
            {{ states[state] | t }}
          </span>
        </li>
      }
    </ul>
  `,
  styles: `
    .kh-completeness__summary {
      font-weight: 700;
      margin-block: 0 0.5rem;
    }
    .kh-completeness__list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
      gap: 0.25rem 1.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .kh-completeness__item {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      padding-block: 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .kh-state {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      flex: none;
      padding: 0 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 999px;
      font: var(--mat-sys-label-large);
    }
    .kh-state--filled {
      border-color: #146c2e;
      background: #e6f4ea;
      color: #0d4f20;
    }
    .kh-state--started {
      border-style: dashed;
    }
    .kh-state__icon {
      font-weight: 700;
    }
  `,
})
export class CompletenessComponent {
  readonly completeness = input.required<ModelCompleteness>();

  protected readonly fields = MODEL_COMPLETENESS_FIELDS;
  protected readonly labels = FIELD_LABEL;
  protected readonly states = COMPLETENESS_LABEL;
  protected readonly icons = ICON;
}
