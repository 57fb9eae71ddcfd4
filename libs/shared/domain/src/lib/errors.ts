import type { SensitiveFinding } from './comments';

/**
 * The one error vocabulary of the API. The server answers every error with an
 * {@link ApiError}; the web app turns `code` into a sentence in the user's language.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'csrf_invalid',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'rate_limited',
  'token_invalid',
  'token_expired',
  'token_used',
  'payload_too_large',
  'sensitive_content',
  'last_admin',
  'unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid field of a request body or query. */
export interface FieldError {
  /** Dotted path of the field, e.g. `email` or `members.0.role`. */
  field: string;
  /** Human-readable (English) reasons, one per failed rule. */
  problems: string[];
}

/** Body of every error response. */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  /** English summary for logs and API users; the UI translates `code` instead. */
  message: string;
  /** Present when `code` is `validation_failed`. */
  fields?: FieldError[];
  /** Present for `internal_error`: quote it when reporting a problem. */
  correlationId?: string;
  /** Seconds to wait, for `rate_limited`. */
  retryAfterSeconds?: number;
  /** What looked like identifying details, for `sensitive_content` (offsets only, never the text). */
  findings?: SensitiveFinding[];
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ApiError).code)
  );
}
