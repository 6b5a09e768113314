import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, Validate } from 'class-validator';
import { CardNoConstraint } from '../../cards/dto/card-no.constraint';
import { MEMBER_CODE_MESSAGE, MEMBER_CODE_PATTERN } from './member-ref.dto';
import { E164 } from '../../../common/validation/e164';

/** Give exactly one of cardNo, phone, memberCode. */
export class LookupQueryDto {
  @ApiPropertyOptional({
    type: 'string',
    pattern: '^\\d{16}$',
    description: '16 digits with a Luhn check digit. Give exactly one of cardNo, phone, memberCode.',
    example: '8766314454867138',
  })
  @IsOptional()
  @IsString()
  @Validate(CardNoConstraint)
  cardNo?: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: E164.source,
    description: 'E.164. Give exactly one of cardNo, phone, memberCode.',
    example: '+8613800138000',
  })
  @IsOptional()
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone?: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: MEMBER_CODE_PATTERN.source,
    description:
      '(1.2) The 18-digit code the member page shows, starting 8; accepted for 60 s (older: 422 MEMBER_CODE_EXPIRED). Give exactly one of cardNo, phone, memberCode.',
    example: '861030839848590031',
  })
  @IsOptional()
  @IsString()
  @Matches(MEMBER_CODE_PATTERN, { message: MEMBER_CODE_MESSAGE })
  memberCode?: string;
}
