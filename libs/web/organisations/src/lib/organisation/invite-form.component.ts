import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output, signal } from '@angular/core';
import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  LIMITS,
  ORGANISATION_ROLES,
  type InvitationCreated,
  type OrganisationRole,
} from '@kehittamo/shared/domain';
import {
  AuthStore,
  DateTimePipe,
  describeError,
  I18nService,
  InvitationApi,
  LabelPipe,
  TranslatePipe,
} from '@kehittamo/web/core';
import {
  applyServerErrors,
  ErrorMessageComponent,
  FieldErrorPipe,
  focusFirstInvalid,
  NoticeComponent,
} from '@kehittamo/web/ui';

/**
 * Creates an invitation and shows its link with a copy button: mail may be off,
 * and many invitees (experience experts) are easier to reach by text message.
 */
@Component({
  selector: 'kh-invite-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    CdkCopyToClipboard,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    LabelPipe,
    DateTimePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
  ],
  templateUrl: './invite-form.component.html',
})
export class InviteFormComponent {
  private readonly api = inject(InvitationApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly organisationId = input.required<string>();
  readonly invited = output<InvitationCreated>();

  /** Only admins may invite admins; the server enforces the same. */
  protected readonly roles = computed<readonly OrganisationRole[]>(() =>
    this.auth.isAdmin() ? ORGANISATION_ROLES : ORGANISATION_ROLES.filter((role) => role !== 'admin'),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(LIMITS.emailMax)]],
    role: ['expert' as OrganisationRole, [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly result = signal<InvitationCreated | null>(null);
  protected readonly copied = signal(false);
  protected readonly error = signal<unknown>(null);

  protected submit(directive: FormGroupDirective): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { email, role } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    this.copied.set(false);
    this.api.create({ email: email.trim(), role, organisationId: this.organisationId() }).subscribe({
      next: (invitation) => {
        this.busy.set(false);
        this.result.set(invitation);
        directive.resetForm({ email: '', role });
        this.invited.emit(invitation);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
        applyServerErrors(this.form, describeError(error, (key, params) => this.i18n.translate(key, params)));
      },
    });
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
