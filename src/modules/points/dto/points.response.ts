import { ApiProperty } from '@nestjs/swagger';

/** Points are whole numbers; a balance may go below zero after a clawback of points already spent. */
const POINTS = { type: 'integer', format: 'int64' } as const;
const COUNT_OF_POINTS = { type: 'integer', format: 'int64', minimum: 0 } as const;

export class PointsSummaryResponse {
  @ApiProperty({ ...POINTS, description: 'All points held, pending included.', example: 1200 })
  balance: number;
  @ApiProperty({ ...POINTS, description: 'Spendable now: balance minus pending.', example: 1200 })
  available: number;
  @ApiProperty({ ...COUNT_OF_POINTS, description: 'Earned but still in the return window.', example: 0 })
  pending: number;
}
