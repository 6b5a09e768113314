/** Response shapes of the POS contract (POS-API.md), for the OpenAPI document. */

export class PointsSummaryResponse {
  balance: number;
  /** Spendable now: balance minus pending. */
  available: number;
  /** Earned but still in the return window. */
  pending: number;
}

export class TierSummaryResponse {
  code: string;
  name: string;
  /** Serve this member first (SVIP). */
  priorityService: boolean;
}

export class LookupResponse {
  memberId: string;
  /** The card used, or the member's newest active card. */
  cardNo: string | null;
  /** Masked: first character only. */
  name: string | null;
  /** Masked: +86138****8000. */
  phone: string | null;
  tier: TierSummaryResponse;
  points: PointsSummaryResponse;
  /** Codes of the clubs the member is in, e.g. BABY. */
  clubs: string[];
}

export class BreakdownRowResponse {
  /** base, tier, or a campaign rule. */
  rule: string;
  points: number;
}

export class TierChangeResponse {
  code: string;
  changed: boolean;
  previous: string | null;
}

export class PurchaseResponse {
  transactionId: string;
  receiptNo: string;
  memberId: string;
  pointsEarned: number;
  breakdown: BreakdownRowResponse[];
  points: PointsSummaryResponse;
  tier: TierChangeResponse;
}

export class RefundResponse {
  refundId: string;
  refundNo: string;
  receiptNo: string;
  memberId: string;
  refundedCents: number;
  pointsReversed: number;
  points: PointsSummaryResponse;
}

export class RedemptionResponse {
  redemptionId: string;
  redemptionNo: string;
  memberId: string;
  pointsRedeemed: number;
  discountCents: number;
  points: PointsSummaryResponse;
}

export class RedemptionCancelResponse {
  redemptionNo: string;
  pointsReturned: number;
  points: PointsSummaryResponse;
}

export class CounterCardResponse {
  cardNo: string;
  memberId: string;
}

export class ErrorDetailResponse {
  field: string;
  message: string;
}

export class ErrorResponse {
  statusCode: number;
  /** Stable machine-readable code, e.g. INSUFFICIENT_POINTS. */
  code: string;
  /** A sentence a cashier can read. */
  message: string;
  details: ErrorDetailResponse[];
}

export class BatchItemResponse {
  receiptNo: string | null;
  /** 201 posted, 200 replayed, 4xx refused. */
  status: number;
  body?: PurchaseResponse;
  error?: ErrorResponse;
}

export class BatchResponse {
  results: BatchItemResponse[];
}
