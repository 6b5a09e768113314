import { ApiPropertyOptional, ApiSchema, ApiSchemaOptions } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, registerDecorator, Validate, ValidationArguments } from 'class-validator';
import { E164 } from '../../../common/validation/e164';
import { CardNoConstraint } from '../../cards/dto/card-no.constraint';

/** (POS-API 1.2) The member page's code: 18 digits starting 8. */
export const MEMBER_CODE_PATTERN = /^8\d{17}$/;
export const MEMBER_CODE_MESSAGE = 'memberCode must be the 18 digits starting with 8 that the member page shows';
const MEMBER_REF_KEYS = ['cardNo', 'phone', 'memberId', 'memberCode'];

/** The member reference schema: exactly one of its three properties (OpenAPI cannot say which, only how many). */
const MEMBER_REF_SCHEMA = {
  description:
    'Names one member by exactly one of cardNo, phone, memberId or (1.2) memberCode; zero or two of them is a 400 VALIDATION_FAILED.',
  minProperties: 1,
  maxProperties: 1,
} as ApiSchemaOptions;

/** Exactly one of cardNo, phone, memberId, memberCode. */
@ApiSchema(MEMBER_REF_SCHEMA)
export class MemberRefDto {
  /** 16 digits with a Luhn check digit. */
  @ApiPropertyOptional({
    type: 'string',
    pattern: '^\\d{16}$',
    minLength: 16,
    maxLength: 16,
    description: '16 digits, the last a Luhn check digit.',
    example: '8766314454867138',
  })
  @IsOptional()
  @IsString()
  @Validate(CardNoConstraint)
  cardNo?: string;

  /** E.164, e.g. +8613800138000 */
  @ApiPropertyOptional({ type: 'string', pattern: E164.source, description: 'E.164.', example: '+8613800138000' })
  @IsOptional()
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  /** (1.2) The code the member page shows, valid for its 30-second step and the next one. */
  @ApiPropertyOptional({
    type: 'string',
    pattern: MEMBER_CODE_PATTERN.source,
    minLength: 18,
    maxLength: 18,
    description:
      '(1.2) The 18-digit code the member page shows (QR code and barcode), starting 8; it changes every 30 s and is accepted for 60 s. Older: 422 MEMBER_CODE_EXPIRED; a redemption takes each code once.',
    example: '861030839848590031',
  })
  @IsOptional()
  @IsString()
  @Matches(MEMBER_CODE_PATTERN, { message: MEMBER_CODE_MESSAGE })
  memberCode?: string;
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
          return MEMBER_REF_KEYS.filter((k) => v[k] !== undefined && v[k] !== null).length === 1;
        },
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} must name the member by exactly one of cardNo, phone, memberId or memberCode`;
        },
      },
    });
  };
}
