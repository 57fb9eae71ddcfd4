import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { LIMITS } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';

/** Creates a description in the space and opens it. Shown to people with edit rights in the space. */
@Component({
  selector: 'kh-create-model-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, TranslatePipe, FieldErrorPipe, ErrorMessageComponent],
  template: `
    <h2 id="model-create-heading">{{ 'models.createHeading' | t }}</h2>
    <kh-error-message [error]="error()" />
    <form class="kh-form" aria-labelledby="model-create-heading" [formGroup]="form" (ngSubmit)="submit()">
      <mat-form-field>
        <mat-label>{{ 'models.nameField' | t }}</mat-label>
        <input matInput formControlName="name" data-testid="model-create-name" />
        <mat-error>{{ form.controls.name | fieldError }}</mat-error>
      </mat-form-field>
      <div class="kh-form-actions">
        <button matButton="filled" type="submit" data-testid="model-create-submit">
          {{ (busy() ? 'common.saving' : 'models.create') | t }}
        </button>
      </div>
    </form>
  `,
})
export class CreateModelFormComponent {
  private readonly api = inject(ModelDescriptionApi);
  private readonly router = inject(Router);

  readonly spaceId = input.required<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.modelNameMax)]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected submit(): void {
    const name = this.form.controls.name.value.trim();
    if (!name) this.form.controls.name.setValue('');
    this.submission.submit(() => this.api.create({ spaceId: this.spaceId(), name }), {
      staysBusy: true,
      done: (model) => void this.router.navigate(['/models', model.id]),
    });
  }
}
