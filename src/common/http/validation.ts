import { ArgumentMetadata, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, ErrorDetail } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/** A field path as a client writes it: `lines[2].sku`, `member.cardNo`. */
export function fieldPath(parent: string, key: string, parentIsArray: boolean): string {
  if (parentIsArray) {
    return `${parent}[${key}]`;
  }
  return parent ? `${parent}.${key}` : key;
}

/**
 * One detail per failed constraint (one per field with stopAtFirstError),
 * each naming the full path. Needs `validationError.value` to tell array
 * items (`lines[2]`) from object keys that happen to be digits.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = '', parentIsArray = false): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const err of errors) {
    const field = fieldPath(parent, err.property, parentIsArray);
    for (const message of Object.values(err.constraints ?? {})) {
      out.push({ field, message });
    }
    if (err.children?.length) {
      out.push(...flattenValidationErrors(err.children, field, Array.isArray(err.value)));
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

/** Shared by the global pipe and validateDto. The values stay inside the server: they only locate array items. */
const validatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: true },
};

export const validationOptions: ValidationPipeOptions = {
  ...validatorOptions,
  transform: true,
  exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
};

/**
 * Plain-code checks for the hot path's DTOs (src/modules/pos/dto/pos.fast-validation.ts): each answers
 * the DTO instance when the value is surely valid, null when not sure; then class-validator decides.
 */
export const fastValidators = new Map<abstract new () => object, (value: unknown) => object | null>();

/** The global pipe: the fast check of the parameter's class first, class-validator when it has none or is not sure. */
class FastPathValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const fast = metadata.metatype ? fastValidators.get(metadata.metatype as abstract new () => object)?.(value) : undefined;
    return fast ? Promise.resolve(fast) : super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new FastPathValidationPipe(validationOptions);
}

/**
 * Validates one plain object against a DTO class exactly as the global pipe
 * does; used where items of a batch are validated one by one.
 */
export async function validateDto<T extends object>(cls: new () => T, plain: unknown): Promise<{ value: T } | { error: DomainError }> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { error: validationFailed([{ field: 'body', message: 'each item must be a JSON object' }]) };
  }
  const fast = fastValidators.get(cls)?.(plain);
  if (fast) {
    return { value: fast as T };
  }
  const value = plainToInstance(cls, plain);
  const errors = await validate(value, validatorOptions);
  if (errors.length > 0) {
    return { error: validationFailed(flattenValidationErrors(errors)) };
  }
  return { value };
}
