/** A member's points and ledger pages, as the POS and admin routes answer them. */
import { ApiProperty } from '@nestjs/swagger';
import { ENTRY_TYPES } from '../entities/point-entry.entity';

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

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE_STRING = { type: 'string', nullable: true } as const;

export class LedgerEntryResponse {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1, example: 5 })
  id: number;
  @ApiProperty({ enum: ENTRY_TYPES, example: 'accrual' })
  type: string;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'Signed: positive adds points, negative takes them.', example: 25 })
  points: number;
  @ApiProperty({ type: 'integer', format: 'int64', example: 1237 })
  balanceAfter: number;
  @ApiProperty({ ...UUID, nullable: true, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  storeId: string | null;
  @ApiProperty({ description: 'What the entry belongs to: purchase, refund, redemption, lot.', example: 'purchase' })
  refType: string;
  @ApiProperty({ example: '01a212aa-8bd5-74d9-a3a6-8c125c9593f5' })
  refId: string;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  note: string | null;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.637Z' })
  createdAt: string;
}

export class LedgerPageResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  memberId: string;
  @ApiProperty({ type: () => PointsSummaryResponse })
  points: PointsSummaryResponse;
  @ApiProperty({ type: () => [LedgerEntryResponse], description: 'Newest first.' })
  entries: LedgerEntryResponse[];
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    nullable: true,
    description: 'Pass as ?before= for the next (older) page; null on the last page.',
    example: null,
  })
  nextBefore: number | null;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'Same as points.balance.', example: 1237 })
  balance: number;
}
