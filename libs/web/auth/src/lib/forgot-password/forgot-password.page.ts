import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { LIMITS } from '@kehittamo/shared/domain';
import { AuthApi, ConfigStore, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent } from '@kehittamo/web/ui';

@Component({
  selector: 'kh-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
  ],
  templateUrl: './forgot-password.page.html',
})
export class ForgotPasswordPage {
  private readonly api = inject(AuthApi);

  protected readonly mailConfigured = inject(ConfigStore).mailConfigured;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(LIMITS.emailMax)]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly sent = signal(false);

  protected submit(): void {
    const request = () => {
      this.sent.set(false);
      return this.api.requestPasswordReset(this.form.getRawValue());
    };
    // The answer is the same whether or not the address exists, and so is our message.
    this.submission.submit(request, { done: () => this.sent.set(true), fieldErrors: false });
  }
}
