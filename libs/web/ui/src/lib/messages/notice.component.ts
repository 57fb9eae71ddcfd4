import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A polite status message ("Saved.") for screen readers and sighted users alike.
 * The live region is always present so that the message is announced when it appears.
 */
@Component({
  selector: 'kh-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" class="kh-notice-region">
      @if (message(); as message) {
        <p class="kh-notice" data-testid="notice">{{ message }}</p>
      }
    </div>
  `,
})
export class NoticeComponent {
  readonly message = input<string | null>(null);
}
