import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@kehittamo/shared/domain';
import { DICTIONARIES, lookUp } from '../i18n/dictionaries';
import type { Translate } from '../i18n/translation-key';
import { describeError, problemToKey, toApiError } from './api-error-message';

const finnish: Translate = (key, params) => lookUp(DICTIONARIES.fi, key, params);
const english: Translate = (key, params) => lookUp(DICTIONARIES.en, key, params);

function httpError(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, url: '/api/test' });
}

describe('describeError', () => {
  it('turns a validation error into a summary and translated per-field messages', () => {
    const body: ApiError = {
      statusCode: 400,
      code: 'validation_failed',
      message: 'Validation failed',
      fields: [
        { field: 'email', problems: ['email must be an email'] },
        {
          field: 'password',
          problems: ['password must be longer than or equal to 10 characters', 'password should not be empty'],
        },
        { field: 'role', problems: ['something the UI has never heard of'] },
      ],
    };

    const described = describeError(httpError(400, body), finnish);

    expect(described.code).toBe('validation_failed');
    expect(described.message).toBe(DICTIONARIES.fi.errors.validation_failed);
    expect(described.fields).toEqual([
      { field: 'email', messages: [DICTIONARIES.fi.validation.email] },
      { field: 'password', messages: ['Kirjoita vähintään 10 merkkiä.', DICTIONARIES.fi.validation.required] },
      { field: 'role', messages: [DICTIONARIES.fi.validation.checkField] },
    ]);
  });

  it('tells how long to wait when rate limited', () => {
    const body: ApiError = { statusCode: 429, code: 'rate_limited', message: 'Too many', retryAfterSeconds: 600 };
    expect(describeError(httpError(429, body), english).message).toBe(
      'Too many attempts in a short time. Try again in 10 minutes.',
    );
    expect(describeError(httpError(429, { ...body, retryAfterSeconds: 30 }), finnish).message).toContain(
      '30 sekunnin',
    );
  });

  it('quotes the correlation id of an internal error', () => {
    const body: ApiError = { statusCode: 500, code: 'internal_error', message: 'x', correlationId: 'abc-123' };
    expect(describeError(httpError(500, body), finnish).message).toContain('abc-123');
  });

  it('explains an unreachable server and an unexpected body without leaking it', () => {
    expect(describeError(httpError(0, null), finnish)).toEqual({
      code: 'network',
      message: DICTIONARIES.fi.errorDetails.network,
      fields: [],
    });
    expect(describeError(httpError(502, '<html>Bad gateway</html>'), english).code).toBe('unknown');
    expect(describeError(new Error('boom'), english).message).toBe(DICTIONARIES.en.errorDetails.unknown);
  });

  it('recognises only bodies with a known error code', () => {
    expect(toApiError(httpError(403, { statusCode: 403, code: 'forbidden', message: 'no' }))?.code).toBe('forbidden');
    expect(toApiError(httpError(403, { statusCode: 403, code: 'nope', message: 'no' }))).toBeNull();
  });

  it('reads maximum lengths from class-validator sentences', () => {
    expect(problemToKey('displayName must be shorter than or equal to 60 characters')).toEqual([
      'validation.maxLength',
      { max: 60 },
    ]);
  });
});
