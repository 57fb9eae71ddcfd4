import { ChangeDetectionStrategy, Component, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MATERIAL_LIMITS, type Material, type UpdateMaterialRequest } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import type { MaterialOptions } from '../shared/material-options';
import { isWebAddress } from '../shared/web-address';
import { applyMetadataErrors, fillMetadata, MaterialMetadataFieldsComponent, metadataForm, metadataValue } from '../shared/metadata-fields.component';

/** Edits a material's metadata, and a link's address or a note's text. Editors only (`canEdit`). */
@Component({
  selector: 'kh-edit-material',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput, TranslatePipe, FieldErrorPipe, ErrorMessageComponent, MaterialMetadataFieldsComponent],
  template: `
    <kh-error-message [error]="error()" />
    <form class="kh-form" novalidate [formGroup]="form" (ngSubmit)="submit()">
      <kh-material-metadata-fields
        [form]="form.controls.metadata"
        [organisations]="options().sortedOrganisations()"
        [workPackages]="options().workPackages()"
      />
      @if (material().kind === 'link') {
        <mat-form-field>
          <mat-label>{{ 'materialForm.url' | t }}</mat-label>
          <input matInput type="url" inputmode="url" formControlName="url" data-testid="material-url-input" [maxlength]="limits.urlMax" />
          <mat-hint>{{ 'materialForm.urlHint' | t }}</mat-hint>
          <mat-error>
            {{ form.controls.url.hasError('url') ? ('materialForm.urlInvalid' | t) : (form.controls.url | fieldError) }}
          </mat-error>
        </mat-form-field>
      }
      @if (material().kind === 'note') {
        <mat-form-field>
          <mat-label>{{ 'materialKinds.note' | t }}</mat-label>
          <textarea matInput rows="10" formControlName="body" data-testid="material-body-input"></textarea>
          <mat-hint>{{ 'materialForm.bodyHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.body | fieldError }}</mat-error>
        </mat-form-field>
      }
      <div class="kh-form-actions">
        <button matButton="filled" type="submit" data-testid="material-save">
          {{ (busy() ? 'common.saving' : 'common.save') | t }}
        </button>
      </div>
    </form>
  `,
})
export class EditMaterialComponent {
  private readonly api = inject(MaterialApi);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly material = input.required<Material>();
  readonly options = input.required<MaterialOptions>();
  readonly saved = output<Material>();

  protected readonly limits = MATERIAL_LIMITS;
  protected readonly form = this.fb.group({
    metadata: metadataForm(this.fb),
    url: ['', [Validators.maxLength(MATERIAL_LIMITS.urlMax)]],
    body: ['', [Validators.maxLength(MATERIAL_LIMITS.noteMax)]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  /** The version of the material the form was filled from; a local change such as "useful" does not refill it. */
  private filledFrom = '';

  constructor() {
    const i18n = inject(I18nService);
    effect(() => {
      const failure = this.submission.error();
      if (failure) untracked(() => applyMetadataErrors(this.form.controls.metadata, failure, i18n));
    });
    effect(() => {
      const material = this.material();
      const version = `${material.id}|${material.updatedAt}`;
      if (version === this.filledFrom) return;
      this.filledFrom = version;
      untracked(() => {
        fillMetadata(this.form.controls.metadata, material);
        const url = this.form.controls.url;
        const body = this.form.controls.body;
        url.setValue(material.url ?? '');
        body.setValue(material.body ?? '');
        url.setValidators(
          material.kind === 'link'
            ? [Validators.required, Validators.maxLength(MATERIAL_LIMITS.urlMax), (c) => (c.value && !isWebAddress(c.value) ? { url: true } : null)]
            : [],
        );
        body.setValidators(material.kind === 'note' ? [Validators.required, Validators.maxLength(MATERIAL_LIMITS.noteMax)] : []);
        url.updateValueAndValidity();
        body.updateValueAndValidity();
      });
    });
  }

  protected submit(): void {
    const material = this.material();
    const value = this.form.getRawValue();
    const request: UpdateMaterialRequest = {
      ...metadataValue(this.form.controls.metadata),
      ...(material.kind === 'link' ? { url: value.url.trim() } : {}),
      ...(material.kind === 'note' ? { body: value.body } : {}),
    };
    this.submission.submit(() => this.api.update(material.id, request), { done: (updated) => this.saved.emit(updated) });
  }
}
