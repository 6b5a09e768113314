import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { IsCategoryCode } from '../../../common/validation/category-code';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsIntegerBetween } from '../../../common/validation/numbers';
import { IsSafeText } from '../../../common/validation/safe-text';
import { CAMPAIGN_STATES, CampaignState } from '../rules/states';

export const AUDIENCE_EXAMPLE = {
  include: [
    { type: 'club', clubIds: ['01a212aa-8b99-749f-88e9-001ff70d99ce'] },
    { type: 'tier', codes: ['VIP', 'SVIP'] },
  ],
  requireAll: false,
  exclude: [{ type: 'noPurchaseDays', days: 180 }],
};

export class GrantDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 200 })
  @IsIntegerBetween(1, 1_000_000)
  points: number;

  @ApiProperty({ maxLength: 200, example: 'Baby club welcome gift' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(200)
  @IsSafeText()
  reason: string;
}

export class BonusRuleDto {
  @ApiProperty({ enum: ['base_multiplier', 'category_multiplier', 'fixed_bonus'], example: 'category_multiplier' })
  @IsIn(['base_multiplier', 'category_multiplier', 'fixed_bonus'])
  kind: 'base_multiplier' | 'category_multiplier' | 'fixed_bonus';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1001,
    maximum: 10000,
    description: 'Multipliers: 2000 = 2× (the extra is ×(m−1)).',
    example: 2000,
  })
  @IsOptional()
  @IsIntegerBetween(1001, 10000)
  multiplierPermille?: number;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 64,
    description: 'category_multiplier: the category code, as the tills send it (any text, e.g. wine or 红酒; compared without case).',
    example: 'baby',
  })
  @IsOptional()
  @IsCategoryCode()
  category?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'fixed_bonus: the eligible spend needed, in cents.', example: 20000 })
  @IsOptional()
  @IsIntegerBetween(0, 100_000_000)
  minSpendCents?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'fixed_bonus: the points given.', example: 50 })
  @IsOptional()
  @IsIntegerBetween(1, 1_000_000)
  points?: number;

  @ApiProperty({
    format: 'date-time',
    description: "The window on the purchase's occurredAt: from (inclusive)",
    example: '2026-06-01T00:00:00+08:00',
  })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'to (exclusive)', example: '2026-06-08T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  endsAt: string;
}

export class MessageDto {
  @ApiProperty({ enum: ['sms', 'email', 'push'], example: 'sms' })
  @IsIn(['sms', 'email', 'push'])
  channel: 'sms' | 'email' | 'push';

  @ApiProperty({ maxLength: 1000, description: 'Template name or text handed to the outbox.', example: 'birthday-greeting' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(1000)
  @IsSafeText()
  template: string;
}

export class ScheduleDto {
  @ApiProperty({ enum: ['now', 'at', 'cron'], example: 'cron' })
  @IsIn(['now', 'at', 'cron'])
  kind: 'now' | 'at' | 'cron';

  @ApiPropertyOptional({ format: 'date-time', description: 'kind at: when it starts', example: '2026-06-01T09:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: 'kind cron: 5 or 6 fields', example: '0 9 * * *' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9*,/?LW#A-Za-z -]{1,64}$/)
  cron?: string;

  @ApiPropertyOptional({ description: 'IANA timezone (default Asia/Shanghai)', example: 'Asia/Shanghai' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z_+\-/0-9]{1,64}$/)
  timezone?: string;
}

export class CreateCampaignDto {
  @ApiProperty({ maxLength: 100, example: 'Birthday gift' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  name: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'include: parts (any of them, or all with requireAll), exclude: parts. Part types: all; club {clubIds}; tier {codes}; grade {grades}; store {storeIds, boughtWithinDays?}; noPurchaseDays {days}; birthday {when: today|month}; joinedWithinDays {days}; pointsExpiringDays {days}; consent {channels: sms|email|push, any of them} (for any action, e.g. a grant to a club ∩ email consent). Always limited to members not erased (nor being erased, nor merged away), and to the consent of the message channel.',
    example: AUDIENCE_EXAMPLE,
  })
  @IsObject()
  audience: Record<string, unknown>;

  @ApiPropertyOptional({ type: () => GrantDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GrantDto)
  grant?: GrantDto;

  @ApiPropertyOptional({ type: () => BonusRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BonusRuleDto)
  bonusRule?: BonusRuleDto;

  @ApiPropertyOptional({ type: () => MessageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MessageDto)
  message?: MessageDto;

  @ApiProperty({ type: () => ScheduleDto })
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule: ScheduleDto;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'Budget cap in points (grants and bonus-rule points).',
    example: 100000,
  })
  @IsOptional()
  @IsIntegerBetween(1, 1_000_000_000_000)
  budgetPoints?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 500,
    description: 'Holdout share in thousandths (100 = 10%).',
    example: 100,
  })
  @IsOptional()
  @IsIntegerBetween(0, 500)
  holdoutPermille?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    description: 'Results count purchases in this many days after delivery.',
    example: 14,
  })
  @IsOptional()
  @IsIntegerBetween(1, 365)
  resultsDays?: number;
}

export class UpdateCampaignDto extends PartialType(CreateCampaignDto) {}

export class RaiseBudgetDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The new budget cap in points; it must be above the current cap.',
    example: 200000,
  })
  @IsIntegerBetween(1, 1_000_000_000_000)
  capPoints: number;
}

export class ListCampaignsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsIntegerBetween(1, 100)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The id of the last campaign of the previous page.' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/)
  cursor?: string;

  @ApiPropertyOptional({ enum: CAMPAIGN_STATES, description: 'Only campaigns in this state, e.g. pending_approval.' })
  @IsOptional()
  @IsIn(CAMPAIGN_STATES)
  state?: CampaignState;
}

export class RejectCampaignDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Budget not agreed with finance; cap it at 200,000 points.' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(500)
  @IsSafeText()
  reason?: string;
}
