import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { E164 } from '../../pos/dto/member-ref.dto';

export class ConsentsDto {
  @IsOptional()
  @IsBoolean()
  sms?: boolean;

  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @IsOptional()
  @IsBoolean()
  push?: boolean;

  @IsOptional()
  @IsBoolean()
  mail?: boolean;
}

export class CreateMemberDto {
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  name: string;

  /** E.164, e.g. +8613800138000; unique among members. */
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone: string;

  @IsOptional()
  @IsEmail()
  @MaxCodePoints(254)
  email?: string;

  /** YYYY-MM-DD */
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthday must be a date, YYYY-MM-DD' })
  birthday?: string;

  @IsOptional()
  @IsIn(['female', 'male', 'other', 'undisclosed'])
  gender?: string;

  @IsOptional()
  @IsString()
  @MaxCodePoints(100)
  @IsSafeText()
  city?: string;

  @IsOptional()
  @IsString()
  @MaxCodePoints(300)
  @IsSafeText()
  address?: string;

  /** Marketing consent per channel; absent means not given. */
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentsDto)
  consents?: ConsentsDto;
}
