import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, Validate } from 'class-validator';
import { CardNoConstraint, E164 } from './member-ref.dto';

/** Give cardNo or phone, not both. */
export class LookupQueryDto {
  @ApiPropertyOptional({
    type: 'string',
    pattern: '^\\d{16}$',
    description: '16 digits with a Luhn check digit. Give cardNo or phone, not both.',
    example: '8766314454867138',
  })
  @IsOptional()
  @IsString()
  @Validate(CardNoConstraint)
  cardNo?: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: E164.source,
    description: 'E.164. Give cardNo or phone, not both.',
    example: '+8613800138000',
  })
  @IsOptional()
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone?: string;
}
