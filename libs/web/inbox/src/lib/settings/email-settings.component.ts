import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { EMAIL_FREQUENCIES, type EmailFrequency } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, NotificationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';

/**
 * How often notifications come by e-mail: right away, once a day or never. Saved as soon as it is
 * chosen. On a server without e-mail the choice is shown but disabled, with a notice saying why.
 */
@Component({
  selector: 'kh-inbox-email-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LabelPipe, ErrorMessageComponent, NoticeComponent],
  template: `
    <kh-error-message [error]="settings.error() ?? error()" />
    @if (settings.value(); as current) {
      @if (!current.emailAvailable) {
        <p class="kh-callout" data-testid="inbox-email-unavailable">{{ 'inbox.emailUnavailable' | t }}</p>
      }
      <fieldset class="kh-email-settings" data-testid="inbox-email-settings" [disabled]="!current.emailAvailable">
        <legend>{{ 'inbox.settingsLegend' | t }}</legend>
        @for (frequency of frequencies; track frequency) {
          <label class="kh-email-settings__choice">
            <input
              type="radio"
              name="inbox-email-frequency"
              [value]="frequency"
              [checked]="current.email === frequency"
              [attr.data-testid]="'inbox-email-' + frequency"
              (change)="save(frequency)"
            />
            <span>{{ frequency | label: 'emailFrequencies' }}</span>
          </label>
        }
      </fieldset>
    } @else if (settings.loading()) {
      <p>{{ 'common.loading' | t }}</p>
    }
    <kh-notice [message]="notice()" />
  `,
  styles: `
    .kh-email-settings {
      margin: 0;
      padding: 0.5rem 1rem 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .kh-email-settings legend {
      padding: 0 0.25rem;
      font-weight: 700;
    }
    .kh-email-settings__choice {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-height: 44px;
      cursor: pointer;
    }
    .kh-email-settings__choice input {
      flex: none;
      width: 1.5rem;
      height: 1.5rem;
      margin: 0;
    }
    .kh-email-settings[disabled] .kh-email-settings__choice {
      cursor: not-allowed;
    }
  `,
})
export class EmailSettingsComponent {
  private readonly api = inject(NotificationApi);
  private readonly i18n = inject(I18nService);

  protected readonly frequencies = EMAIL_FREQUENCIES;
  protected readonly settings = remote({ params: () => true, load: () => this.api.settings() });
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly notice = signal<string | null>(null);

  protected save(email: EmailFrequency): void {
    this.saving.set(true);
    this.error.set(null);
    this.notice.set(null);
    this.api.updateSettings({ email }).subscribe({
      next: (settings) => {
        this.saving.set(false);
        this.settings.update(() => settings);
        this.notice.set(this.i18n.translate('inbox.settingsSaved'));
      },
      error: (failure: unknown) => {
        this.saving.set(false);
        this.error.set(failure);
        this.settings.reload(); // show what is really saved
      },
    });
  }
}
