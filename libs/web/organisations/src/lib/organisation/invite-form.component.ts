import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
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
import { AuthStore, DateTimePipe, InvitationApi, LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent } from '@kehittamo/web/ui';

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
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly result = signal<InvitationCreated | null>(null);
  protected readonly copied = signal(false);

  protected submit(directive: FormGroupDirective): void {
    const { email, role } = this.form.getRawValue();
    const request = () => {
      this.result.set(null);
      this.copied.set(false);
      return this.api.create({ email: email.trim(), role, organisationId: this.organisationId() });
    };
    this.submission.submit(request, {
      done: (invitation) => {
        this.result.set(invitation);
        directive.resetForm({ email: '', role });
        this.invited.emit(invitation);
      },
    });
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
