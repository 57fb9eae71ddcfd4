import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { LIMITS, type ModelVersion } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';

/** Saves the current content as a named version. */
@Component({
  selector: 'kh-create-version-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslatePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
  ],
  template: `
    <h2 id="version-create-heading">{{ 'modelVersions.createHeading' | t }}</h2>
    <kh-error-message [error]="error()" />
    <kh-notice [message]="notice()" />
    <form
      class="kh-form"
      aria-labelledby="version-create-heading"
      [formGroup]="form"
      #formDirective="ngForm"
      (ngSubmit)="submit(formDirective)"
    >
      <mat-form-field>
        <mat-label>{{ 'modelVersions.nameField' | t }}</mat-label>
        <input matInput formControlName="name" data-testid="version-create-name" />
        <mat-hint>{{ 'modelVersions.nameHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.name | fieldError }}</mat-error>
      </mat-form-field>
      <div class="kh-form-actions">
        <button matButton="filled" type="submit" data-testid="version-create-submit">
          {{ (busy() ? 'common.saving' : 'modelVersions.create') | t }}
        </button>
      </div>
    </form>
  `,
})
export class CreateVersionFormComponent {
  private readonly api = inject(ModelDescriptionApi);
  private readonly i18n = inject(I18nService);

  readonly modelId = input.required<string>();
  readonly created = output<ModelVersion>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.modelVersionNameMax)]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly notice = signal<string | null>(null);

  protected submit(directive: FormGroupDirective): void {
    this.notice.set(null);
    const name = this.form.controls.name.value.trim();
    if (!name) this.form.controls.name.setValue('');
    this.submission.submit(() => this.api.createVersion(this.modelId(), { name }), {
      done: (version) => {
        directive.resetForm({ name: '' });
        this.notice.set(this.i18n.translate('modelVersions.created', { name: version.name }));
        this.created.emit(version);
      },
    });
  }
}
