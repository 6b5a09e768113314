/** Response shapes of the tiers and program routes, for the OpenAPI document. */
import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { CRITERION_KINDS } from '../criteria/tier-criteria.registry';
import { TIER_CRITERIA_SCHEMA, TIER_CRITERION_MODELS } from '../criteria/tier-criteria.model';
import { LadderTierDto, ProgramPatchDto } from './tiers.dto';

export class LadderResponse {
  @ApiProperty({ type: () => [LadderTierDto], description: 'Lowest tier first.' })
  tiers: LadderTierDto[];
}

export class ProgramResponse extends ProgramPatchDto {
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-11-25T12:24:56.490Z' })
  updatedAt: string;
}

export class JobStartedResponse {
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    example: '01a212aa-8b99-749f-88e9-001ff70d99ce',
    description: 'Follow it at GET /api/v1/admin/jobs/{jobId}.',
  })
  jobId: string;
}

export class SimulatedTierResponse {
  @ApiProperty({ example: 'VIP' })
  code: string;
  @ApiProperty({ example: 1200 })
  membersNow: number;
  @ApiProperty({ example: 1350 })
  membersAfter: number;
  @ApiProperty({ example: 200, description: 'Members who would land in this tier from a lower one.' })
  movingUp: number;
  @ApiProperty({ example: 50, description: 'Members who would land in this tier from a higher one.' })
  movingDown: number;
  @ApiProperty({ example: 880000000 })
  spendCentsNow: number;
  @ApiProperty({ example: 910000000 })
  spendCentsAfter: number;
  @ApiProperty({ example: 0.41, description: 'Share of all 12-month spend, 0–1.' })
  spendShareNow: number;
  @ApiProperty({ example: 0.43 })
  spendShareAfter: number;
}

export class SimulationRemovedTierResponse {
  @ApiProperty({ example: 'GOLD', description: 'A tier of the current ladder the proposal leaves out.' })
  code: string;
  @ApiProperty({ type: 'integer', example: 0, description: 'Members in it now (PUT refuses to leave out a tier members hold).' })
  membersNow: number;
}

export class SimulationResponse {
  @ApiProperty({ example: 10000 })
  members: number;
  @ApiProperty({ example: 2150000000 })
  spendCents12m: number;
  @ApiProperty({ type: () => [SimulatedTierResponse] })
  tiers: SimulatedTierResponse[];
  @ApiProperty({
    type: () => [SimulationRemovedTierResponse],
    example: [{ code: 'GOLD', membersNow: 0 }],
    description: 'Current tiers the proposal leaves out, with their members now.',
  })
  removed: SimulationRemovedTierResponse[];
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2026-11-25T00:20:00.000Z',
    description: 'The instant the window sums are for (the snapshot’s); current tiers are read live.',
  })
  asOf: string;
  @ApiProperty({
    example: false,
    description: 'Whether this simulation refreshed the snapshot first (none covered the current months, or refresh was asked).',
  })
  snapshotRefreshed: boolean;
  @ApiProperty({ example: 42 })
  durationMs: number;
}

export class TierGrantResponse {
  @ApiProperty({ example: 17 })
  grantId: number;
  @ApiProperty({ type: 'string', format: 'uuid', example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  memberId: string;
  @ApiProperty({ example: 'VIP' })
  tierCode: string;
  @ApiProperty({ example: 'STANDARD' })
  previousTier: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2027-06-30T23:59:59.000Z' })
  endsAt: string;
  @ApiProperty({ example: 'Service recovery after a delivery complaint (ticket 4711)' })
  reason: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-11-25T12:24:56.490Z' })
  createdAt: string;
}

export class TierCriterionTextResponse {
  @ApiProperty({ example: 'Members who spent at least ¥5,000 or made at least 12 purchases over the qualifying window.' })
  en: string;
  @ApiProperty({ example: '统计周期内消费满¥5,000或购买满12次的会员。' })
  zhCN: string;
}

export class TierCriterionGapResponse {
  @ApiProperty({ enum: CRITERION_KINDS.map((k) => k.gapName), example: 'spend', description: 'As in the member page’s tier progress.' })
  criterion: string;
  @ApiProperty({ type: 'integer', format: 'int64', example: 500000 })
  required: number;
  @ApiProperty({ type: 'integer', format: 'int64', example: 320000 })
  current: number;
  @ApiProperty({ type: 'integer', format: 'int64', example: 180000, description: 'Still missing (0 when met).' })
  missing: number;
}

export class TierCriteriaMemberGapsResponse {
  @ApiProperty({ type: 'string', format: 'uuid', example: '01a212ab-0000-7000-8000-000000000001' })
  memberId: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2025-12-01', description: 'First month of the qualifying window.' })
  windowStart: string;
  @ApiProperty({ example: false, description: 'Whether the member’s sums meet the criteria (by qualifyMode).' })
  met: boolean;
  @ApiProperty({ type: [TierCriterionGapResponse] })
  criteria: TierCriterionGapResponse[];
}

@ApiExtraModels(...TIER_CRITERION_MODELS)
export class TierCriteriaExplainResponse {
  @ApiProperty({
    ...TIER_CRITERIA_SCHEMA,
    description: 'The criteria, validated, in the registry’s order.',
  })
  criteria: unknown[];
  @ApiProperty({ enum: ['any', 'all'], example: 'any' })
  qualifyMode: string;
  @ApiProperty({ type: TierCriterionTextResponse })
  text: TierCriterionTextResponse;
  @ApiProperty({ type: TierCriteriaMemberGapsResponse, required: false, description: 'Only when memberId was given.' })
  memberGaps?: TierCriteriaMemberGapsResponse;
}
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

export class MemberTierResponse {
  @ApiProperty({ example: 'STANDARD' })
  code: string;
  @ApiProperty({ example: 'Standard' })
  name: string;
  @ApiProperty({ example: '普通会员' })
  nameZh: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.505Z' })
  since: string;
  @ApiProperty({
    ...DATE_TIME,
    nullable: true,
    description: 'When the review decides on the tier; null in the lowest tier.',
    example: null,
  })
  reviewAt: string | null;
  @ApiProperty({
    type: () => MemberTierGrantResponse,
    nullable: true,
    description: 'An open manual grant: the tier is held at least until endsAt.',
  })
  grant: MemberTierGrantResponse | null;
}

export class MemberTierGrantResponse {
  @ApiProperty({ example: 'VIP' })
  tierCode: string;
  @ApiProperty({ ...DATE_TIME, example: '2027-06-30T23:59:59.000Z' })
  endsAt: string;
  @ApiProperty({ example: 'Service recovery (ticket 4711)' })
  reason: string;
}
