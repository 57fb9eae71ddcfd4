import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { describeError, I18nService } from '@kehittamo/web/core';

/**
 * An error announced to screen readers (role="alert") and shown as text, never by
 * colour alone. Give it the error from an API call, or a ready message.
 */
@Component({
  selector: 'kh-error-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as text) {
      <div class="kh-error-message" role="alert" data-testid="error-message">
        <p>{{ text }}</p>
      </div>
    }
  `,
})
export class ErrorMessageComponent {
  private readonly i18n = inject(I18nService);

  readonly error = input<unknown>();
  readonly message = input<string | null>(null);

  protected readonly text = computed(() => {
    const error = this.error();
    if (error) return describeError(error, (key, params) => this.i18n.translate(key, params)).message;
    return this.message();
  });
}
