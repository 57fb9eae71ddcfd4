import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { LIMITS } from '@kehittamo/shared/domain';
import { AuthApi, ConfigStore, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, focusFirstInvalid, NoticeComponent } from '@kehittamo/web/ui';

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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly mailConfigured = inject(ConfigStore).mailConfigured;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(LIMITS.emailMax)]],
  });
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal<unknown>(null);

  protected submit(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.sent.set(false);
    this.api.requestPasswordReset(this.form.getRawValue()).subscribe({
      // The answer is the same whether or not the address exists, and so is our message.
      next: () => this.sent.set(true),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
      },
      complete: () => this.busy.set(false),
    });
  }
}
