import { LiveAnnouncer } from '@angular/cdk/a11y';
import { inject, signal, type WritableSignal } from '@angular/core';
import { I18nService, type TranslationKey } from '@kehittamo/web/core';
import type { Observable } from 'rxjs';

/**
 * The request cycle the thread and its comments share: one request at a time (`busy`), a failure
 * kept for `<kh-error-message>` (in `error`, or the signal given), results announced politely.
 * Create it in a field initializer (it injects the announcer and translations).
 */
export function commentRequests() {
  const i18n = inject(I18nService);
  const announcer = inject(LiveAnnouncer);
  const busy = signal(false);
  const error = signal<unknown>(null);

  function announce(key: TranslationKey): void {
    void announcer.announce(i18n.translate(key), 'polite');
  }

  function run<T>(request: Observable<T>, done: (value: T) => void, failure: WritableSignal<unknown> = error): void {
    if (busy()) return;
    busy.set(true);
    failure.set(null);
    request.subscribe({
      next: (value) => {
        busy.set(false);
        done(value);
      },
      error: (cause: unknown) => {
        busy.set(false);
        failure.set(cause);
      },
    });
  }

  return { busy: busy.asReadonly(), error, run, announce };
}
