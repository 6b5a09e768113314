import { OutstandingCouponsResponse } from '../../rewards/dto/reward.response';
/** Response shapes of the analytics routes (analytics/*), for the OpenAPI document and the console's generated client. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsIntegerBetween } from '../../../common/validation/numbers';
import { CampaignResultsResponse } from '../../campaigns/dto/campaign.response';
import { ClubAnalyticsResponse } from '../../clubs/dto/club.response';
import { PeriodQuery, ReportPeriodResponse } from './overview.response';

const INT = { type: 'integer' } as const;
const SNAPSHOT_AT = {
  type: 'string',
  format: 'date-time',
  nullable: true,
  description:
    'When the snapshot these figures come from was written. null: no snapshot yet — every figure is 0 and every list empty; ' +
    'POST analytics/snapshots makes one (it is also made daily at 05:00 UTC).',
  example: '2026-11-25T05:00:41.120Z',
} as const;
const AS_OF = {
  type: 'string',
  format: 'date-time',
  nullable: true,
  description: 'The instant the figures are for: windows such as "the last 90 days" end here.',
  example: '2026-11-25T05:00:00.000Z',
} as const;
const RATE = (description: string, example: number) => ({ type: 'number', nullable: true, description, example }) as const;

/** What every report read from the analytics snapshot starts with: when the snapshot was written and what instant it is for. */
export class SnapshotFiguresResponse {
  @ApiProperty(SNAPSHOT_AT)
  snapshotAt: string | null;
  @ApiProperty(AS_OF)
  asOf: string | null;
}

/** A snapshot report for a period (?days=7|30|90 or ?from=&to=). */
export class PeriodReportResponse extends SnapshotFiguresResponse {
  @ApiProperty({
    type: ReportPeriodResponse,
    nullable: true,
    description: 'The period the figures are for (?days=7|30|90, default 30, or ?from=&to=); null before the first snapshot.',
  })
  period: ReportPeriodResponse | null;
}

export class DashboardResponse extends SnapshotFiguresResponse {
  @ApiProperty({ ...INT, description: 'Members (not merged into another) who had joined by asOf.', example: 1_000_000 })
  members: number;
  @ApiProperty({ ...INT, description: 'Members with at least one purchase in the 90 days to asOf.', example: 412_345 })
  activeMembers90d: number;
  @ApiProperty({
    ...INT,
    description: 'Points issued, all time: accruals + bonuses + adjustments − refund clawbacks (ledger entries to asOf).',
    example: 98_000_000,
  })
  pointsIssued: number;
  @ApiProperty({ ...INT, description: 'Points redeemed, all time, net of cancelled redemptions.', example: 31_000_000 })
  pointsRedeemed: number;
  @ApiProperty({ ...INT, description: 'Points expired, all time.', example: 2_000_000 })
  pointsExpired: number;
  @ApiProperty({
    ...INT,
    description: 'Points in members’ balances (the sum of positive balances; debts not netted).',
    example: 65_000_000,
  })
  pointsOutstanding: number;
  @ApiProperty({
    ...INT,
    description: 'Campaigns running now and live bonus rules (state active), read live, not from the snapshot.',
    example: 3,
  })
  runningCampaigns: number;
}

export class KeyCountResponse {
  @ApiProperty({ description: 'Tier code, or value grade A/B/C/none.', example: 'VIP' })
  key: string;
  @ApiProperty({ ...INT, example: 120_000 })
  members: number;
}

export class ChurnSliceResponse {
  @ApiProperty({
    description: 'Tier code; value grade A, B, C or none (not graded yet); or month of last purchase YYYY-MM, or never.',
    example: 'VIP',
  })
  key: string;
  @ApiProperty({ ...INT, description: 'Members with no purchase for the window’s days or more.', example: 8_000 })
  members: number;
  @ApiProperty({ ...INT, nullable: true, description: 'All members of the slice (null for months).', example: 120_000 })
  population: number | null;
}

export class ClubChurnResponse {
  @ApiProperty({ format: 'uuid' })
  clubId: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'BABY' })
  code: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '母婴俱乐部', description: 'The name in zh-CN.' })
  name: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Baby club', description: 'The name in English.' })
  nameEn: string | null;
  @ApiProperty({ ...INT, description: 'Active members of the club with no purchase for the window’s days or more.', example: 1_200 })
  members: number;
  @ApiProperty({ ...INT, description: 'Active members of the club.', example: 9_000 })
  population: number;
}

export class ChurnWindowResponse {
  @ApiProperty({ ...INT, enum: [90, 180, 365], example: 90 })
  days: number;
  @ApiProperty({
    ...INT,
    description:
      'Members whose last purchase was at least `days` days before asOf; a member who never bought counts from the day they joined.',
    example: 300_000,
  })
  churned: number;
  @ApiProperty(RATE('churned ÷ population.total, 4 decimals; null with no members.', 0.3))
  rate: number | null;
  @ApiProperty({
    ...INT,
    description:
      'Members who lapsed during the period: their idle stretch (since their last purchase, or their join when they never bought) ' +
      'reached `days` days on a day of the period, and still runs at asOf (a member who lapsed and bought again since is not counted). ' +
      'Exact for any period, presets and custom ranges alike (a member lapses once per stretch, so days add up).',
    example: 4_200,
  })
  lapsed: number;
  @ApiProperty({ type: [ChurnSliceResponse] })
  byTier: ChurnSliceResponse[];
  @ApiProperty({ type: [ChurnSliceResponse], description: 'By value grade of the last value run (none: not graded).' })
  byGrade: ChurnSliceResponse[];
  @ApiProperty({ type: [ChurnSliceResponse], description: 'By month (UTC) of the last purchase; never: never bought.' })
  byMonth: ChurnSliceResponse[];
  @ApiProperty({ type: [ClubChurnResponse], description: 'By club (active memberships now).' })
  byClub: ClubChurnResponse[];
}

export class ChurnPopulationResponse {
  @ApiProperty({ ...INT, example: 1_000_000 })
  total: number;
  @ApiProperty({ type: [KeyCountResponse] })
  byTier: KeyCountResponse[];
  @ApiProperty({ type: [KeyCountResponse] })
  byGrade: KeyCountResponse[];
}

export class ChurnResponse extends PeriodReportResponse {
  @ApiProperty({ type: ChurnPopulationResponse, description: 'Members (not merged) who had joined by asOf.' })
  population: ChurnPopulationResponse;
  @ApiProperty({
    type: [ChurnWindowResponse],
    description:
      'No purchase for 90, 180 and 365 days (each includes the longer ones): lapsed is the flow of the period; churned and its ' +
      'slices are the standing at the snapshot (asOf), the end of a preset period.',
  })
  windows: ChurnWindowResponse[];
}

export class LoyaltyResponse extends PeriodReportResponse {
  @ApiProperty({ ...INT, description: 'The window: the period’s days (0 before the first snapshot).', example: 30 })
  windowDays: number;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'The first instant of the period (its first business day, Asia/Shanghai).',
  })
  windowFrom: string | null;
  @ApiProperty({
    ...INT,
    nullable: true,
    description:
      'Members with at least one purchase in the window (receipts refunded in full do not count). A distinct count: counted by the ' +
      'snapshot for the presets 7, 30 and 90 days; null for a custom range (with repeatBuyers, repeatPurchaseRate and purchaseFrequency).',
    example: 600_000,
  })
  buyers: number | null;
  @ApiProperty({
    ...INT,
    nullable: true,
    description: 'Buyers with two or more purchases in the window; null for a custom range.',
    example: 240_000,
  })
  repeatBuyers: number | null;
  @ApiProperty({ ...INT, description: 'Purchases (receipts, not refunded in full) in the window.', example: 1_500_000 })
  purchases: number;
  @ApiProperty({
    ...INT,
    description: 'Points issued in the window (accruals + bonuses + adjustments − refund clawbacks).',
    example: 40_000_000,
  })
  pointsIssued: number;
  @ApiProperty({ ...INT, description: 'Points redeemed in the window, net of cancellations.', example: 12_000_000 })
  pointsRedeemed: number;
  @ApiProperty(RATE('Repeat-purchase rate = repeatBuyers ÷ buyers, 4 decimals (null: no buyers).', 0.4))
  repeatPurchaseRate: number | null;
  @ApiProperty(RATE('Purchase frequency = purchases ÷ buyers: purchases per buying member in the window, 4 decimals.', 2.5))
  purchaseFrequency: number | null;
  @ApiProperty(RATE('Redemption rate = pointsRedeemed ÷ pointsIssued in the window, 4 decimals (null: nothing issued).', 0.3))
  redemptionRate: number | null;
}

export class ExpiringMonthResponse {
  @ApiProperty({ description: 'Calendar month (UTC) of the lots’ expiry date.', example: '2026-12' })
  month: string;
  @ApiProperty({ ...INT, description: 'Points left in lots expiring that month (pending lots included).', example: 1_500_000 })
  points: number;
  @ApiProperty({ ...INT, description: 'Their money value, cents: floor(points × redemptionCentsPer100Points ÷ 100).', example: 1_500_000 })
  valueCents: number;
}

export class LiabilityPeriodPointsResponse {
  @ApiProperty({
    ...INT,
    description: 'Points issued in the period (accruals, bonuses, adjustments, goodwill, less clawbacks).',
    example: 3_000_000,
  })
  issued: number;
  @ApiProperty({ ...INT, description: 'Points redeemed in the period, net of cancellations.', example: 1_000_000 })
  redeemed: number;
  @ApiProperty({ ...INT, description: 'Points expired in the period.', example: 200_000 })
  expired: number;
  @ApiProperty({ ...INT, description: 'issued − redeemed − expired: what the period added to the liability.', example: 1_800_000 })
  net: number;
  @ApiProperty({ ...INT, example: 3_000_000 })
  issuedValueCents: number;
  @ApiProperty({ ...INT, example: 1_000_000 })
  redeemedValueCents: number;
  @ApiProperty({ ...INT, example: 200_000 })
  expiredValueCents: number;
}

export class LiabilityResponse extends PeriodReportResponse {
  @ApiProperty({
    type: LiabilityPeriodPointsResponse,
    description:
      'The points that moved in the period (by business day of the ledger entry; exact for any period). The balances below are at asOf.',
  })
  periodPoints: LiabilityPeriodPointsResponse;
  @ApiProperty({ ...INT, description: 'The program’s redemption rate at the snapshot: cents of discount per 100 points.', example: 100 })
  redemptionCentsPer100Points: number;
  @ApiProperty({
    ...INT,
    description: 'Points in members’ balances: the sum of positive balances (pending included).',
    example: 65_000_000,
  })
  outstandingPoints: number;
  @ApiProperty({
    ...INT,
    description: 'Money value of the outstanding points, cents (program redemption rate, rounded down).',
    example: 65_000_000,
  })
  outstandingValueCents: number;
  @ApiProperty({ ...INT, description: 'Points earned but not spendable yet (return window); part of outstanding.', example: 800_000 })
  pendingPoints: number;
  @ApiProperty({ ...INT, example: 800_000 })
  pendingValueCents: number;
  @ApiProperty({ ...INT, description: 'Points owed by members with a negative balance (not netted against outstanding).', example: 1_200 })
  debtPoints: number;
  @ApiProperty({
    type: [ExpiringMonthResponse],
    description: 'The 12 calendar months from the month of asOf; months without expiries show 0.',
  })
  expiring: ExpiringMonthResponse[];
  @ApiProperty({ ...INT, example: 9_000_000 })
  expiringPoints: number;
  @ApiProperty({ ...INT, example: 9_000_000 })
  expiringValueCents: number;
  @ApiProperty({ ...INT, description: 'Points redeemed, all time, net of cancellations.', example: 31_000_000 })
  redeemedPoints: number;
  @ApiProperty({ ...INT, description: 'Points expired, all time.', example: 2_000_000 })
  expiredPoints: number;
  @ApiProperty(
    RATE(
      'Historical redemption rate = redeemedPoints ÷ (redeemedPoints + expiredPoints): of the points that left balances, the share redeemed. ' +
        '1 when nothing has been redeemed or expired yet (no history: every point is assumed redeemed).',
      0.9394,
    ),
  )
  historicalRedemptionRate: number | null;
  @ApiProperty({
    ...INT,
    description:
      'Redemption-rate-adjusted exposure, cents: outstandingValueCents × historicalRedemptionRate, computed exactly in integers and rounded down — ' +
      'floor(outstandingPoints × redemptionCentsPer100Points × redeemed ÷ (100 × (redeemed + expired))).',
    example: 61_060_606,
  })
  exposureCents: number;
  @ApiProperty({
    type: () => OutstandingCouponsResponse,
    description: 'Outstanding coupons beside the points: count, face value, expiring by month.',
  })
  coupons: OutstandingCouponsResponse;
}

export class AnalyticsRfmResponse extends PeriodReportResponse {
  @ApiProperty({
    enum: [true],
    description: 'Always true: R and F scores are a standing, so the grid is as of the last value run (valueRunAsOf) whatever the period.',
  })
  asOfGrid: true;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The value run whose R and F scores are counted.' })
  valueRunId: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  valueRunAsOf: string | null;
  @ApiProperty({ ...INT, description: 'Members with R and F scores (the sum of the grid).', example: 1_000_000 })
  members: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' }, minItems: 5, maxItems: 5 },
    minItems: 5,
    maxItems: 5,
    description: 'grid[r − 1][f − 1] = members with recency score r and frequency score f (1–5, 5 best).',
    example: [
      [9, 8, 7, 6, 5],
      [9, 8, 7, 6, 5],
      [9, 8, 7, 6, 5],
      [9, 8, 7, 6, 5],
      [9, 8, 7, 6, 5],
    ],
  })
  grid: number[][];
}

export class TierCountResponse {
  @ApiProperty({ example: 'VIP' })
  tier: string;
  @ApiProperty({ example: 'VIP' })
  name: string;
  @ApiProperty({ ...INT, example: 120_000 })
  members: number;
}

export class TierMoveResponse {
  @ApiProperty({
    enum: ['new', 'up', 'down', 'same'],
    description: 'new: enrolment (no tier before); up/down by the tiers’ ranks.',
    example: 'up',
  })
  direction: string;
  @ApiProperty({ description: 'The tier history reason: enrolment, purchase, review, rank, manual, grant_expiry, …', example: 'purchase' })
  reason: string;
  @ApiProperty({ ...INT, example: 1_300 })
  members: number;
}

export class TierPeriodMovesResponse {
  @ApiProperty({ ...INT, example: 1_500 })
  up: number;
  @ApiProperty({ ...INT, example: 400 })
  down: number;
  @ApiProperty({ ...INT, example: 20_000 })
  new: number;
  @ApiProperty({ ...INT, example: 0 })
  same: number;
  @ApiProperty({ type: [TierMoveResponse] })
  moves: TierMoveResponse[];
}

/** One calendar month's moves. */
export class TierMonthResponse extends TierPeriodMovesResponse {
  @ApiProperty({ example: '2026-11' })
  month: string;
}

export class TierDayResponse {
  @ApiProperty({ type: 'string', format: 'date', example: '2026-11-30' })
  day: string;
  @ApiProperty({ ...INT, example: 50 })
  up: number;
  @ApiProperty({ ...INT, example: 12 })
  down: number;
  @ApiProperty({ ...INT, example: 700 })
  new: number;
  @ApiProperty({ ...INT, example: 0 })
  same: number;
}

export class TierMovementsResponse extends PeriodReportResponse {
  @ApiProperty({
    type: TierPeriodMovesResponse,
    description: 'Tier moves dated in the period (business days), by direction and reason; exact for any period.',
  })
  periodMoves: TierPeriodMovesResponse;
  @ApiProperty({ type: [TierDayResponse], description: 'Every day of the period, in order (days without moves are zeros).' })
  days: TierDayResponse[];
  @ApiProperty({ type: [TierCountResponse], description: 'Members (not merged) per tier at the snapshot, in ladder order.' })
  distribution: TierCountResponse[];
  @ApiProperty({ type: [TierMonthResponse], description: 'The 12 calendar months (UTC) to the month of asOf, oldest first.' })
  months: TierMonthResponse[];
}

export class CampaignAnalyticsItemResponse extends CampaignResultsResponse {
  @ApiProperty({ example: '双十一会员积分加赠' })
  name: string;
}

export class CampaignAnalyticsResponse {
  @ApiProperty({ type: [CampaignAnalyticsItemResponse], description: 'Newest first, each with its live results.' })
  items: CampaignAnalyticsItemResponse[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page', example: null })
  nextCursor: string | null;
}

export class CampaignAnalyticsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsIntegerBetween(1, 50)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The id of the last campaign of the previous page.' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/)
  cursor?: string;
}

export class ClubGrowthQuery extends PeriodQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 36,
    default: 12,
    description:
      'Calendar months to show, the current one included (per month). Only without days, from and to: a period (the default, 30 days) is per business day.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsIntegerBetween(1, 36)
  months?: number;
}

export class LiabilityQuery extends PeriodQuery {
  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: 'csv: the same figures as a CSV file for finance.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ClubGrowthResponse extends ClubAnalyticsResponse {
  @ApiProperty({
    type: ReportPeriodResponse,
    nullable: true,
    description: 'The period (business days, a preset ending today); null when ?months= asked for calendar months.',
  })
  period: ReportPeriodResponse | null;
}
