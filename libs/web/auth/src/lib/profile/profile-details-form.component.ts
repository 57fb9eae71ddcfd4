import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { DEFAULT_LANGUAGE, LANGUAGES, LIMITS, type Me } from '@kehittamo/shared/domain';
import { AuthApi, AuthStore, describeError, I18nService, LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import {
  applyServerErrors,
  ErrorMessageComponent,
  FieldErrorPipe,
  focusFirstInvalid,
  NoticeComponent,
} from '@kehittamo/web/ui';

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
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

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
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<unknown>(null);

  ngOnInit(): void {
    const me = this.me();
    this.form.setValue({ displayName: me.displayName, realName: me.realName ?? '', language: me.language });
  }

  protected submit(): void {
    if (this.busy()) return;
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { displayName, realName, language } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    // An emptied real name is removed (null), not saved as an empty string.
    this.api.updateProfile({ displayName: displayName.trim(), realName: realName.trim() || null, language }).subscribe({
      next: (me) => {
        this.auth.set(me); // also switches the UI language when it changed
        this.saved.set(true);
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
        applyServerErrors(this.form, describeError(error, (key, params) => this.i18n.translate(key, params)));
      },
    });
  }
}
