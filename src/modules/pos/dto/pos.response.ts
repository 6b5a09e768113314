/** Response shapes of the POS contract (POS-API.md), for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PointsSummaryResponse } from '../../points/dto/points.response';
import { ErrorResponse } from '../../../common/api/error.response';

/** Points are whole numbers; a balance may go below zero after a clawback of points already spent. */
const POINTS = { type: 'integer', format: 'int64' } as const;
const COUNT_OF_POINTS = { type: 'integer', format: 'int64', minimum: 0 } as const;
const CENTS = { type: 'integer', format: 'int64', minimum: 0 } as const;
const UUID = { type: 'string', format: 'uuid' } as const;

/** One example member, store and set of numbers used across every example of the document. */
export const POS_EXAMPLE = {
  memberId: '01a212aa-8bb9-742a-810d-39e0f747ae17',
  cardNo: '8766314454867138',
  phone: '+8613800138000',
  transactionId: '01a212aa-8bd5-74d9-a3a6-8c125c9593f5',
  refundId: '01a212aa-8c05-76aa-826f-dd02aece560c',
  redemptionId: '01a212aa-8c17-71a1-b195-ced6a5ef9fe9',
  occurredAt: '2026-11-24T10:00:00+08:00',
};

export const PURCHASE_REQUEST_EXAMPLE = {
  receiptNo: 'R-0001',
  member: { cardNo: POS_EXAMPLE.cardNo },
  occurredAt: POS_EXAMPLE.occurredAt,
  lines: [{ sku: 'MILK-1L', category: 'dairy', quantity: 2, amountCents: 2590 }],
  totalCents: 2590,
};

export const REFUND_REQUEST_EXAMPLE = {
  refundNo: 'F-0001',
  receiptNo: 'R-0001',
  lines: [{ sku: 'MILK-1L', quantity: 1, amountCents: 1295 }],
};

export const REDEMPTION_REQUEST_EXAMPLE = {
  redemptionNo: 'D-0001',
  member: { cardNo: POS_EXAMPLE.cardNo },
  points: 500,
};

export const LOOKUP_RESPONSE_EXAMPLE = {
  memberId: POS_EXAMPLE.memberId,
  cardNo: POS_EXAMPLE.cardNo,
  name: '张*',
  phone: '+86138****8000',
  tier: { code: 'VIP', name: 'VIP', priorityService: false },
  points: { balance: 1200, available: 1200, pending: 0 },
  clubs: ['BABY'],
};

export const PURCHASE_RESPONSE_EXAMPLE = {
  transactionId: POS_EXAMPLE.transactionId,
  receiptNo: 'R-0001',
  memberId: POS_EXAMPLE.memberId,
  pointsEarned: 37,
  breakdown: [
    { rule: 'base', points: 25 },
    { rule: 'tier', points: 12 },
  ],
  points: { balance: 1237, available: 1237, pending: 0 },
  tier: { code: 'VIP', changed: false, previous: null },
};

export const REFUND_RESPONSE_EXAMPLE = {
  refundId: POS_EXAMPLE.refundId,
  refundNo: 'F-0001',
  receiptNo: 'R-0001',
  memberId: POS_EXAMPLE.memberId,
  refundedCents: 1295,
  pointsReversed: 18,
  points: { balance: 1219, available: 1219, pending: 0 },
};

export const REDEMPTION_RESPONSE_EXAMPLE = {
  redemptionId: POS_EXAMPLE.redemptionId,
  redemptionNo: 'D-0001',
  memberId: POS_EXAMPLE.memberId,
  pointsRedeemed: 500,
  discountCents: 500,
  points: { balance: 719, available: 719, pending: 0 },
};

export const REDEMPTION_CANCEL_RESPONSE_EXAMPLE = {
  redemptionNo: 'D-0001',
  pointsReturned: 500,
  points: { balance: 1219, available: 1219, pending: 0 },
};

export const COUNTER_CARD_RESPONSE_EXAMPLE = { cardNo: '8257674948175950', memberId: '01a212aa-8c49-726e-8084-7fe8a529b74f' };

export const BATCH_REQUEST_EXAMPLE = {
  transactions: [
    PURCHASE_REQUEST_EXAMPLE,
    {
      receiptNo: 'R-0002',
      member: { cardNo: POS_EXAMPLE.cardNo },
      occurredAt: '2026-11-24T10:05:00+08:00',
      lines: [{ sku: 'BREAD-500G', category: 'bakery', quantity: 1, amountCents: 1200 }],
      totalCents: 1300,
    },
  ],
};

export const BATCH_RESPONSE_EXAMPLE = {
  results: [
    { receiptNo: 'R-0001', status: 201, body: PURCHASE_RESPONSE_EXAMPLE },
    {
      receiptNo: 'R-0002',
      status: 422,
      error: {
        statusCode: 422,
        code: 'TOTAL_MISMATCH',
        message: 'totalCents is 1300 but the lines add up to 1200. Send the lines and the total of the same receipt.',
        details: [{ field: 'totalCents', message: 'expected 1200' }],
      },
    },
  ],
};

export class TierSummaryResponse {
  @ApiProperty({ example: 'VIP', description: 'STANDARD, VIP or SVIP with the default program.' })
  code: string;
  @ApiProperty({ example: 'VIP' })
  name: string;
  @ApiProperty({ description: 'Serve this member first (SVIP).', example: false })
  priorityService: boolean;
}

export class LookupResponse {
  @ApiProperty({ ...UUID, example: POS_EXAMPLE.memberId })
  memberId: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: "The card used, or the member's newest active card.",
    example: POS_EXAMPLE.cardNo,
  })
  cardNo: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Masked: first character only.', example: '张*' })
  name: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Masked.', example: '+86138****8000' })
  phone: string | null;
  @ApiProperty({ type: () => TierSummaryResponse })
  tier: TierSummaryResponse;
  @ApiProperty({ type: () => PointsSummaryResponse })
  points: PointsSummaryResponse;
  @ApiProperty({ type: [String], description: 'Codes of the clubs the member is in.', example: ['BABY'] })
  clubs: string[];
}

export class BreakdownRowResponse {
  @ApiProperty({ description: 'base, tier, or campaign.', example: 'base' })
  rule: string;
  @ApiProperty({ ...POINTS, example: 25 })
  points: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Campaign rows only: the campaign whose bonus rule gave these points.' })
  campaignId?: string;
  @ApiPropertyOptional({ description: 'Campaign rows only: the campaign name.', example: 'Double points weekend' })
  name?: string;
}

export class TierChangeResponse {
  @ApiProperty({ description: 'The tier after this purchase.', example: 'STANDARD' })
  code: string;
  @ApiProperty({ description: 'True when this purchase crossed a tier threshold.', example: false })
  changed: boolean;
  @ApiProperty({ type: 'string', nullable: true, description: 'The tier before, when changed.', example: null })
  previous: string | null;
}

export class PurchaseResponse {
  @ApiProperty({ ...UUID, example: POS_EXAMPLE.transactionId })
  transactionId: string;
  @ApiProperty({ example: 'R-0001' })
  receiptNo: string;
  @ApiProperty({ ...UUID, example: POS_EXAMPLE.memberId })
  memberId: string;
  @ApiProperty({ ...COUNT_OF_POINTS, example: 25 })
  pointsEarned: number;
  @ApiProperty({ type: () => [BreakdownRowResponse], description: 'How pointsEarned was made up: base, tier bonus, campaign bonuses.' })
  breakdown: BreakdownRowResponse[];
  @ApiProperty({ type: () => PointsSummaryResponse, description: "The member's points after this purchase." })
  points: PointsSummaryResponse;
  @ApiProperty({ type: () => TierChangeResponse })
  tier: TierChangeResponse;
}

export class RefundResponse {
  @ApiProperty({ ...UUID, example: POS_EXAMPLE.refundId })
  refundId: string;
  @ApiProperty({ example: 'F-0001' })
  refundNo: string;
  @ApiProperty({ example: 'R-0001' })
  receiptNo: string;
  @ApiProperty({ ...UUID, example: POS_EXAMPLE.memberId })
  memberId: string;
  @ApiProperty({ ...CENTS, description: 'Sum of the refunded lines, in cents.', example: 1295 })
  refundedCents: number;
  @ApiProperty({ ...COUNT_OF_POINTS, description: 'Points taken back for this refund.', example: 12 })
  pointsReversed: number;
  @ApiProperty({ type: () => PointsSummaryResponse })
  points: PointsSummaryResponse;
}

export class RedemptionResponse {
  @ApiProperty({ ...UUID, example: POS_EXAMPLE.redemptionId })
  redemptionId: string;
  @ApiProperty({ example: 'D-0001' })
  redemptionNo: string;
  @ApiProperty({ ...UUID, example: POS_EXAMPLE.memberId })
  memberId: string;
  @ApiProperty({ ...COUNT_OF_POINTS, example: 500 })
  pointsRedeemed: number;
  @ApiProperty({ ...CENTS, description: 'The discount the till gives, in cents.', example: 500 })
  discountCents: number;
  @ApiProperty({ type: () => PointsSummaryResponse })
  points: PointsSummaryResponse;
}

export class RedemptionCancelResponse {
  @ApiProperty({ example: 'D-0001' })
  redemptionNo: string;
  @ApiProperty({ ...COUNT_OF_POINTS, example: 500 })
  pointsReturned: number;
  @ApiProperty({ type: () => PointsSummaryResponse })
  points: PointsSummaryResponse;
}

export class CounterCardResponse {
  @ApiProperty({
    type: 'string',
    pattern: '^\\d{16}$',
    description: '16 digits, the last a Luhn check digit.',
    example: '8257674948175950',
  })
  cardNo: string;
  @ApiProperty({ ...UUID, example: '01a212aa-8c49-726e-8084-7fe8a529b74f' })
  memberId: string;
}

export class BatchItemSuccessResponse {
  @ApiProperty({ type: 'string', example: 'R-0001' })
  receiptNo: string | null;
  @ApiProperty({
    type: 'integer',
    enum: [200, 201],
    description: '201 posted now, 200 replay of an earlier identical receipt.',
    example: 201,
  })
  status: number;
  @ApiProperty({ type: () => PurchaseResponse })
  body: PurchaseResponse;
}

export class BatchItemErrorResponse {
  @ApiProperty({ type: 'string', nullable: true, description: 'null when the item had no readable receiptNo.', example: 'R-0002' })
  receiptNo: string | null;
  @ApiProperty({
    type: 'integer',
    minimum: 400,
    maximum: 599,
    description: 'The status this receipt would have got if posted alone.',
    example: 422,
  })
  status: number;
  @ApiProperty({ type: () => ErrorResponse })
  error: ErrorResponse;
}

/** One result per submitted receipt, in request order. */
export type BatchItemResponse = BatchItemSuccessResponse | BatchItemErrorResponse;

export class BatchResponse {
  @ApiProperty({
    type: 'array',
    description: 'One result per receipt, in request order.',
    items: { oneOf: [{ $ref: getSchemaPath(BatchItemSuccessResponse) }, { $ref: getSchemaPath(BatchItemErrorResponse) }] },
  })
  results: BatchItemResponse[];
}
