import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/api/pagination';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATES,
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintState,
} from '../rules/complaint-case';

const RECEIPT_NO = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** What the member says, on the member page (`me/complaints`): no severity (support decides), no member (the signed-in one). */
export class MemberComplaintDto {
  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'The store complained about.' })
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @ApiPropertyOptional({ example: 'R-20261207-0042', description: 'A receipt of that store posted to the member (needs storeId).' })
  @IsOptional()
  @Matches(RECEIPT_NO, { message: 'receiptNo must be a receipt number as printed (letters, digits, . _ : -; up to 64)' })
  receiptNo?: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES, example: 'service' })
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  @ApiProperty({ minLength: 5, maxLength: 2000, example: '收银员多收了一件商品的钱。' })
  @IsString()
  @MinLength(5, { message: 'description must say what happened (at least 5 characters)' })
  @MaxCodePoints(2000)
  @IsSafeText()
  description: string;
}

/** A case support raises in the console for a member (phone call, store visit). */
export class CreateComplaintDto extends MemberComplaintDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  @IsUUID()
  memberId: string;

  @ApiProperty({ enum: COMPLAINT_SEVERITIES, example: 'normal', description: 'high: due in 24 h; normal: due in 72 h.' })
  @IsIn(COMPLAINT_SEVERITIES)
  severity: ComplaintSeverity;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'The console user who owns the case (default: whoever raises it).' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class AssignComplaintDto {
  @ApiProperty({ type: 'string', format: 'uuid', description: 'The console user who owns the case from now on.' })
  @IsUUID()
  ownerId: string;
}

export class MoveComplaintDto {
  @ApiProperty({
    enum: COMPLAINT_STATES,
    example: 'resolved',
    description:
      'open → in_progress → resolved → closed; open → resolved; resolved or closed → in_progress reopens (within 14 days of the resolution).',
  })
  @IsIn(COMPLAINT_STATES)
  state: ComplaintState;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What was done (a resolution is shown to the member).' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(2000)
  @IsSafeText()
  text?: string;
}

export class CommentComplaintDto {
  @ApiProperty({ enum: ['reply', 'note'], description: 'reply: shown to the member and counts as an answer; note: for staff only.' })
  @IsIn(['reply', 'note'])
  kind: 'reply' | 'note';

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(2000)
  @IsSafeText()
  text: string;
}

export class ApologyDto {
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';
}

export class GoodwillDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 200, description: 'Points given (a credit).' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  points: number;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Overcharged at the till' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(500)
  @IsSafeText()
  reason: string;

  @ApiProperty({ minLength: 8, maxLength: 64, description: 'Posted once per key (a retry answers the first result).' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'idempotencyKey must be 8–64 letters, digits, - or _' })
  idempotencyKey: string;
}

export class ComplaintListQuery extends PageQuery {
  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: ComplaintCategory;

  @ApiPropertyOptional({ enum: COMPLAINT_STATES })
  @IsOptional()
  @IsIn(COMPLAINT_STATES)
  state?: ComplaintState;

  @ApiPropertyOptional({ enum: COMPLAINT_SEVERITIES })
  @IsOptional()
  @IsIn(COMPLAINT_SEVERITIES)
  severity?: ComplaintSeverity;

  @ApiPropertyOptional({ description: 'Raised at or after (ISO 8601 with offset).', example: '2026-12-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: '$property must carry a time zone offset, e.g. +08:00 or Z' })
  from?: string;

  @ApiPropertyOptional({ description: 'Raised before (ISO 8601 with offset).', example: '2027-01-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: '$property must carry a time zone offset, e.g. +08:00 or Z' })
  to?: string;

  @ApiPropertyOptional({ type: 'boolean', description: 'Only open or in-progress cases past their due time.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ maxLength: 100, description: 'Words of the description or the case number.' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(100)
  q?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export class ComplaintStatsQuery {
  @ApiProperty({ description: 'From (ISO 8601 with offset), inclusive.', example: '2026-12-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: '$property must carry a time zone offset, e.g. +08:00 or Z' })
  from: string;

  @ApiProperty({ description: 'To (ISO 8601 with offset), exclusive.', example: '2027-01-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: '$property must carry a time zone offset, e.g. +08:00 or Z' })
  to: string;
}

export class MyComplaintsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class GiveCouponDto {
  @ApiProperty({ type: 'string', format: 'uuid', description: 'An active reward without a points price (a coupon template).' })
  @IsUUID()
  rewardId: string;
}
