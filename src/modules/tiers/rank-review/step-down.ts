import { QualifyingStats, qualifies, TierRule } from '../rules/tier-qualification';

/**
 * Where a member who falls out of a rank tier goes: the highest threshold
 * tier below it that the stats qualify for, else the entry tier (the lowest).
 */
export function stepDownTarget<T extends TierRule>(tiers: readonly T[], from: T, stats: QualifyingStats): T {
  const below = tiers.filter((t) => t.rank < from.rank).sort((x, y) => y.rank - x.rank);
  const qualified = below.find((t) => t.kind === 'threshold' && qualifies(t, stats));
  if (qualified) {
    return qualified;
  }
  const entry = [...tiers].sort((x, y) => x.rank - y.rank)[0];
  return entry ?? from;
}
