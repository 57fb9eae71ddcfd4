import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { LIMITS, ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, OrganisationApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent } from '@kehittamo/web/ui';

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

  readonly created = output<Organisation>();

  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.organisationNameMax)]],
    shortName: ['', [Validators.required, Validators.maxLength(LIMITS.shortNameMax)]],
    kind: ['region' as OrganisationKind],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly notice = signal<string | null>(null);

  protected submit(directive: FormGroupDirective): void {
    if (this.busy()) return;
    this.notice.set(null);
    const { name, shortName, kind } = this.form.getRawValue();
    this.submission.submit(() => this.api.create({ name: name.trim(), shortName: shortName.trim(), kind }), {
      done: (organisation) => {
        this.notice.set(this.i18n.translate('organisations.created', { name: organisation.name }));
        directive.resetForm({ name: '', shortName: '', kind: 'region' });
        this.created.emit(organisation);
      },
    });
  }
}
