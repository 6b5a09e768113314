import { EntityManager } from 'typeorm';
import { MonthlySums } from './rules/monthly-stats';

/**
 * What the purchase path asks of tiers (provided by the tiers module through
 * TierPortsModule, so points never imports tiers): the tier a member earns in,
 * and the move up a purchase can make. The calls taking a manager run inside
 * the purchase batch's transaction.
 */
export const PURCHASE_TIER_PROMOTION = Symbol('PURCHASE_TIER_PROMOTION');

export interface PurchaseTierPromotion {
  /** The ladder for one batch, read before its transaction (cached for a few seconds by tiers). */
  ladder(): Promise<PurchaseLadder>;
}

/** A tier as earning needs it. */
export interface EarningTier {
  code: string;
  earnMultiplierPermille: number;
}

/** A tier move a purchase made. */
export interface PurchaseTierMove {
  memberId: string;
  from: string;
  to: string;
  purchaseId: string;
}

export interface PurchaseLadder {
  /** The tier a member earns in: theirs, or the lowest tier when their code is not in the ladder. */
  tierOf(code: string): EarningTier;
  /**
   * Starts the batch's promotions: reads, through `sums` (the months from the qualifying window's first on), the
   * figures of the members who can still move up. One read for the batch, none when nobody can.
   */
  start(
    members: Array<{ memberId: string; tierCode: string }>,
    now: Date,
    windowMonths: number,
    sums: (memberIds: string[], fromMonth: string) => Promise<Map<string, MonthlySums>>,
  ): Promise<PurchasePromotions>;
}

export interface PurchasePromotions {
  /** Counts one purchase of the member (in the batch's order): the tier it moves them up to, or null. */
  afterPurchase(memberId: string, tierCode: string, purchase: { occurredAt: Date; spendCents: number; points: number }): string | null;
  /** Writes the moves (each member's tier, its review date, its history), in order. */
  record(m: EntityManager, moves: PurchaseTierMove[], at: Date, reviewMonths: number): Promise<void>;
}
