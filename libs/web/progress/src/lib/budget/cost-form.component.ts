import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { COST_CATEGORIES, PROGRESS_LIMITS, type CostCategory, type CostEntry } from '@kehittamo/shared/domain';
import { LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import { ProgressApi } from '../progress.api';
import { amountValidator, parseEuros, periodValidator } from '../shared/validators';

/** An organisation the user may enter costs for. */
export interface CostOrganisation {
  id: string;
  name: string;
}

/**
 * One actual cost: organisation, month (`YYYY-MM`; browsers without a month picker get a text
 * field, hence the hint and the check), category, amount in euros (comma or point) and a note.
 */
@Component({
  selector: 'kh-cost-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput, TranslatePipe, LabelPipe, FieldErrorPipe, ErrorMessageComponent],
  template: `
    <kh-error-message [error]="error()" />
    <form class="kh-form" novalidate data-testid="cost-form" [formGroup]="form" #formDirective="ngForm" (ngSubmit)="submit(formDirective)">
      <mat-form-field>
        <mat-label>{{ 'models.organisation' | t }}</mat-label>
        <select matNativeControl formControlName="organisationId" data-testid="cost-organisation">
          <option value="">{{ 'space.choose' | t }}</option>
          @for (organisation of organisations(); track organisation.id) {
            <option [value]="organisation.id">{{ organisation.name }}</option>
          }
        </select>
        <mat-error>{{ form.controls.organisationId | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'workshops.trendMonth' | t }}</mat-label>
        <input matInput type="month" formControlName="period" data-testid="cost-period" placeholder="2025-03" />
        <mat-hint>{{ 'progress.period' | t }}</mat-hint>
        <mat-error>
          {{ form.controls.period.hasError('period') ? ('progress.period' | t) : (form.controls.period | fieldError) }}
        </mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.category' | t }}</mat-label>
        <select matNativeControl formControlName="category" data-testid="cost-category">
          @for (option of categories; track option) {
            <option [value]="option">{{ option | label: 'costCategories' }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.amount' | t }}</mat-label>
        <input matInput inputmode="decimal" autocomplete="off" formControlName="amount" data-testid="cost-amount" />
        <mat-error>{{ form.controls.amount | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.note' | t }} ({{ 'common.optional' | t }})</mat-label>
        <input matInput formControlName="note" data-testid="cost-note" [maxlength]="noteMax" />
        <mat-error>{{ form.controls.note | fieldError }}</mat-error>
      </mat-form-field>
      <div class="kh-form-actions">
        <button matButton="filled" type="submit" data-testid="cost-save">
          {{ (busy() ? 'common.saving' : 'progress.addCost') | t }}
        </button>
      </div>
    </form>
  `,
})
export class CostFormComponent {
  private readonly api = inject(ProgressApi);

  readonly organisations = input.required<readonly CostOrganisation[]>();
  readonly created = output<CostEntry>();

  protected readonly categories = COST_CATEGORIES;
  protected readonly noteMax = PROGRESS_LIMITS.noteMax;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    organisationId: ['', [Validators.required]],
    period: ['', [Validators.required, periodValidator]],
    category: this.fb.control<CostCategory>('personnel'),
    amount: ['', [Validators.required, amountValidator]],
    note: ['', [Validators.maxLength(PROGRESS_LIMITS.noteMax)]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    // With one organisation there is nothing to choose.
    effect(() => {
      const organisations = this.organisations();
      const control = this.form.controls.organisationId;
      if (organisations.length === 1 && !control.value) control.setValue(organisations[0].id);
    });
  }

  protected submit(formDirective: FormGroupDirective): void {
    const value = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.api.createCost({
          organisationId: value.organisationId,
          period: value.period,
          category: value.category,
          amount: parseEuros(value.amount) ?? 0,
          note: value.note.trim(),
        }),
      {
        done: (entry) => {
          // The organisation, month and category often repeat from one entry to the next.
          formDirective.resetForm({ ...value, amount: '', note: '' });
          this.created.emit(entry);
        },
      },
    );
  }
}
