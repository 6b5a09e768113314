/** Requests and answers of the member archive's adjustment and merge routes. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min, MinLength, NotEquals } from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

export class AdjustmentDto {
  @ApiProperty({ type: 'integer', description: 'Points to add (positive) or take (negative); not 0.', example: 500 })
  @IsInt()
  @NotEquals(0)
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  points: number;

  @ApiProperty({ maxLength: 200, example: 'Goodwill: delivery arrived late' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(200)
  @IsSafeText()
  reason: string;

  @ApiPropertyOptional({
    ...DATE_TIME,
    description: "Expiry of the points added; the program's default when absent. Ignored for negative adjustments.",
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiProperty({
    maxLength: 64,
    pattern: '^[A-Za-z0-9._:-]{8,64}$',
    description: 'Chosen by the console; the same key posts once.',
    example: 'adj-2026-11-25-0001',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{8,64}$/, { message: 'idempotencyKey: 8 to 64 letters, digits or . _ : -' })
  idempotencyKey: string;
}

export class AdjustmentResponse {
  @ApiProperty({ example: 'adj-2026-11-25-0001' })
  adjustmentId: string;
  @ApiProperty({ ...UUID })
  memberId: string;
  @ApiProperty({ type: 'integer', example: 500 })
  points: number;
  @ApiProperty({ example: 'Goodwill: delivery arrived late' })
  reason: string;
  @ApiProperty({ ...DATE_TIME, nullable: true })
  expiresAt: string | null;
  @ApiProperty({ type: 'integer', format: 'int64', example: 1234 })
  entryId: number;
  @ApiProperty({ type: 'integer', format: 'int64', example: 1737 })
  balanceAfter: number;
  @ApiProperty({ ...DATE_TIME })
  createdAt: string;
}

export class MergeDto {
  @ApiProperty({ ...UUID, description: 'The duplicate that is folded into the member of the path.' })
  @IsUUID()
  sourceMemberId: string;
}

export class MergeResponse {
  @ApiProperty({ ...UUID })
  sourceMemberId: string;
  @ApiProperty({ ...UUID })
  survivorMemberId: string;
  @ApiProperty({ type: 'integer', description: "The source's balance that moved (negative: a debt moved).", example: 820 })
  pointsMoved: number;
  @ApiProperty({ type: 'integer', example: 2057 })
  survivorBalance: number;
  @ApiProperty({ example: 'VIP' })
  survivorTier: string;
  @ApiProperty({ ...DATE_TIME })
  mergedAt: string;
}
