import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, output, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { LIMITS, ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '@kehittamo/shared/domain';
import { describeError, I18nService, LabelPipe, OrganisationApi, TranslatePipe } from '@kehittamo/web/core';
import {
  applyServerErrors,
  ErrorMessageComponent,
  FieldErrorPipe,
  focusFirstInvalid,
  NoticeComponent,
} from '@kehittamo/web/ui';

/** Admins only (the server refuses others too). */
@Component({
  selector: 'kh-create-organisation-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    LabelPipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
  ],
  templateUrl: './create-organisation-form.component.html',
})
export class CreateOrganisationFormComponent {
  private readonly api = inject(OrganisationApi);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly created = output<Organisation>();

  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.organisationNameMax)]],
    shortName: ['', [Validators.required, Validators.maxLength(LIMITS.shortNameMax)]],
    kind: ['region' as OrganisationKind],
  });
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);

  protected submit(directive: FormGroupDirective): void {
    if (this.busy()) return;
    this.notice.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { name, shortName, kind } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api.create({ name: name.trim(), shortName: shortName.trim(), kind }).subscribe({
      next: (organisation) => {
        this.busy.set(false);
        this.notice.set(this.i18n.translate('organisations.created', { name: organisation.name }));
        directive.resetForm({ name: '', shortName: '', kind: 'region' });
        this.created.emit(organisation);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
        applyServerErrors(this.form, describeError(error, (key, params) => this.i18n.translate(key, params)));
      },
    });
  }
}
