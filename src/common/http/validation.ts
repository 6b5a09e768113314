import { ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, ErrorDetail } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const err of errors) {
    const field = parent ? `${parent}.${err.property}` : err.property;
    for (const message of Object.values(err.constraints ?? {})) {
      out.push({ field, message });
    }
    if (err.children?.length) {
      out.push(...flattenValidationErrors(err.children, field));
    }
  }
  return out;
}

export function validationFailed(details: ErrorDetail[]): DomainError {
  const first = details[0];
  const message = first
    ? `The request is not valid: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}.`
    : 'The request is not valid.';
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, details);
}

export const validationOptions: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
};

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe(validationOptions);
}

/**
 * Validates one plain object against a DTO class exactly as the global pipe
 * does; used where items of a batch are validated one by one.
 */
export async function validateDto<T extends object>(
  cls: new () => T,
  plain: unknown,
): Promise<{ value: T } | { error: DomainError }> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { error: validationFailed([{ field: 'body', message: 'each item must be a JSON object' }]) };
  }
  const value = plainToInstance(cls, plain);
  const errors = await validate(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    return { error: validationFailed(flattenValidationErrors(errors)) };
  }
  return { value };
}
