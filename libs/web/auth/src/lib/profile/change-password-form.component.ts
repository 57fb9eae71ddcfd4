import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { LIMITS } from '@kehittamo/shared/domain';
import { AuthApi, ConfigStore, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, matchesSibling, NoticeComponent } from '@kehittamo/web/ui';

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
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly changed = signal(false);

  protected submit(): void {
    if (this.busy()) return;
    this.changed.set(false);
    this.form.controls.confirmPassword.updateValueAndValidity();
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submission.submit(() => this.api.changePassword({ currentPassword, newPassword }), {
      done: () => {
        this.changed.set(true);
        // resetForm (not form.reset) also clears "submitted", so no errors show on the empty fields.
        this.formDirective().resetForm();
      },
    });
  }
}
