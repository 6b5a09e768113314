import type { PostedPurchase } from '../points/posting-events';

/**
 * What else happens after POS purchases are posted, off the till's path: the
 * messages worker's posting-events job calls it with the batch (the surveys
 * module provides it: post-purchase survey invitations). Safe to call twice
 * with the same purchases.
 */
export const PURCHASE_FOLLOW_UPS = Symbol('PURCHASE_FOLLOW_UPS');

export interface PurchaseFollowUps {
  /** Answers how many follow-ups (invitations) were made. */
  afterPurchases(purchases: PostedPurchase[]): Promise<number>;
}
