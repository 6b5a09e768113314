import type { MemberRef } from '../members/members.service';
import { BreakdownRow } from './rules/earning';
import type { PurchaseCouponAnswer } from './purchase-coupons.port';

export interface PointsSummary {
  balance: number;
  available: number;
  pending: number;
}

export function pointsSummary(balance: number, pending: number): PointsSummary {
  return { balance, available: balance - pending, pending };
}

/** A posting's answer: 201 the first time, 200 with the same body on a replay. */
export interface PostingResult<T> {
  status: 200 | 201;
  body: T;
}

export interface PurchaseLineInput {
  sku: string;
  category: string;
  quantityMilli: number;
  amountCents: number;
}

export interface PurchaseCommand {
  storeId: string;
  receiptNo: string;
  member: MemberRef;
  occurredAt: Date;
  lines: PurchaseLineInput[];
  totalCents: number;
  requestHash: string;
  /** (1.2) Codes of the coupons the till applied, redeemed with the purchase. */
  coupons?: string[];
  /** An offline upload (transactions/batch): a coupon that cannot be used is rejected, not the sale. */
  offline?: boolean;
}

export interface PurchaseResult {
  transactionId: string;
  receiptNo: string;
  memberId: string;
  pointsEarned: number;
  breakdown: BreakdownRow[];
  points: PointsSummary;
  tier: { code: string; changed: boolean; previous: string | null };
  /** (1.2) Only when the purchase named coupons: each one's outcome. */
  coupons?: PurchaseCouponAnswer[];
}

export interface RefundCommand {
  storeId: string;
  refundNo: string;
  receiptNo: string;
  lines: Array<{ sku: string; quantityMilli: number; amountCents: number }>;
  requestHash: string;
}

export interface RefundResult {
  refundId: string;
  refundNo: string;
  receiptNo: string;
  memberId: string;
  refundedCents: number;
  pointsReversed: number;
  points: PointsSummary;
}

export interface RedemptionCommand {
  storeId: string;
  redemptionNo: string;
  member: MemberRef;
  points: number;
  requestHash: string;
}

export interface RedemptionResult {
  redemptionId: string;
  redemptionNo: string;
  memberId: string;
  pointsRedeemed: number;
  discountCents: number;
  points: PointsSummary;
}

export interface RedemptionCancelResult {
  redemptionNo: string;
  pointsReturned: number;
  points: PointsSummary;
}
