import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MATERIAL_LIMITS, type MaterialCollection, type Space } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';

/** A new, empty collection: its name, description and space (only spaces where the user may edit). */
@Component({
  selector: 'kh-create-collection-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, TranslatePipe, FieldErrorPipe, ErrorMessageComponent],
  template: `
    <kh-error-message [error]="error()" />
    <form class="kh-form" [formGroup]="form" #formDirective="ngForm" (ngSubmit)="submit(formDirective)">
      <mat-form-field>
        <mat-label>{{ 'materialForm.titleField' | t }}</mat-label>
        <input matInput formControlName="title" data-testid="collection-create-title" [maxlength]="limits.collectionTitleMax" />
        <mat-error>{{ form.controls.title | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'spaces.description' | t }} ({{ 'common.optional' | t }})</mat-label>
        <textarea matInput rows="3" formControlName="description" data-testid="collection-create-description"></textarea>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'models.space' | t }}</mat-label>
        <select matNativeControl formControlName="spaceId" data-testid="collection-create-space">
          <option value="">{{ 'space.choose' | t }}</option>
          @for (space of spaces(); track space.id) {
            <option [value]="space.id">{{ space.name }}</option>
          }
        </select>
        <mat-error>{{ form.controls.spaceId | fieldError }}</mat-error>
      </mat-form-field>
      <div class="kh-form-actions">
        <button matButton="filled" type="submit" data-testid="collection-create-submit">
          {{ (busy() ? 'common.saving' : 'materialCollections.create') | t }}
        </button>
      </div>
    </form>
  `,
})
export class CreateCollectionFormComponent {
  private readonly api = inject(MaterialApi);

  readonly spaces = input.required<readonly Space[]>();
  readonly created = output<MaterialCollection>();

  protected readonly limits = MATERIAL_LIMITS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(MATERIAL_LIMITS.collectionTitleMax)]],
    description: ['', [Validators.maxLength(MATERIAL_LIMITS.collectionDescriptionMax)]],
    spaceId: ['', [Validators.required]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    // With one space there is nothing to choose.
    effect(() => {
      const spaces = this.spaces();
      if (spaces.length === 1 && !this.form.controls.spaceId.value) this.form.controls.spaceId.setValue(spaces[0].id);
    });
  }

  protected submit(formDirective: FormGroupDirective): void {
    const { title, description, spaceId } = this.form.getRawValue();
    if (!title.trim()) this.form.controls.title.setValue('');
    this.submission.submit(() => this.api.createCollection({ spaceId, title: title.trim(), description: description.trim() }), {
      done: (collection) => {
        formDirective.resetForm({ title: '', description: '', spaceId });
        this.created.emit(collection);
      },
    });
  }
}
