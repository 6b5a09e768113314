/** Requests that create a member (admin console and member portal). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { E164 } from '../../../common/validation/e164';

export class ConsentsDto {
  @ApiPropertyOptional({ type: 'boolean', example: true })
  @IsOptional()
  @IsBoolean()
  sms?: boolean;

  @ApiPropertyOptional({ type: 'boolean', example: false })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional({ type: 'boolean' })
  @IsOptional()
  @IsBoolean()
  push?: boolean;

  @ApiPropertyOptional({ type: 'boolean' })
  @IsOptional()
  @IsBoolean()
  mail?: boolean;
}

export class CreateMemberDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 100, example: '张三' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  name: string;

  /** E.164, e.g. +8613800138000; unique among members. */
  @ApiProperty({ type: 'string', pattern: E164.source, description: 'E.164; unique among members.', example: '+8613800138000' })
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone: string;

  @ApiPropertyOptional({ type: 'string', format: 'email', maxLength: 254, example: 'zhang.san@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxCodePoints(254)
  email?: string;

  /** YYYY-MM-DD */
  @ApiPropertyOptional({ type: 'string', format: 'date', example: '1990-05-17' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthday must be a date, YYYY-MM-DD' })
  birthday?: string;

  @ApiPropertyOptional({ enum: ['female', 'male', 'other', 'undisclosed'] })
  @IsOptional()
  @IsIn(['female', 'male', 'other', 'undisclosed'])
  gender?: string;

  @ApiPropertyOptional({ type: 'string', maxLength: 100, example: 'Shanghai' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(100)
  @IsSafeText()
  city?: string;

  @ApiPropertyOptional({ type: 'string', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxCodePoints(300)
  @IsSafeText()
  address?: string;

  /** Marketing consent per channel; absent means not given. */
  @ApiPropertyOptional({ type: () => ConsentsDto, description: 'Marketing consent per channel; absent means not given.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentsDto)
  consents?: ConsentsDto;
}
