/** Requests of the member portal. */
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, Validate, ValidateNested } from 'class-validator';
import { UpdateProfileDto } from '../../members/dto/member-archive.dto';
import { ConsentsDto, CreateMemberDto } from '../../members/dto/member.dto';
import { CardNoConstraint } from '../../cards/dto/card-no.constraint';
import { E164 } from '../../../common/validation/e164';

const PHONE = { type: 'string', pattern: E164.source, description: 'E.164.', example: '+8613800138000' } as const;
const CODE = { type: 'string', pattern: '^\\d{6}$', description: 'The six digits sent by SMS.', example: '042917' } as const;

export class SendCodeDto {
  @ApiProperty(PHONE)
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone: string;
}

/** Named apart from the console's LoginDto: OpenAPI schemas are keyed by class name, and one name would give both routes one body. */
export class MemberLoginDto extends SendCodeDto {
  @ApiProperty(CODE)
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits sent by SMS' })
  code: string;
}

export class MemberRefreshDto {
  @ApiProperty({
    description: 'The refreshToken of the last sign-in or refresh; it works once.',
    example: '0193b7e2-5c1a-7d40-9a43-6f1c2b7d9e10.kq3W1m3Xo2T0c8u0p9b6y4r1e7w5q2a0s8d6f4g2h1j',
  })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

/** The versions of the documents agreed to (GET auth/agreements gives those in force). */
export class AgreementsDto {
  @ApiProperty({ example: '2026-06', maxLength: 32, description: 'The version of the membership terms the member agreed to.' })
  @IsString()
  @MaxLength(32)
  terms: string;

  @ApiProperty({ example: '2026-06', maxLength: 32, description: 'The version of the privacy notice the member agreed to.' })
  @IsString()
  @MaxLength(32)
  privacy: string;
}

/** The sign-in fields and the profile fields of a new member as the console takes them (one set of rules), plus an optional counter card. */
export class RegisterDto extends IntersectionType(
  MemberLoginDto,
  PickType(CreateMemberDto, ['name', 'email', 'birthday', 'gender', 'city', 'consents'] as const),
) {
  @ApiPropertyOptional({
    type: 'string',
    pattern: '^\\d{16}$',
    description: 'A counter card (from POST /api/v1/pos/cards) to bind to this phone, keeping its points. Leave out for a new card.',
    example: '8766314454867138',
  })
  @IsOptional()
  @IsString()
  @Validate(CardNoConstraint)
  cardNo?: string;

  @ApiProperty({
    type: () => AgreementsDto,
    description:
      'The member agrees to the membership terms and the privacy notice at the versions in force (GET auth/agreements); kept as consents with the version. Another version is 400 VALIDATION_FAILED naming the one in force.',
  })
  @ValidateNested()
  @Type(() => AgreementsDto)
  agreements: AgreementsDto;
}

/** The profile fields a member may change online (not the phone: it is the sign-in, changed at the service desk). */
export class UpdateMyProfileDto extends OmitType(UpdateProfileDto, ['phone'] as const) {}

export class MyConsentsDto extends ConsentsDto {}

export class HistoryQuery {
  @ApiPropertyOptional({
    enum: ['earned', 'spent'],
    description: 'earned: entries that added points; spent: entries that took points away. Both when left out.',
  })
  @IsOptional()
  @IsIn(['earned', 'spent'], { message: 'direction must be earned or spent' })
  direction?: 'earned' | 'spent';

  @ApiPropertyOptional({ type: 'string', pattern: '^\\d{1,19}$', description: 'nextCursor of the previous page.', example: '1842' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ClubsQuery {
  @ApiPropertyOptional({ type: 'string', maxLength: 32, description: 'nextCursor of the previous page (a club code).', example: 'BABY' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
