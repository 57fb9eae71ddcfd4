import type { ErrorCode, FieldError, SensitiveFinding } from '@kehittamo/shared/domain';

/**
 * The exception every feature throws. The global filter turns it into an
 * `ApiError` body with the HTTP status {@link statusForCode} gives.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; retryAfterSeconds?: number; findings?: SensitiveFinding[] } = {},
  ) {
    super(message);
    this.name = 'AppException';
  }

  static notFound(what: string): AppException {
    return new AppException('not_found', `${what} not found`);
  }

  static forbidden(message = 'You may not do this'): AppException {
    return new AppException('forbidden', message);
  }

  static validation(fields: FieldError[]): AppException {
    const summary = fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ');
    return new AppException('validation_failed', `Validation failed — ${summary}`, { fields });
  }
}

/** The one place error codes meet HTTP statuses. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'token_invalid':
    case 'token_expired':
    case 'token_used':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'csrf_invalid':
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'email_taken':
    case 'last_admin':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'sensitive_content':
      return 422;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal_error':
      return 500;
  }
}
