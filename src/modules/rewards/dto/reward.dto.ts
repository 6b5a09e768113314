import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { REWARD_KINDS, RewardKind } from '../entities/reward.entity';

const MAX_CENTS = 100_000_000;
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const OFFSET_MESSAGE = '$property must carry a time zone offset, e.g. +08:00 or Z';
const TIER_OR_CLUB_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export class CreateRewardDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 100, example: '满50减10', description: 'Name in zh-CN.' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  nameZh: string;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: 100, example: '¥10 off ¥50', description: 'Name in English.' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  nameEn: string;

  @ApiPropertyOptional({ type: 'string', maxLength: 1000, nullable: true, example: '单笔满50元可用' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(1000)
  @IsSafeText()
  descriptionZh?: string | null;

  @ApiPropertyOptional({ type: 'string', maxLength: 1000, nullable: true, example: 'On a receipt of ¥50 or more' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(1000)
  @IsSafeText()
  descriptionEn?: string | null;

  @ApiPropertyOptional({
    type: 'string',
    format: 'uri',
    maxLength: 500,
    nullable: true,
    example: 'https://cdn.example.com/rewards/10-off.png',
  })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  imageUrl?: string | null;

  @ApiProperty({
    enum: REWARD_KINDS,
    example: 'amount_off',
    description: 'amount_off (valueCents), percent_off (percentOff 1–99 on eligible lines), gift (giftSku).',
  })
  @IsIn(REWARD_KINDS)
  kind: RewardKind;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_CENTS,
    nullable: true,
    example: 1000,
    description: 'amount_off: cents off.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  valueCents?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 99, nullable: true, example: null, description: 'percent_off: 1–99.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  percentOff?: number | null;

  @ApiPropertyOptional({ type: 'string', maxLength: 64, nullable: true, example: null, description: 'gift: the SKU given free.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxCodePoints(64)
  @IsSafeText()
  giftSku?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_CENTS,
    default: 0,
    example: 5000,
    description: 'The receipt total the coupon needs, in cents.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  minSpendCents?: number;

  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'Validity window start (with validUntil; not with validDays).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: OFFSET_MESSAGE })
  validFrom?: string | null;

  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'Validity window end, an instant.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: OFFSET_MESSAGE })
  validUntil?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 3650,
    nullable: true,
    example: 30,
    description: 'Valid to the end of the Nth calendar day after the day of issue, in `timezone` (0: the day of issue). Not with a window.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  validDays?: number | null;

  @ApiPropertyOptional({
    type: 'string',
    maxLength: 64,
    default: 'Asia/Shanghai',
    example: 'Asia/Shanghai',
    description: 'IANA zone whose calendar days validDays counts.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    maxItems: 500,
    nullable: true,
    description: 'Stores where the coupon is valid; null or absent: every store.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  storeIds?: string[] | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 100_000_000,
    nullable: true,
    example: 500,
    description: 'Points to exchange it in the catalog; null: not in the catalog (a coupon template for campaign grants).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  pointsPrice?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 100_000_000,
    nullable: true,
    example: 1000,
    description: 'Total stock; null: unlimited.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  stockTotal?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 10_000,
    nullable: true,
    example: 2,
    description: 'Exchanges per member; null: no limit.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  perMemberLimit?: number | null;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string' },
    maxItems: 20,
    nullable: true,
    example: ['VIP', 'SVIP'],
    description: 'Tier codes that may exchange; null: every tier.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(TIER_OR_CLUB_CODE, { each: true, message: 'each tier code must be 1 to 32 letters, digits, _ or -' })
  eligibleTiers?: string[] | null;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string' },
    maxItems: 20,
    nullable: true,
    example: null,
    description: 'Club codes of which the member must be in one; null: no club needed.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(TIER_OR_CLUB_CODE, { each: true, message: 'each club code must be 1 to 32 letters, digits, _ or -' })
  eligibleClubs?: string[] | null;

  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    nullable: true,
    example: '2026-12-01T00:00:00+08:00',
    description: 'Offered from (inclusive).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: OFFSET_MESSAGE })
  saleStartsAt?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true, example: null, description: 'Offered until (exclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: OFFSET_MESSAGE })
  saleEndsAt?: string | null;
}

export class UpdateRewardDto extends PartialType(CreateRewardDto) {
  @ApiPropertyOptional({
    enum: ['active', 'archived'],
    description: 'archived: taken out of the catalog (coupons already issued stay valid).',
  })
  @IsOptional()
  @IsIn(['active', 'archived'])
  status?: 'active' | 'archived';
}

export class RewardListQuery {
  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'The last id of the previous page.' })
  @IsOptional()
  @IsUUID()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ enum: ['active', 'archived'] })
  @IsOptional()
  @IsIn(['active', 'archived'])
  status?: 'active' | 'archived';
}

export class VoidCouponDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 500, example: 'Member complained: exchanged by mistake' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(500)
  @IsSafeText()
  reason: string;
}

export class ExchangeRewardDto {
  @ApiProperty({
    type: 'string',
    pattern: '^[A-Za-z0-9._:-]{8,64}$',
    description: 'Chosen by the page for this exchange (e.g. a UUID): sending it again answers the first result, never a second coupon.',
    example: '6f1c2b1e-8d4c-4a55-9a0e-3e4c1c7d2f10',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{8,64}$/, { message: 'idempotencyKey must be 8 to 64 letters, digits or . _ : -' })
  idempotencyKey: string;
}

export class CouponConflictsQuery {
  @ApiPropertyOptional({ type: 'string', description: 'The last id of the previous page.' })
  @IsOptional()
  @Matches(/^\d{1,18}$/)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  storeId?: string;
}
