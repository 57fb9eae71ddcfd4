import { ChangeDetectionStrategy, Component, inject, input, OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { LANGUAGES, LIMITS, type AcceptInvitationRequest } from '@kehittamo/shared/domain';
import { AuthStore, ConfigStore, HOME_URL, I18nService, InvitationApi, LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';

/**
 * A new account gives a display name (a pseudonym is fine — experience experts often
 * prefer one), an optional real name for coordinators, a password and a language.
 * An existing account only proves itself with its password.
 */
@Component({
  selector: 'kh-accept-invitation-form',
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
    LabelPipe,
    FieldErrorPipe,
    ErrorMessageComponent,
  ],
  templateUrl: './accept-invitation-form.component.html',
})
export class AcceptInvitationFormComponent implements OnInit {
  private readonly api = inject(InvitationApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  readonly token = input.required<string>();
  readonly existingAccount = input.required<boolean>();

  protected readonly languages = LANGUAGES;
  protected readonly passwordMinLength = inject(ConfigStore).passwordMinLength;
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: [
      '',
      [Validators.required, Validators.minLength(LIMITS.displayNameMin), Validators.maxLength(LIMITS.displayNameMax)],
    ],
    realName: ['', [Validators.maxLength(LIMITS.realNameMax)]],
    password: [
      '',
      [Validators.required, Validators.minLength(this.passwordMinLength()), Validators.maxLength(LIMITS.passwordMax)],
    ],
    language: [this.i18n.language()],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    if (!this.existingAccount()) return;
    // Only the password is asked; its length rules applied when it was first set.
    const controls = this.form.controls;
    controls.displayName.disable();
    controls.realName.disable();
    controls.language.disable();
    controls.password.setValidators([Validators.required]);
    controls.password.updateValueAndValidity();
  }

  protected submit(): void {
    this.submission.submit(() => this.api.accept(this.request()), {
      done: (me) => {
        this.auth.set(me);
        void this.router.navigateByUrl(HOME_URL);
      },
      staysBusy: true,
    });
  }

  private request(): AcceptInvitationRequest {
    const { displayName, realName, password, language } = this.form.getRawValue();
    if (this.existingAccount()) return { token: this.token(), password };
    return {
      token: this.token(),
      displayName: displayName.trim(),
      password,
      language,
      ...(realName.trim() ? { realName: realName.trim() } : {}),
    };
  }
}
