import { HttpErrorResponse } from '@angular/common/http';
import { isApiError, type ApiError, type ErrorCode } from '@kehittamo/shared/domain';
import type { Translate, TranslationKey } from '../i18n/translation-key';

/** One invalid field of a form, already translated. */
export interface FieldMessage {
  /** The API's dotted field path, e.g. `email`. */
  field: string;
  messages: string[];
}

/** What the UI shows for a failed request. */
export interface ErrorDescription {
  /** `network` when the server could not be reached, `unknown` for a body that is not an ApiError. */
  code: ErrorCode | 'network' | 'unknown';
  /** One or more sentences for an alert. */
  message: string;
  /** Per-field messages for `validation_failed`, to show next to the form fields. */
  fields: FieldMessage[];
}

/** The ApiError inside an HttpErrorResponse (or the value itself), or null. */
export function toApiError(error: unknown): ApiError | null {
  if (isApiError(error)) return error;
  if (error instanceof HttpErrorResponse && isApiError(error.error)) return error.error;
  return null;
}

/** Turns any error from an API call into sentences in the current language. */
export function describeError(error: unknown, translate: Translate): ErrorDescription {
  const apiError = toApiError(error);
  if (!apiError) {
    const unreachable = error instanceof HttpErrorResponse && error.status === 0;
    const code = unreachable ? 'network' : 'unknown';
    return { code, message: translate(`errorDetails.${code}`), fields: [] };
  }
  const sentences = [translate(`errors.${apiError.code}`)];
  const wait = apiError.retryAfterSeconds;
  if (apiError.code === 'rate_limited' && wait !== undefined && wait > 0) {
    sentences.push(
      wait < 120
        ? translate('errorDetails.retryAfterSeconds', { seconds: Math.ceil(wait) })
        : translate('errorDetails.retryAfterMinutes', { minutes: Math.ceil(wait / 60) }),
    );
  }
  if (apiError.correlationId) {
    sentences.push(translate('errorDetails.correlationId', { id: apiError.correlationId }));
  }
  const fields = (apiError.fields ?? []).map((fieldError) => ({
    field: fieldError.field,
    messages: unique(fieldError.problems.map((problem) => translate(...problemToKey(problem)))),
  }));
  return { code: apiError.code, message: sentences.join(' '), fields };
}

/**
 * The server reports field problems as English class-validator sentences (see
 * FieldError). Recognise the common ones so the user gets their own language;
 * anything else becomes a generic "check this".
 */
export function problemToKey(problem: string): [TranslationKey, Record<string, number>?] {
  const minimum = /(?:longer than or equal to|at least) (\d+)/i.exec(problem);
  if (minimum) return ['validation.minLength', { min: Number(minimum[1]) }];
  const maximum = /(?:shorter than or equal to|at most) (\d+)/i.exec(problem);
  if (maximum) return ['validation.maxLength', { max: Number(maximum[1]) }];
  if (/must be an email/i.test(problem)) return ['validation.email'];
  if (/should not be empty|is required|must be a string/i.test(problem)) return ['validation.required'];
  if (/must be one of the following values/i.test(problem)) return ['validation.choice'];
  return ['validation.checkField'];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
