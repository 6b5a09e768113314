/** The class-validator check of a card number (16 digits, Luhn check digit), shared by the POS and portal requests. */
import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidCardNo } from '../card-number';

@ValidatorConstraint({ name: 'isCardNo' })
export class CardNoConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidCardNo(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a 16-digit card number with a valid check digit; re-enter it`;
  }
}
