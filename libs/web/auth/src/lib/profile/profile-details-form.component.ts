import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { DEFAULT_LANGUAGE, LANGUAGES, LIMITS, type Me } from '@kehittamo/shared/domain';
import { AuthApi, AuthStore, LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent } from '@kehittamo/web/ui';

/** Display name, real name and language. */
@Component({
  selector: 'kh-profile-details-form',
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
    NoticeComponent,
  ],
  templateUrl: './profile-details-form.component.html',
})
export class ProfileDetailsFormComponent implements OnInit {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);

  readonly me = input.required<Me>();

  protected readonly languages = LANGUAGES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: [
      '',
      [Validators.required, Validators.minLength(LIMITS.displayNameMin), Validators.maxLength(LIMITS.displayNameMax)],
    ],
    realName: ['', [Validators.maxLength(LIMITS.realNameMax)]],
    language: [DEFAULT_LANGUAGE],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly saved = signal(false);

  ngOnInit(): void {
    const me = this.me();
    this.form.setValue({ displayName: me.displayName, realName: me.realName ?? '', language: me.language });
  }

  protected submit(): void {
    if (this.busy()) return;
    this.saved.set(false);
    const { displayName, realName, language } = this.form.getRawValue();
    // An emptied real name is removed (null), not saved as an empty string.
    this.submission.submit(() => this.api.updateProfile({ displayName: displayName.trim(), realName: realName.trim() || null, language }), {
      done: (me) => {
        this.auth.set(me); // also switches the UI language when it changed
        this.saved.set(true);
      },
    });
  }
}
