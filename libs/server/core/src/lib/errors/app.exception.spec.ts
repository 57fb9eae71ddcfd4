import { ERROR_CODES } from '@kehittamo/shared/domain';
import { NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter';
import { AppException, statusForCode } from './app.exception';

describe('error mapping', () => {
  const filter = new ApiExceptionFilter();

  it('gives every error code a 4xx or 5xx status', () => {
    for (const code of ERROR_CODES) {
      const status = statusForCode(code);
      expect(status >= 400 && status < 600, code).toBe(true);
    }
  });

  it('keeps the fields of a validation error', () => {
    const body = filter.toApiError(AppException.validation([{ field: 'email', problems: ['email must be an email'] }]));
    expect(body.statusCode).toBe(400);
    expect(body.fields).toEqual([{ field: 'email', problems: ['email must be an email'] }]);
    expect(body.message).toContain('email');
  });

  it('maps Nest HTTP exceptions to codes', () => {
    expect(filter.toApiError(new NotFoundException()).code).toBe('not_found');
    expect(filter.toApiError(new PayloadTooLargeException()).code).toBe('payload_too_large');
  });

  it('maps body parser failures to 400 and 413', () => {
    expect(filter.toApiError({ type: 'entity.parse.failed', status: 400 }).statusCode).toBe(400);
    expect(filter.toApiError({ type: 'entity.too.large', status: 413 }).statusCode).toBe(413);
  });

  it('hides unknown errors behind a correlation id', () => {
    const body = filter.toApiError(new Error('secret stack detail'));
    expect(body.statusCode).toBe(500);
    expect(body.message).not.toContain('secret');
    expect(body.correlationId).toMatch(/[0-9a-f-]{36}/);
  });
});
