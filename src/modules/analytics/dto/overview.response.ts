/** The dashboard's period read (GET analytics/overview): its query and its answer, for the OpenAPI document and the console. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { MAX_PERIOD_DAYS, PERIOD_PRESETS, type PeriodPreset } from '../rules/figures';

const INT = { type: 'integer' } as const;
const DAY = { type: 'string', format: 'date', example: '2026-11-30' } as const;

/**
 * The period every analytics report takes (GET analytics/overview, churn, loyalty, liability, tier-movements, rfm,
 * club-growth): ?days=7|30|90 (default 30) or ?from=&to=. A bad one is 400 VALIDATION_FAILED whose details[0] names the
 * field and gives a stable reason: PERIOD_NEEDS_BOTH, PERIOD_NOT_A_DATE, PERIOD_REVERSED or PERIOD_TOO_LONG.
 */
export class PeriodQuery {
  @ApiPropertyOptional({
    type: 'integer',
    enum: [...PERIOD_PRESETS],
    default: 30,
    description:
      'The last 7, 30 or 90 business days (Asia/Shanghai) to the snapshot, its own day included. Ignored when from and to are given.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsIn([...PERIOD_PRESETS])
  days?: PeriodPreset;

  @ApiPropertyOptional({
    ...DAY,
    description: `A custom period's first business day; with to, at most ${MAX_PERIOD_DAYS} days. Active members are counted for the presets only.`,
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ ...DAY, description: "A custom period's last business day (included); with from." })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date, YYYY-MM-DD' })
  to?: string;
}

export class OverviewQuery extends PeriodQuery {}

/** The period a report's figures are for, echoed back. */
export class ReportPeriodResponse {
  @ApiProperty({ ...DAY, description: 'First business day (Asia/Shanghai) of the period.' })
  from: string;
  @ApiProperty({ ...DAY, description: 'Last business day of the period (included).' })
  to: string;
  @ApiProperty({ ...INT, example: 30 })
  days: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    enum: [...PERIOD_PRESETS],
    description: 'The preset asked for; null for a custom period.',
  })
  preset: PeriodPreset | null;
  @ApiProperty({
    description:
      'false when part of the period lies outside the snapshot’s daily figures (after its day, or more than 366 days before it): those days count as nothing.',
  })
  complete: boolean;
}

export class OverviewPeriodResponse {
  @ApiProperty({ ...DAY, description: 'First business day of the period.' })
  from: string;
  @ApiProperty({ ...DAY, description: 'Last business day of the period (included).' })
  to: string;
  @ApiProperty({ ...INT, example: 30 })
  days: number;
  @ApiProperty({ ...DAY, description: 'First day of the period before, of the same length.' })
  previousFrom: string;
  @ApiProperty({ ...DAY, description: 'Last day of the period before.' })
  previousTo: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    enum: [...PERIOD_PRESETS],
    description: 'The preset asked for; null for a custom period.',
  })
  preset: PeriodPreset | null;
  @ApiProperty({
    description:
      'false when part of the period or of the one before lies outside the snapshot’s daily figures (after its day, or more than 366 days before it): those days count as nothing.',
  })
  complete: boolean;
}

export class KpiResponse {
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'The figure for the period; null when it cannot be told (active members of a custom period).',
    example: 1_250,
  })
  value: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'The same figure for the period before.', example: 1_000 })
  previous: number | null;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description:
      'value / previous − 1, to 4 decimals (0.25 = up 25%); null when the period before had none. For the redemption rate, value − previous.',
    example: 0.25,
  })
  change: number | null;
}

export class OverviewKpisResponse {
  @ApiProperty({
    type: KpiResponse,
    description: 'Members (not merged) who had joined by the end of the period, and by the end of the one before.',
  })
  members: KpiResponse;
  @ApiProperty({ type: KpiResponse, description: 'Members with a purchase in the period (presets only).' })
  activeMembers: KpiResponse;
  @ApiProperty({ type: KpiResponse, description: 'Loyalty sales: members’ receipts in the period, net of refunds (cents).' })
  salesCents: KpiResponse;
  @ApiProperty({ type: KpiResponse, description: 'Receipts in the period not refunded in full.' })
  receipts: KpiResponse;
  @ApiProperty({
    type: KpiResponse,
    description: 'Points issued in the period (accruals, bonuses, adjustments, goodwill, less clawbacks).',
  })
  pointsIssued: KpiResponse;
  @ApiProperty({ type: KpiResponse, description: 'Points redeemed in the period, net of cancellations.' })
  pointsRedeemed: KpiResponse;
  @ApiProperty({
    type: KpiResponse,
    description: 'Points redeemed / points issued in the period (0.1 = 10%); change is in points of rate.',
  })
  redemptionRate: KpiResponse;
  @ApiProperty({ type: KpiResponse, description: 'Coupons used at the tills in the period (uses returned by a refund not counted).' })
  couponsUsed: KpiResponse;
}

export class OverviewDayResponse {
  @ApiProperty(DAY)
  day: string;
  @ApiProperty({ ...INT, example: 12 })
  joined: number;
  @ApiProperty({ ...INT, example: 340 })
  receipts: number;
  @ApiProperty({ ...INT, description: 'Net sales, cents.', example: 4_500_000 })
  salesCents: number;
  @ApiProperty({ ...INT, example: 45_000 })
  pointsIssued: number;
  @ApiProperty({ ...INT, example: 9_000 })
  pointsRedeemed: number;
  @ApiProperty({ ...INT, example: 31 })
  couponsUsed: number;
}

export class OverviewClubResponse {
  @ApiProperty({ format: 'uuid' })
  clubId: string;
  @ApiProperty({ example: 'BABY' })
  code: string;
  @ApiProperty({ example: '母婴俱乐部' })
  nameZh: string;
  @ApiProperty({ example: 'Baby Club' })
  nameEn: string;
  @ApiProperty({ ...INT, description: 'Active members of the club at the snapshot.', example: 12_000 })
  members: number;
  @ApiProperty({ ...INT, description: 'Of them, those with a purchase in the 90 days to the snapshot.', example: 7_000 })
  active90: number;
}

export class OverviewCampaignResponse {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;
  @ApiProperty({ example: 'Double points weekend' })
  name: string;
  @ApiProperty({ enum: ['running', 'active'], description: 'running: a campaign fanning out now; active: a live bonus rule.' })
  state: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  startsAt: string | null;
}

export class OverviewResponse {
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When the snapshot was written; null: none yet, period and kpis are null (POST analytics/snapshots makes one).',
  })
  snapshotAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'The instant the figures are for.' })
  asOf: string | null;
  @ApiProperty({ type: OverviewPeriodResponse, nullable: true })
  period: OverviewPeriodResponse | null;
  @ApiProperty({ type: OverviewKpisResponse, nullable: true })
  kpis: OverviewKpisResponse | null;
  @ApiProperty({ type: [OverviewDayResponse], description: 'Every day of the period, in order (days with nothing are zeros).' })
  daily: OverviewDayResponse[];
  @ApiProperty({ type: [OverviewClubResponse], description: 'The five largest clubs at the snapshot.' })
  topClubs: OverviewClubResponse[];
  @ApiProperty({ type: [OverviewCampaignResponse], description: 'Running campaigns and live bonus rules, read live (newest 10).' })
  liveCampaigns: OverviewCampaignResponse[];
  @ApiProperty({ ...INT, description: 'How many campaigns run and bonus rules are live now (read live).' })
  liveCampaignCount: number;
}
