import { EntityManager } from 'typeorm';

/**
 * What the purchase path asks of coupons (provided by the rewards module
 * through CouponPortsModule, so points never imports rewards). Every call runs
 * inside the transaction of the purchase or refund, so a coupon is used if and
 * only if its sale commits.
 */
export const PURCHASE_COUPONS = Symbol('PURCHASE_COUPONS');

export interface PurchaseCouponsSale {
  purchaseId: string;
  storeId: string;
  receiptNo: string;
  memberId: string;
  occurredAt: Date;
  totalCents: number;
  now: Date;
  /**
   * An offline receipt (transactions/batch): the till gave the discount already, so a coupon that cannot be used
   * does not refuse the sale; it answers `rejected` with its reason and is kept as a conflict for review.
   */
  offline: boolean;
}

export type PurchaseCouponAnswer =
  { code: string; status: 'redeemed'; discountCents: number | null } | { code: string; status: 'rejected'; reason: string };

export interface PurchaseCoupons {
  /**
   * Redeems the coupons named on a purchase, all or none: each is locked, checked for this member, store, time and
   * total, and taken by a guarded UPDATE. Online, the first that cannot be used throws its DomainError
   * (COUPON_NOT_FOUND, COUPON_ALREADY_REDEEMED, COUPON_NOT_VALID) before anything is written.
   */
  redeem(m: EntityManager, codes: string[], sale: PurchaseCouponsSale): Promise<PurchaseCouponAnswer[]>;
  /** A receipt was refunded in full: its coupons become active again if still valid (once: keyed on the use). */
  purchaseRefunded(m: EntityManager, purchaseId: string, now: Date): Promise<void>;
}
