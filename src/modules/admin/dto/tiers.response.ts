/** Response shapes of the tiers and program routes, for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';
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

export class SimulationResponse {
  @ApiProperty({ example: 10000 })
  members: number;
  @ApiProperty({ example: 2150000000 })
  spendCents12m: number;
  @ApiProperty({ type: () => [SimulatedTierResponse] })
  tiers: SimulatedTierResponse[];
  @ApiProperty({ example: [], description: 'Current tiers the proposal leaves out, with their members now.' })
  removed: Array<{ code: string; membersNow: number }>;
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
