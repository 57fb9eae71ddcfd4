import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { LIMITS } from '@kehittamo/shared/domain';
import { AuthApi, ConfigStore, toApiError, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, matchesSibling, NoticeComponent } from '@kehittamo/web/ui';

/** Opened from the emailed link `/reset-password?token=…`. */
@Component({
  selector: 'kh-reset-password-page',
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
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
  ],
  templateUrl: './reset-password.page.html',
})
export class ResetPasswordPage {
  private readonly api = inject(AuthApi);

  readonly token = input<string>();

  protected readonly passwordMinLength = inject(ConfigStore).passwordMinLength;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [Validators.required, Validators.minLength(this.passwordMinLength()), Validators.maxLength(LIMITS.passwordMax)],
    ],
    confirmPassword: ['', [Validators.required, matchesSibling('password')]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly done = signal(false);
  /** A dead link cannot be fixed by retyping: offer a new one instead. */
  protected readonly linkIsDead = computed(() => {
    const code = toApiError(this.error())?.code;
    return code === 'token_invalid' || code === 'token_expired' || code === 'token_used';
  });

  protected submit(): void {
    const token = this.token();
    if (this.busy() || !token) return;
    this.form.controls.confirmPassword.updateValueAndValidity();
    this.submission.submit(() => this.api.confirmPasswordReset({ token, password: this.form.controls.password.value }), {
      done: () => this.done.set(true),
    });
  }
}
