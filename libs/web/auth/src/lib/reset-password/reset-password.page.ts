import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { LIMITS } from '@kehittamo/shared/domain';
import { AuthApi, ConfigStore, describeError, I18nService, toApiError, TranslatePipe } from '@kehittamo/web/core';
import {
  applyServerErrors,
  ErrorMessageComponent,
  FieldErrorPipe,
  focusFirstInvalid,
  matchesSibling,
  NoticeComponent,
} from '@kehittamo/web/ui';

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
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly token = input<string>();

  protected readonly passwordMinLength = inject(ConfigStore).passwordMinLength;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [Validators.required, Validators.minLength(this.passwordMinLength()), Validators.maxLength(LIMITS.passwordMax)],
    ],
    confirmPassword: ['', [Validators.required, matchesSibling('password')]],
  });
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<unknown>(null);
  /** A dead link cannot be fixed by retyping: offer a new one instead. */
  protected readonly linkIsDead = computed(() => {
    const code = toApiError(this.error())?.code;
    return code === 'token_invalid' || code === 'token_expired' || code === 'token_used';
  });

  protected submit(): void {
    const token = this.token();
    if (this.busy() || !token) return;
    this.form.controls.confirmPassword.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.confirmPasswordReset({ token, password: this.form.controls.password.value }).subscribe({
      next: () => this.done.set(true),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
        applyServerErrors(this.form, describeError(error, (key, params) => this.i18n.translate(key, params)));
      },
      complete: () => this.busy.set(false),
    });
  }
}
