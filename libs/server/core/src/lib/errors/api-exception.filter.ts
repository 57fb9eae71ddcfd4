import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiError, ErrorCode } from '@kehittamo/shared/domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppException, statusForCode } from './app.exception';

/** Codes for Nest's own HTTP exceptions (unknown route, body parser, guards). */
function codeForStatus(status: number): ErrorCode {
  if (status === HttpStatus.NOT_FOUND) return 'not_found';
  if (status === HttpStatus.UNAUTHORIZED) return 'unauthenticated';
  if (status === HttpStatus.FORBIDDEN) return 'forbidden';
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return 'payload_too_large';
  if (status === HttpStatus.TOO_MANY_REQUESTS) return 'rate_limited';
  if (status === HttpStatus.CONFLICT) return 'conflict';
  if (status >= 400 && status < 500) return 'validation_failed';
  return 'internal_error';
}

/** Express body-parser errors carry `type` and `status` but are not HttpExceptions. */
interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Turns anything thrown into an `ApiError` body. Unknown errors become
 * `internal_error` with a correlation id; the cause is logged, never shown.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.retryAfterSeconds) response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  toApiError(exception: unknown): ApiError {
    if (exception instanceof AppException) {
      return {
        statusCode: statusForCode(exception.code),
        code: exception.code,
        message: exception.message,
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = codeForStatus(status);
      if (code !== 'internal_error') {
        return { statusCode: status, code, message: this.httpMessage(exception) };
      }
    }
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'payload_too_large', message: 'Request body is too large' };
    }
    if (parserError?.type === 'entity.parse.failed' || parserError?.type === 'encoding.unsupported') {
      return {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Request body is not valid JSON',
        fields: [{ field: 'body', problems: ['must be valid JSON'] }],
      };
    }
    const correlationId = randomUUID();
    this.logger.error(
      `internal_error ${correlationId}: ${exception instanceof Error ? exception.stack : String(exception)}`,
    );
    return {
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side. Please try again.',
      correlationId,
    };
  }

  private httpMessage(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
  }
}
