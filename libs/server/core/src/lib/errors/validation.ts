import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@kehittamo/shared/domain';
import { AppException } from './app.exception';

/** Flattens class-validator errors into `{ field, problems }` with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const problems = Object.values(error.constraints ?? {});
    if (problems.length > 0) out.push({ field, problems });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Unknown fields are refused, types converted, every problem listed in one 400. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppException.validation(flattenValidationErrors(errors)),
  });
}
