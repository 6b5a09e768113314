/** Campaign bonus earning rules: pure, applied after the base and tier rows. */

import { EarningLine } from './earning';

export type CampaignBonusRule =
  /** Extra points on base: floor(base × (multiplier − 1)); 2000 doubles the base. */
  | { kind: 'base_multiplier'; multiplierPermille: number }
  /** Extra points on the base of one category's eligible lines: floor(floor(categoryCents / centsPerPoint) × (multiplier − 1)). */
  | { kind: 'category_multiplier'; category: string; multiplierPermille: number }
  /** A fixed bonus when the eligible spend reaches a minimum. */
  | { kind: 'fixed_bonus'; minSpendCents: number; points: number };

/** A live campaign's rule as the purchase path sees it. */
export interface ActiveCampaignBonus {
  campaignId: string;
  name: string;
  rule: CampaignBonusRule;
  /** The window, on the purchase's occurredAt: startsAt inclusive, endsAt exclusive. */
  startsAt: Date;
  endsAt: Date;
}

export interface CampaignBreakdownRow {
  rule: 'campaign';
  campaignId: string;
  name: string;
  points: number;
}

export function inWindow(bonus: Pick<ActiveCampaignBonus, 'startsAt' | 'endsAt'>, occurredAt: Date): boolean {
  return bonus.startsAt <= occurredAt && occurredAt < bonus.endsAt;
}

/** The bonus points of one rule for one purchase. */
export function campaignBonusPoints(
  rule: CampaignBonusRule,
  purchase: { lines: EarningLine[]; lineEligible: boolean[]; basePoints: number; eligibleCents: number },
  centsPerPoint: number,
): number {
  const extra = (base: number, permille: number) => Number((BigInt(base) * BigInt(Math.max(permille - 1000, 0))) / 1000n);
  switch (rule.kind) {
    case 'base_multiplier':
      return extra(purchase.basePoints, rule.multiplierPermille);
    case 'category_multiplier': {
      const category = rule.category.toLowerCase();
      const cents = purchase.lines.reduce(
        (sum, l, i) => (purchase.lineEligible[i] && l.category.toLowerCase() === category ? sum + l.amountCents : sum),
        0,
      );
      return extra(Math.floor(cents / centsPerPoint), rule.multiplierPermille);
    }
    case 'fixed_bonus':
      return purchase.eligibleCents >= rule.minSpendCents ? rule.points : 0;
    default: {
      const unknownRule: never = rule;
      throw new Error(`Unknown campaign bonus rule ${JSON.stringify(unknownRule)}`);
    }
  }
}
