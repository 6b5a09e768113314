/** Response shapes of the customer-value and rank-review routes, for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';

export class RfmResponse {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 5,
    nullable: true,
    description: 'Recency quintile (5 = bought most recently; 1 = never bought)',
    example: 5,
  })
  r: number | null;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 5,
    nullable: true,
    description: 'Frequency quintile: purchases in 12 months',
    example: 4,
  })
  f: number | null;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, nullable: true, description: 'Monetary quintile: 12-month spend', example: 5 })
  m: number | null;
}

export class ValueFiguresResponse {
  @ApiProperty({ type: 'integer', description: '12-month qualifying spend (purchases minus refunds), cents', example: 1_250_000 })
  spendCents: number;
  @ApiProperty({ type: 'integer', description: 'Points earned in 12 months', example: 12_500 })
  points: number;
  @ApiProperty({ type: 'integer', description: 'Purchases in 12 months', example: 18 })
  purchases: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2026-11-20T09:12:00.000Z' })
  lastPurchaseAt: string | null;
}

export class MemberValueResponse {
  @ApiProperty({ format: 'uuid', example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  memberId: string;
  @ApiProperty({
    type: 'integer',
    description: 'Σ floor(weight‰ × figure × 1000 / reference) over spend, points and purchases; 1,000,000 = the reference member',
    example: 1_200_000,
  })
  score: number;
  @ApiProperty({
    enum: ['A', 'B', 'C'],
    nullable: true,
    description: 'A: the members who bring the top 80% of value; B: the next 15%; C: the tail',
    example: 'A',
  })
  grade: string | null;
  @ApiProperty({ enum: ['A', 'B', 'C'], nullable: true, description: 'The grade before the last run', example: 'B' })
  previousGrade: string | null;
  @ApiProperty({ type: RfmResponse })
  rfm: RfmResponse;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '1 = most valuable (score, then 12-month spend, then member id)',
    example: 42,
  })
  rank: number | null;
  @ApiProperty({ type: ValueFiguresResponse })
  figures: ValueFiguresResponse;
  @ApiProperty({ format: 'uuid', description: 'The value run that computed it', example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  runId: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T02:00:41.000Z' })
  computedAt: string;
}

export class PyramidGradeResponse {
  @ApiProperty({ enum: ['A', 'B', 'C'], example: 'A' })
  grade: string;
  @ApiProperty({ type: 'integer', example: 2010 })
  members: number;
  @ApiProperty({ description: 'Fraction of the graded members (4 decimals)', example: 0.201 })
  memberShare: number;
  @ApiProperty({ type: 'integer', description: '12-month spend of the grade, cents (negative spends count 0)', example: 812_000_000 })
  spendCents: number;
  @ApiProperty({ description: 'Fraction of all 12-month spend (4 decimals)', example: 0.7904 })
  spendShare: number;
}

export class PyramidMovementResponse {
  @ApiProperty({ enum: ['A', 'B', 'C'], nullable: true, description: 'Grade before the run (null: not graded before)', example: 'B' })
  from: string | null;
  @ApiProperty({ enum: ['A', 'B', 'C'], example: 'A' })
  to: string;
  @ApiProperty({ type: 'integer', example: 37 })
  members: number;
}

export class ValueWeightsResponse {
  @ApiProperty({ type: 'integer', example: 600 })
  spendPermille: number;
  @ApiProperty({ type: 'integer', example: 200 })
  pointsPermille: number;
  @ApiProperty({ type: 'integer', example: 200 })
  purchasesPermille: number;
}

export class GradeCutoffsResponse {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Lowest score of grade A', example: 640_000 })
  a: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Lowest score of grade B', example: 180_000 })
  b: number | null;
}

export class GradeSharesResponse {
  @ApiProperty({ type: 'integer', description: 'Grade A: the members who together bring this share of value, percent', example: 80 })
  aPercent: number;
  @ApiProperty({ type: 'integer', description: 'Grade B: the next share, percent; C is the rest', example: 15 })
  bPercent: number;
}

export class ValueReferenceResponse {
  @ApiProperty({ type: 'integer', description: '12-month spend (cents) counted as one unit', example: 1_000_000 })
  spendCents: number;
  @ApiProperty({ type: 'integer', example: 10_000 })
  points: number;
  @ApiProperty({ type: 'integer', example: 24 })
  purchases: number;
}

export class ValueSettingsResponse {
  @ApiProperty({ type: ValueWeightsResponse })
  weights: ValueWeightsResponse;
  @ApiProperty({ type: ValueReferenceResponse })
  reference: ValueReferenceResponse;
  @ApiProperty({ type: GradeSharesResponse })
  grades: GradeSharesResponse;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T09:30:00.000Z' })
  updatedAt: string;
}

export class ValuePyramidResponse {
  @ApiProperty({ format: 'uuid', description: 'The last finished value run', example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  runId: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T02:00:00.000Z' })
  asOf: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T02:00:41.000Z' })
  finishedAt: string;
  @ApiProperty({ type: 'integer', example: 10_000 })
  members: number;
  @ApiProperty({ type: GradeCutoffsResponse })
  cutoffs: GradeCutoffsResponse;
  @ApiProperty({ type: ValueWeightsResponse })
  weights: ValueWeightsResponse;
  @ApiProperty({ type: GradeSharesResponse, description: 'The grade shares the run graded by' })
  gradeShares: GradeSharesResponse;
  @ApiProperty({ type: [PyramidGradeResponse] })
  grades: PyramidGradeResponse[];
  @ApiProperty({ type: [PyramidMovementResponse], description: 'Members per (previous grade → grade) since the run before' })
  movements: PyramidMovementResponse[];
}
