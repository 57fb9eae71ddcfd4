import { ChangeDetectionStrategy, ChangeDetectorRef, Component, effect, inject, input } from '@angular/core';
import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  MATERIAL_LANGUAGES,
  MATERIAL_LIMITS,
  MATERIAL_TYPES,
  type MaterialLanguage,
  type MaterialMetadata,
  type MaterialSummary,
  type MaterialType,
  type Organisation,
} from '@kehittamo/shared/domain';
import { describeError, I18nService, LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { applyServerErrors, FieldErrorPipe } from '@kehittamo/web/ui';
import type { WorkPackageChoice } from './material-options';

export type MetadataForm = FormGroup<{
  title: FormControl<string>;
  description: FormControl<string>;
  tags: FormControl<string>;
  workPackages: FormControl<string[]>;
  organisationId: FormControl<string>;
  type: FormControl<MaterialType>;
  language: FormControl<MaterialLanguage>;
}>;

/** Tags as typed: comma-separated, trimmed, without empties or repeats (case-insensitive). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((tag) => tag.trim().replace(/\s+/g, ' '))
    .filter((tag) => {
      const key = tag.toLocaleLowerCase('fi');
      if (!tag || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** What the server takes as a tag: letters, digits, spaces, `_` and `-`, starting with a letter or digit. */
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

function tagsValid(control: AbstractControl<string>): ValidationErrors | null {
  const tags = parseTags(control.value ?? '');
  const wrong = tags.length > MATERIAL_LIMITS.tagsMax || tags.some((tag) => tag.length > MATERIAL_LIMITS.tagMax || !TAG_PATTERN.test(tag));
  return wrong ? { tags: true } : null;
}

/**
 * Puts the server's field errors (`title`, `tags` …) on the metadata fields, which sit in a group
 * of their own inside the host form (formSubmission only looks at the host form's own controls).
 */
export function applyMetadataErrors(form: MetadataForm, failure: unknown, i18n: I18nService): void {
  applyServerErrors(form, describeError(failure, (key, params) => i18n.translate(key, params)));
}

/** The metadata every kind of material has; the title is required. */
export function metadataForm(fb: NonNullableFormBuilder): MetadataForm {
  return fb.group({
    title: ['', [Validators.required, Validators.maxLength(MATERIAL_LIMITS.titleMax)]],
    description: ['', [Validators.maxLength(MATERIAL_LIMITS.descriptionMax)]],
    tags: ['', [tagsValid]],
    workPackages: fb.control<string[]>([]),
    organisationId: [''],
    type: fb.control<MaterialType>('other'),
    language: fb.control<MaterialLanguage>('fi'),
  });
}

/** The form's values as the API takes them. */
export function metadataValue(form: MetadataForm): MaterialMetadata {
  const value = form.getRawValue();
  return {
    title: value.title.trim(),
    description: value.description.trim(),
    tags: parseTags(value.tags),
    workPackages: value.workPackages,
    organisationId: value.organisationId || null,
    type: value.type,
    language: value.language,
  };
}

export function fillMetadata(form: MetadataForm, material: MaterialSummary): void {
  form.setValue({
    title: material.title,
    description: material.description,
    tags: material.tags.join(', '),
    workPackages: [...material.workPackages],
    organisationId: material.organisationId ?? '',
    type: material.type,
    language: material.language,
  });
}

/**
 * Title, description, tags, type, language, organisation and work packages of a material, for the
 * add and edit forms. Each field has a visible label; hints and errors are tied to their fields
 * (Material's form field sets aria-describedby).
 */
@Component({
  selector: 'kh-material-metadata-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, TranslatePipe, LabelPipe, FieldErrorPipe],
  template: `
    <ng-container [formGroup]="form()">
      <mat-form-field>
        <mat-label>{{ 'materialForm.titleField' | t }}</mat-label>
        <input matInput formControlName="title" data-testid="material-title-input" [maxlength]="limits.titleMax" />
        <mat-error>{{ form().controls.title | fieldError }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>{{ 'spaces.description' | t }} ({{ 'common.optional' | t }})</mat-label>
        <textarea matInput formControlName="description" rows="3" data-testid="material-description-input"></textarea>
        <mat-error>{{ form().controls.description | fieldError }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>{{ 'materials.tags' | t }} ({{ 'common.optional' | t }})</mat-label>
        <input matInput formControlName="tags" autocomplete="off" data-testid="material-tags-input" />
        <mat-hint>{{ 'materialForm.tagsHint' | t: { count: limits.tagsMax, max: limits.tagMax } }}</mat-hint>
        <mat-error>{{ form().controls.tags | fieldError }} {{ 'materialForm.tagsHint' | t: { count: limits.tagsMax, max: limits.tagMax } }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>{{ 'materials.type' | t }}</mat-label>
        <select matNativeControl formControlName="type" data-testid="material-type-input">
          @for (type of types; track type) {
            <option [value]="type">{{ type | label: 'materialTypes' }}</option>
          }
        </select>
      </mat-form-field>

      <mat-form-field>
        <mat-label>{{ 'materials.language' | t }}</mat-label>
        <select matNativeControl formControlName="language" data-testid="material-language-input">
          @for (language of languages; track language) {
            <option [value]="language">{{ language | label: 'materialLanguages' }}</option>
          }
        </select>
      </mat-form-field>

      <mat-form-field>
        <mat-label>{{ 'models.organisation' | t }} ({{ 'common.optional' | t }})</mat-label>
        <select matNativeControl formControlName="organisationId" data-testid="material-organisation-input">
          <option value="">{{ 'materialForm.noOrganisation' | t }}</option>
          @for (organisation of organisations(); track organisation.id) {
            <option [value]="organisation.id">{{ organisation.name }}</option>
          }
        </select>
      </mat-form-field>

      <fieldset class="kh-choices">
        <legend>{{ 'project.workPackages' | t }} ({{ 'common.optional' | t }})</legend>
        @for (wp of workPackages(); track wp.code) {
          <label class="kh-choice">
            <input
              type="checkbox"
              [attr.data-testid]="'material-wp-' + wp.code"
              [checked]="form().controls.workPackages.value.includes(wp.code)"
              (change)="toggleWorkPackage(wp.code, $event)"
            />
            <span>{{ wp.name ? wp.code + ' – ' + wp.name : wp.code }}</span>
          </label>
        }
      </fieldset>
    </ng-container>
  `,
  // The fields take part in the host form's column layout.
  styles: ':host { display: contents; }',
})
export class MaterialMetadataFieldsComponent {
  readonly form = input.required<MetadataForm>();
  readonly organisations = input<readonly Organisation[]>([]);
  readonly workPackages = input<readonly WorkPackageChoice[]>([]);

  protected readonly limits = MATERIAL_LIMITS;
  protected readonly types = MATERIAL_TYPES;
  protected readonly languages = MATERIAL_LANGUAGES;

  constructor() {
    // The host form marks the fields touched or puts the server's errors on them; this OnPush view
    // must then show the errors too.
    const changes = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const subscription = this.form().events.subscribe(() => changes.markForCheck());
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected toggleWorkPackage(code: string, event: Event): void {
    const control = this.form().controls.workPackages;
    const checked = (event.target as HTMLInputElement).checked;
    const others = control.value.filter((known) => known !== code);
    // Kept in TP1…TP5 order whatever the clicking order.
    const next = checked ? [...others, code] : others;
    control.setValue(this.workPackages().map((wp) => wp.code).filter((known) => next.includes(known)));
    control.markAsDirty();
  }
}
