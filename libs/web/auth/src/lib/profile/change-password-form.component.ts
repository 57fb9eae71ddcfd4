import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { LIMITS } from '@kehittamo/shared/domain';
import { AuthApi, ConfigStore, describeError, I18nService, TranslatePipe } from '@kehittamo/web/core';
import {
  applyServerErrors,
  ErrorMessageComponent,
  FieldErrorPipe,
  focusFirstInvalid,
  matchesSibling,
  NoticeComponent,
} from '@kehittamo/web/ui';

@Component({
  selector: 'kh-change-password-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
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
  templateUrl: './change-password-form.component.html',
})
export class ChangePasswordFormComponent {
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly passwordMinLength = inject(ConfigStore).passwordMinLength;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required]],
    newPassword: [
      '',
      [Validators.required, Validators.minLength(this.passwordMinLength()), Validators.maxLength(LIMITS.passwordMax)],
    ],
    confirmPassword: ['', [Validators.required, matchesSibling('newPassword')]],
  });
  protected readonly busy = signal(false);
  protected readonly changed = signal(false);
  protected readonly error = signal<unknown>(null);

  protected submit(): void {
    if (this.busy()) return;
    this.changed.set(false);
    this.form.controls.confirmPassword.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.busy.set(false);
        this.changed.set(true);
        // resetForm (not form.reset) also clears "submitted", so no errors show on the empty fields.
        this.formDirective().resetForm();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
        applyServerErrors(this.form, describeError(error, (key, params) => this.i18n.translate(key, params)));
      },
    });
  }
}
