import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Length as a MariaDB/MySQL utf8mb4 VARCHAR(n) counts it: Unicode code points.
 * class-validator's MaxLength (validator.isLength) ignores variation selectors
 * and counts a surrogate pair as one, so a string padded with U+FE0F passes it
 * and then overflows the column.
 */
export function codePointLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
      }
    }
    count += 1;
  }
  return count;
}

export interface MaxCodePointsOptions extends ValidationOptions {
  /** The value is stored lower-cased: count the lower-cased form (toLowerCase can lengthen a string, e.g. İ). */
  storedLowerCase?: boolean;
}

/** At most `max` code points, as the column counts them. */
export function MaxCodePoints(max: number, options: MaxCodePointsOptions = {}): PropertyDecorator {
  const { storedLowerCase, ...validationOptions } = options;
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'maxCodePoints',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [max],
      options: validationOptions,
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') {
            return false;
          }
          return codePointLength(storedLowerCase ? value.toLowerCase() : value) <= max;
        },
        defaultMessage(args: ValidationArguments): string {
          if (typeof args.value !== 'string') {
            return `${args.property} must be a string`;
          }
          return `${args.property} must be at most ${max} characters`;
        },
      },
    });
  };
}
