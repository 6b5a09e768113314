import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** POS contract: an occurredAt more than 5 minutes ahead of the server clock is refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** False only for a readable time more than toleranceMs after now: the format is other validators' job. */
export function isNotInFuture(value: unknown, toleranceMs: number, now: number = Date.now()): boolean {
  if (typeof value !== 'string') {
    return true;
  }
  const at = Date.parse(value);
  return !Number.isFinite(at) || at <= now + toleranceMs;
}

/**
 * On an ISO 8601 string: the time must not lie more than toleranceMs after now.
 * It passes what it cannot read, so it may run before the format checks.
 */
export function IsNotInFuture(toleranceMs: number = MAX_CLOCK_SKEW_MS, options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNotInFuture',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => isNotInFuture(value, toleranceMs),
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} must not be more than ${Math.round(toleranceMs / 60_000)} minutes in the future; check the till's clock`;
        },
      },
    });
  };
}
