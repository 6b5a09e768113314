/** Requests of the tier ladder, program and tier-criteria routes. */
import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ArrayLength } from '../../../common/validation/array-length';
import { IsCategoryCode } from '../../../common/validation/category-code';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsIntegerBetween } from '../../../common/validation/numbers';
import { IsSafeText } from '../../../common/validation/safe-text';
import { TIER_CRITERIA_SCHEMA, TIER_CRITERION_MODELS } from '../criteria/tier-criteria.model';

const MAX_CENTS = 100_000_000_000;

export class LadderTierDto {
  @ApiProperty({ pattern: '^[A-Z][A-Z0-9_]{0,31}$', example: 'VIP', description: 'Unique code, upper case.' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,31}$/, { message: 'code must be 1 to 32 upper-case letters, digits or _, starting with a letter' })
  code: string;

  @ApiProperty({ maxLength: 100, example: 'VIP' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  nameEn: string;

  @ApiProperty({ maxLength: 100, example: 'VIP会员' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  nameZh: string;

  @ApiProperty({
    enum: ['threshold', 'rank'],
    example: 'threshold',
    description: 'threshold: by criteria; rank: the top N or top share by value score (placed by the rank review).',
  })
  @IsIn(['threshold', 'rank'])
  kind: 'threshold' | 'rank';

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 500000,
    description: 'Qualifying spend over the rolling window (cents); null: not a criterion.',
  })
  @ValidateIf((_, v) => v !== null)
  @IsIntegerBetween(0, MAX_CENTS)
  minSpendCents: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: null,
    description: 'Points earned over the rolling window (not the balance); null: not a criterion.',
  })
  @ValidateIf((_, v) => v !== null)
  @IsIntegerBetween(0, 1_000_000_000)
  minPoints: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: null, description: 'Purchases over the rolling window; null: not a criterion.' })
  @ValidateIf((_, v) => v !== null)
  @IsIntegerBetween(0, 1_000_000)
  minPurchases: number | null;

  @ApiProperty({ enum: ['any', 'all'], example: 'any', description: 'any: one criterion is enough; all: every criterion set.' })
  @IsIn(['any', 'all'])
  qualifyMode: 'any' | 'all';

  @ApiProperty({
    type: 'integer',
    minimum: 1000,
    maximum: 10000,
    example: 1500,
    description: 'Earn multiplier in thousandths: 1500 = 1.5x.',
  })
  @IsIntegerBetween(1000, 10_000)
  earnMultiplierPermille: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000000, example: 200 })
  @IsIntegerBetween(0, 1_000_000)
  birthdayBonusPoints: number;

  @ApiProperty({ example: false, description: 'Shown to the POS: serve this member first.' })
  @IsBoolean()
  priorityService: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: null, description: 'Rank tiers: the top N members.' })
  @ValidateIf((_, v) => v !== null)
  @IsIntegerBetween(1, 100_000_000)
  rankTopN: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: null,
    description:
      'Rank tiers: the top share of members in thousandths (10 = top 1%): ceil(share × all members, merged ones aside) seats, filled in ranking order among the members who meet the tier’s minimum.',
  })
  @ValidateIf((_, v) => v !== null)
  @IsIntegerBetween(1, 1000)
  rankTopPermille: number | null;
}

const LADDER_EXAMPLE = [
  {
    code: 'STANDARD',
    nameEn: 'Standard',
    nameZh: '普通会员',
    kind: 'threshold',
    minSpendCents: null,
    minPoints: null,
    minPurchases: null,
    qualifyMode: 'any',
    earnMultiplierPermille: 1000,
    birthdayBonusPoints: 0,
    priorityService: false,
    rankTopN: null,
    rankTopPermille: null,
  },
  {
    code: 'VIP',
    nameEn: 'VIP',
    nameZh: 'VIP会员',
    kind: 'threshold',
    minSpendCents: 500000,
    minPoints: null,
    minPurchases: 12,
    qualifyMode: 'any',
    earnMultiplierPermille: 1500,
    birthdayBonusPoints: 200,
    priorityService: false,
    rankTopN: null,
    rankTopPermille: null,
  },
  {
    code: 'SVIP',
    nameEn: 'SVIP',
    nameZh: '超级VIP会员',
    kind: 'threshold',
    minSpendCents: 2000000,
    minPoints: null,
    minPurchases: 40,
    qualifyMode: 'any',
    earnMultiplierPermille: 2000,
    birthdayBonusPoints: 1000,
    priorityService: true,
    rankTopN: null,
    rankTopPermille: null,
  },
];

export class LadderDto {
  @ApiProperty({
    type: () => [LadderTierDto],
    description: 'The whole ladder, lowest tier first; a tier’s rank is its place in the list.',
    example: LADDER_EXAMPLE,
  })
  @ArrayLength(1, 10)
  @ValidateNested({ each: true })
  @Type(() => LadderTierDto)
  tiers: LadderTierDto[];
}

export class SimulateDto extends LadderDto {
  @ApiPropertyOptional({
    example: false,
    description:
      'Refresh the snapshot of every member’s window sums before simulating (a pass over all members: seconds on a large program). Default: read the snapshot refreshed daily, or refresh it first when none covers the current months.',
  })
  @IsOptional()
  @IsBoolean()
  refresh?: boolean;
}

export class ProgramPatchDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100000,
    example: 100,
    description: 'One point per this many cents of eligible spend.',
  })
  @IsOptional()
  @IsIntegerBetween(1, 100_000)
  centsPerPoint?: number;

  @ApiPropertyOptional({
    type: [String],
    example: ['tobacco', 'gift_card', '香烟'],
    description: 'Category codes that earn nothing, as the tills send them (1–64 characters of any text; compared without case).',
  })
  @IsOptional()
  @ArrayLength(0, 50)
  @IsCategoryCode({ each: true })
  excludedCategories?: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 120, example: 24 })
  @IsOptional()
  @IsIntegerBetween(1, 120)
  pointsExpiryMonths?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100000, example: 100, description: 'Cents of discount per 100 points.' })
  @IsOptional()
  @IsIntegerBetween(1, 100_000)
  redemptionCentsPer100Points?: number;

  @ApiPropertyOptional({ example: true, description: 'A refund of spent points may leave a visible debt.' })
  @IsOptional()
  @IsBoolean()
  allowNegativeBalance?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 36,
    example: 12,
    description: 'Rolling qualifying window, calendar months.',
  })
  @IsOptional()
  @IsIntegerBetween(1, 36)
  qualifyingWindowMonths?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 365, example: 30 })
  @IsOptional()
  @IsIntegerBetween(0, 365)
  offlineAcceptanceDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 365, example: 0 })
  @IsOptional()
  @IsIntegerBetween(0, 365)
  returnWindowDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 36,
    example: 12,
    description: 'Review period of tiers above the lowest, months.',
  })
  @IsOptional()
  @IsIntegerBetween(1, 36)
  tierReviewMonths?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100_000_000,
    example: 10000,
    description: 'A campaign giving one member more points than this waits in pending_approval for a user with campaigns.approve.',
  })
  @IsOptional()
  @IsIntegerBetween(1, 100_000_000)
  campaignApprovalPointsPerMember?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000_000,
    example: 1000000,
    description:
      'A campaign whose estimated cost (points per member × audience) is above this waits for approval; an occurrence of a campaign launched without approval never grants more.',
  })
  @IsOptional()
  @IsIntegerBetween(1, 1_000_000_000_000)
  campaignApprovalTotalPoints?: number;
}

export class TierGrantDto {
  @ApiProperty({ example: 'VIP' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,31}$/, { message: 'tierCode must be a tier code' })
  tierCode: string;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2027-06-30T23:59:59.000Z',
    description: 'The grant is a floor until then; the daily review reverts it after.',
  })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @ApiProperty({ maxLength: 500, example: 'Service recovery after a delivery complaint (ticket 4711)' })
  @IsString()
  @MinLength(3)
  @MaxCodePoints(500)
  @IsSafeText()
  reason: string;
}

/** The tier criteria as rules/explain takes them: a list of the registry's kinds, by type. */
@ApiExtraModels(...TIER_CRITERION_MODELS)
export class ExplainTierCriteriaDto {
  @ApiProperty({
    ...TIER_CRITERIA_SCHEMA,
    description:
      'Each criterion once; a tier stores each in its own field (qualifyingSpend: minSpendCents, pointsEarned: minPoints, purchaseCount: minPurchases). Problems come back as VALIDATION_FAILED with the path of each field (criteria[0].min).',
  })
  @IsArray()
  criteria: unknown[];

  @ApiProperty({ enum: ['any', 'all'], example: 'any', description: 'any: one criterion is enough; all: every one.' })
  @IsIn(['any', 'all'])
  qualifyMode: 'any' | 'all';

  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    description: 'A member: the answer then says how far that member’s sums over the qualifying window are from each criterion.',
  })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}
