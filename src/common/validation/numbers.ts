import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** A safe integer from min to max; -0 is refused (JSON keeps its sign, and no till means it). */
export function isIntegerBetween(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0) && value >= min && value <= max;
}

/** Money in cents: a safe integer from 0 to max, -0 refused. */
export function isCents(value: unknown, max: number): boolean {
  return isIntegerBetween(value, 0, max);
}

/** A quantity: more than 0, at most max, with at most 3 decimals (grams of weighed goods). */
export function isQuantity(value: unknown, max: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    return false;
  }
  // toFixed(3) keeps every number that has at most 3 decimals; 1e-7 or 1.0005 do not survive the round trip.
  return Number(value.toFixed(3)) === value;
}

function numberDecorator(
  name: string,
  check: (value: unknown) => boolean,
  message: (property: string) => string,
  options: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: check,
        defaultMessage: (args: ValidationArguments) => message(args.property),
      },
    });
  };
}

export function IsCents(max: number, options: ValidationOptions = {}): PropertyDecorator {
  return numberDecorator(
    'isCents',
    (v) => isCents(v, max),
    (p) => `${p} must be a whole number of cents from 0 to ${max}`,
    options,
  );
}

export function IsIntegerBetween(min: number, max: number, options: ValidationOptions = {}): PropertyDecorator {
  return numberDecorator(
    'isIntegerBetween',
    (v) => isIntegerBetween(v, min, max),
    (p) => `${p} must be a whole number from ${min} to ${max}`,
    options,
  );
}

export function IsQuantity(max: number, options: ValidationOptions = {}): PropertyDecorator {
  return numberDecorator(
    'isQuantity',
    (v) => isQuantity(v, max),
    (p) => `${p} must be a number above 0 and at most ${max}, with at most 3 decimals`,
    options,
  );
}
