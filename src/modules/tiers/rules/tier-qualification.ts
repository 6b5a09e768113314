/** Tier qualification: pure functions over the configured tiers. */
import { monthKey } from '../../points/rules/monthly-stats';
import { QualifyingStats } from '../../points/rules/qualifying-sums';
import { meetsCriteria, TierCriteriaFields } from '../criteria/tier-criteria';

export type { QualifyingStats } from '../../points/rules/qualifying-sums';

/** What qualification reads of a tier: its place, kind, criteria thresholds (by field) and how they combine. */
export type TierRule = {
  code: string;
  rank: number;
  kind: 'threshold' | 'rank';
} & TierCriteriaFields;

/** Whether the window sums meet the tier's criteria (the registry's kinds, combined by qualifyMode). */
export function qualifies(tier: TierRule, stats: QualifyingStats): boolean {
  return meetsCriteria(tier, stats);
}

/**
 * The highest threshold tier above the current one that the stats qualify
 * for, or null. Upgrades only: downgrades wait for the review date. Rank-based
 * tiers are given at reviews, never by a purchase.
 */
export function upgradeOnPurchase<T extends TierRule>(tiers: T[], currentCode: string, stats: QualifyingStats): T | null {
  const current = tiers.find((t) => t.code === currentCode);
  const currentRank = current?.rank ?? -1;
  let best: T | null = null;
  for (const tier of tiers) {
    if (tier.kind !== 'threshold' || tier.rank <= currentRank) {
      continue;
    }
    if (qualifies(tier, stats) && (best === null || tier.rank > best.rank)) {
      best = tier;
    }
  }
  return best;
}

/** True when some threshold tier above the current one exists, i.e. stats are worth computing. */
export function canUpgrade(tiers: TierRule[], currentCode: string): boolean {
  const currentRank = tiers.find((t) => t.code === currentCode)?.rank ?? -1;
  return tiers.some((t) => t.kind === 'threshold' && t.rank > currentRank);
}

export { qualifyingWindowStart } from '../../points/rules/monthly-stats';

/** The stats over the window with the purchase in hand added, when the purchase falls in the window. */
export function withPurchaseInHand(
  stats: QualifyingStats,
  purchase: { occurredAt: Date; spendCents: number; points: number },
  windowStart: string,
): QualifyingStats {
  if (monthKey(purchase.occurredAt) < windowStart) {
    return stats;
  }
  return {
    spendCents: stats.spendCents + purchase.spendCents,
    points: stats.points + purchase.points,
    purchases: stats.purchases + 1,
  };
}

/**
 * The highest threshold tier the stats qualify for. The lowest tier has no
 * criteria and holds everyone else. Rank tiers are placed by the rank review
 * only, so they are never the answer here.
 */
export function qualifiedThresholdTier<T extends TierRule>(tiers: T[], stats: QualifyingStats): T {
  const byRank = [...tiers].sort((a, b) => a.rank - b.rank);
  let best = byRank[0];
  for (const tier of byRank.slice(1)) {
    if (tier.kind === 'threshold' && qualifies(tier, stats)) {
      best = tier;
    }
  }
  return best;
}
