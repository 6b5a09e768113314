import { IsOptional, IsString, IsUUID, Matches, registerDecorator, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidCardNo } from '../../cards/card-number';

export const E164 = /^\+[1-9]\d{6,14}$/;

@ValidatorConstraint({ name: 'isCardNo' })
export class CardNoConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidCardNo(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a 16-digit card number with a valid check digit; re-enter it`;
  }
}

/** Exactly one of cardNo, phone, memberId. */
export class MemberRefDto {
  /** 16 digits with a Luhn check digit. */
  @IsOptional()
  @IsString()
  @Validate(CardNoConstraint)
  cardNo?: string;

  /** E.164, e.g. +8613800138000 */
  @IsOptional()
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone?: string;

  @IsOptional()
  @IsUUID()
  memberId?: string;
}

/** On the property that holds a MemberRefDto: exactly one reference must be given. */
export function IsSingleMemberRef(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isSingleMemberRef',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown): boolean {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            return false;
          }
          const v = value as Record<string, unknown>;
          return ['cardNo', 'phone', 'memberId'].filter((k) => v[k] !== undefined && v[k] !== null).length === 1;
        },
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} must name the member by exactly one of cardNo, phone or memberId`;
        },
      },
    });
  };
}
