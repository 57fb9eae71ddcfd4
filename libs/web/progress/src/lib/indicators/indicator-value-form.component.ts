import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { INDICATOR_LIMITS, type Indicator } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import { ProgressApi } from '../progress.api';
import { currentQuarter, PROJECT_QUARTERS } from '../shared/quarters';

/** An organisation the user may enter values for. */
export interface ValueOrganisation {
  id: string;
  name: string;
}

/** One organisation's value of a manual indicator for a quarter (entering again corrects it). */
@Component({
  selector: 'kh-indicator-value-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, TranslatePipe, FieldErrorPipe, ErrorMessageComponent],
  template: `
    <kh-error-message [error]="error()" />
    <form class="kh-form indicator-form" novalidate [formGroup]="form" (ngSubmit)="submit()">
      <mat-form-field>
        <mat-label>{{ 'models.organisation' | t }}</mat-label>
        <select matNativeControl formControlName="organisationId" data-testid="indicator-value-organisation">
          @if (organisations().length > 1) {
            <option value="">{{ 'space.choose' | t }}</option>
          }
          @for (organisation of organisations(); track organisation.id) {
            <option [value]="organisation.id">{{ organisation.name }}</option>
          }
        </select>
        <mat-error>{{ form.controls.organisationId | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.quarter' | t }}</mat-label>
        <select matNativeControl formControlName="period" data-testid="indicator-value-period">
          @for (quarter of quarters; track quarter) {
            <option [value]="quarter">{{ quarter }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.value' | t }} ({{ indicator().unit }})</mat-label>
        <input matInput type="number" inputmode="decimal" min="0" formControlName="value" data-testid="indicator-value" />
        <mat-error>{{ form.controls.value | fieldError }}</mat-error>
      </mat-form-field>
      <div class="kh-form-actions">
        <button matButton="filled" type="submit" data-testid="indicator-value-save">
          {{ busy() ? ('common.saving' | t) : ('progress.addValue' | t) }}<span class="kh-visually-hidden">: {{ indicator().name }}</span>
        </button>
      </div>
    </form>
  `,
})
export class IndicatorValueFormComponent {
  private readonly api = inject(ProgressApi);

  readonly indicator = input.required<Indicator>();
  readonly organisations = input.required<readonly ValueOrganisation[]>();
  readonly saved = output<Indicator>();

  protected readonly quarters = PROJECT_QUARTERS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationId: ['', [Validators.required]],
    period: [currentQuarter(), [Validators.required]],
    value: this.numberControl(),
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    effect(() => {
      const organisations = this.organisations();
      const control = this.form.controls.organisationId;
      if (organisations.length === 1 && !control.value) control.setValue(organisations[0].id);
    });
  }

  protected submit(): void {
    const { organisationId, period, value } = this.form.getRawValue();
    this.submission.submit(() => this.api.setIndicatorValue(this.indicator().id, { organisationId, period, value: Number(value) }), {
      done: (indicator) => this.saved.emit(indicator),
    });
  }

  private numberControl() {
    return inject(NonNullableFormBuilder).control<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.max(INDICATOR_LIMITS.valueMax),
    ]);
  }
}
