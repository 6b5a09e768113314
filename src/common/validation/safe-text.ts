import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** C0 and C1 control characters (NUL included) and DEL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text that can be stored and printed as is: no control characters, no lone surrogates (invalid UTF-16). */
export function isSafeText(value: unknown): boolean {
  return typeof value === 'string' && !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

export function IsSafeText(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isSafeText',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: isSafeText,
        defaultMessage(args: ValidationArguments): string {
          if (typeof args.value !== 'string') {
            return `${args.property} must be a string`;
          }
          return `${args.property} must not contain control characters or invalid Unicode`;
        },
      },
    });
  };
}
