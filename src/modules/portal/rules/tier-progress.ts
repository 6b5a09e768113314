/** What a member needs for the next tier and to keep the current one. Pure. */
import { CriterionGapName } from '../../tiers/criteria/tier-criteria.registry';
import { criteriaGaps } from '../../tiers/criteria/tier-criteria';
import { CriterionGap as KindGap } from '../../tiers/criteria/tier-criterion';
import { QualifyingStats, qualifies, TierRule } from '../../tiers/rules/tier-qualification';

export type CriterionGap = KindGap<CriterionGapName>;

export interface TierGoal {
  code: string;
  /** any: one criterion is enough; all: every one. */
  qualifyMode: 'any' | 'all';
  criteria: CriterionGap[];
  met: boolean;
}

/** Each criterion's gap comes from its kind in the tiers' criteria registry. */
export function gapsFor(tier: TierRule, stats: QualifyingStats): TierGoal {
  return { code: tier.code, qualifyMode: tier.qualifyMode, criteria: criteriaGaps(tier, stats), met: qualifies(tier, stats) };
}

/** The next threshold tier above the current one (rank tiers are given by the rank review, not earned), or null at the top. */
export function nextThresholdTier<T extends TierRule>(tiers: T[], currentCode: string): T | null {
  const current = tiers.find((t) => t.code === currentCode);
  const rank = current?.rank ?? -1;
  return [...tiers].sort((a, b) => a.rank - b.rank).find((t) => t.rank > rank && t.kind === 'threshold') ?? null;
}

/**
 * The rank tier (won by place, Suning's SVIP) the member's tier page speaks of: the one held, else the lowest rank
 * tier above the current one when no threshold tier is left to earn below it (then it is the next step, not "the top").
 */
export function rankStep<T extends TierRule>(tiers: T[], currentCode: string): { tier: T; held: boolean } | null {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  const current = ladder.find((t) => t.code === currentCode);
  if (current?.kind === 'rank') {
    return { tier: current, held: true };
  }
  const above = ladder.filter((t) => t.rank > (current?.rank ?? -1));
  const firstRank = above.find((t) => t.kind === 'rank');
  if (!firstRank || above.some((t) => t.kind === 'threshold' && t.rank < firstRank.rank)) {
    return null;
  }
  return { tier: firstRank, held: false };
}

/** The goal that keeps the current tier at its review: its own criteria; null for the lowest tier (never reviewed) and rank tiers. */
export function keepGoal<T extends TierRule>(tiers: T[], currentCode: string, stats: QualifyingStats): TierGoal | null {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  const index = ladder.findIndex((t) => t.code === currentCode);
  if (index <= 0 || ladder[index].kind !== 'threshold') {
    return null;
  }
  return gapsFor(ladder[index], stats);
}
