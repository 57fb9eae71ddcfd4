import { ElementRef, inject, Injector, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { describeError, I18nService } from '@kehittamo/web/core';
import type { Observable } from 'rxjs';
import { applyServerErrors, focusFirstInvalid } from './form-helpers';

export interface SubmitOptions<T> {
  /** Called with the answer; the form is no longer busy (unless `staysBusy`). */
  done: (value: T) => void;
  /** Stay busy after success, e.g. while navigating away, so the form cannot be sent twice. */
  staysBusy?: boolean;
  /** Put the server's field errors on the controls (default true). */
  fieldErrors?: boolean;
}

/**
 * The submit cycle every form shares: nothing while a request runs; an invalid form shows
 * its errors and focuses the first invalid field; otherwise the request runs, and a failure
 * is kept in `error` (for <kh-error-message>) with the server's field errors on the controls.
 * Create it in a field initializer (it injects the host element and translations).
 */
export function formSubmission(form: FormGroup) {
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const injector = inject(Injector);
  const i18n = inject(I18nService);
  const busy = signal(false);
  const error = signal<unknown>(null);

  function submit<T>(request: () => Observable<T>, { done, staysBusy = false, fieldErrors = true }: SubmitOptions<T>): void {
    if (busy()) return;
    if (form.invalid) {
      form.markAllAsTouched();
      focusFirstInvalid(host, injector);
      return;
    }
    busy.set(true);
    error.set(null);
    request().subscribe({
      next: (value) => {
        if (!staysBusy) busy.set(false);
        done(value);
      },
      error: (failure: unknown) => {
        busy.set(false);
        error.set(failure);
        if (fieldErrors) applyServerErrors(form, describeError(failure, (key, params) => i18n.translate(key, params)));
      },
    });
  }

  return { busy: busy.asReadonly(), error: error.asReadonly(), submit };
}
