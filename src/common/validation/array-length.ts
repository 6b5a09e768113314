import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** An array of min to max items; one message whether the value is no array or has the wrong size. */
export function ArrayLength(min: number, max: number, options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'arrayLength',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      options,
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.length >= min && value.length <= max,
        defaultMessage(args: ValidationArguments): string {
          if (!Array.isArray(args.value)) {
            return `${args.property} must be an array`;
          }
          return `${args.property} must have ${min} to ${max} items`;
        },
      },
    });
  };
}
