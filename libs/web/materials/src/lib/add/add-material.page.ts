import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { MATERIAL_KINDS, MATERIAL_LIMITS, type Material, type MaterialKind } from '@kehittamo/shared/domain';
import { describeError, I18nService, LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import { applyServerErrors, ErrorMessageComponent, FieldErrorPipe, focusFirstInvalid, formSubmission } from '@kehittamo/web/ui';
import { materialOptions } from '../shared/material-options';
import { MaterialUploadComponent } from '../shared/material-upload.component';
import { isWebAddress } from '../shared/web-address';
import { applyMetadataErrors, MaterialMetadataFieldsComponent, metadataForm, metadataValue } from '../shared/metadata-fields.component';

/** Required and checked only when the form's kind is `kind`. */
function forKind(kind: MaterialKind, check: (control: AbstractControl<string>) => ValidationErrors | null) {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    control.parent?.get('kind')?.value === kind ? check(control) : null;
}

/**
 * "Add material": a file (uploaded with progress and Cancel), a link or a note, with its metadata,
 * into a space where the user has edit access (`?spaceId=` preselects one). Opens the new material.
 */
@Component({
  selector: 'kh-add-material-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslatePipe,
    LabelPipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    MaterialMetadataFieldsComponent,
    MaterialUploadComponent,
  ],
  templateUrl: './add-material.page.html',
})
export class AddMaterialPage {
  private readonly api = inject(MaterialApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly upload = viewChild(MaterialUploadComponent);

  /** Query parameter `?spaceId=`. */
  readonly spaceId = input<string>();

  protected readonly kinds = MATERIAL_KINDS;
  protected readonly limits = MATERIAL_LIMITS;
  protected readonly options = materialOptions();

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    kind: this.fb.control<MaterialKind>('file'),
    spaceId: ['', [Validators.required]],
    metadata: metadataForm(this.fb),
    url: [
      '',
      [
        forKind('link', (control) =>
          !control.value.trim() ? { required: true } : control.value.length > MATERIAL_LIMITS.urlMax || !isWebAddress(control.value) ? { url: true } : null,
        ),
      ],
    ],
    body: [
      '',
      [
        forKind('note', (control) =>
          !control.value.trim() ? { required: true } : control.value.length > MATERIAL_LIMITS.noteMax ? { maxlength: { requiredLength: MATERIAL_LIMITS.noteMax } } : null,
        ),
      ],
    ],
  });
  protected readonly kind = signal<MaterialKind>('file');
  private readonly submission = formSubmission(this.form);
  protected readonly busy = computed(() => this.submission.busy() || (this.upload()?.busy() ?? false));
  protected readonly error = this.submission.error;

  constructor() {
    // A link's or note's field errors from the server go to the metadata fields too.
    effect(() => {
      const failure = this.submission.error();
      if (failure) untracked(() => applyMetadataErrors(this.form.controls.metadata, failure, this.i18n));
    });
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      this.kind.set(kind);
      this.form.controls.url.updateValueAndValidity();
      this.form.controls.body.updateValueAndValidity();
    });
    // Preselect the space from the address, or the only one there is.
    effect(() => {
      const spaces = this.options.editableSpaces();
      const wanted = this.spaceId();
      const control = this.form.controls.spaceId;
      if (control.value) return;
      const preset = spaces.find((space) => space.id === wanted) ?? (spaces.length === 1 ? spaces[0] : undefined);
      if (preset) control.setValue(preset.id);
    });
  }

  protected submit(): void {
    const kind = this.form.controls.kind.value;
    const spaceId = this.form.controls.spaceId.value;
    const metadata = metadataValue(this.form.controls.metadata);
    if (kind === 'file') {
      const upload = this.upload();
      const fileOk = upload?.validate() ?? false;
      if (this.form.invalid || !fileOk || !upload) {
        this.form.markAllAsTouched();
        focusFirstInvalid(this.host, this.injector);
        return;
      }
      upload.start((file) => this.api.upload(spaceId, metadata, file));
      return;
    }
    const value = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.api.create({
          spaceId,
          kind,
          ...metadata,
          ...(kind === 'link' ? { url: value.url.trim() } : { body: value.body }),
        }),
      { staysBusy: true, done: (material) => this.open(material) },
    );
  }

  protected open(material: Material): void {
    void this.router.navigate(['/materials', material.id]);
  }

  /** The server's field errors of an upload go next to the metadata fields and the space. */
  protected uploadFailed(failure: unknown): void {
    applyMetadataErrors(this.form.controls.metadata, failure, this.i18n);
    applyServerErrors(this.form, describeError(failure, (key, params) => this.i18n.translate(key, params)));
    focusFirstInvalid(this.host, this.injector);
  }
}
