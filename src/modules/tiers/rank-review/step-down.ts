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

export type FallenHolderOutcome =
  /** An open manual grant of this tier (or a higher one) holds the member in it until the grant ends. */
  | { action: 'kept_by_grant' }
  /** Steps down to the highest threshold tier below that they qualify for, never below an open grant's tier. */
  | { action: 'down'; to: string };

/**
 * A holder of a rank tier whom the rank review did not pick. A manual grant
 * is honoured until its end date (then the tier review's grant pass reverts
 * it, reason grant_expiry); without one the member steps down, but not below
 * a lower tier still granted to them.
 */
export function fallenHolderOutcome<T extends TierRule>(
  tiers: readonly T[],
  from: T,
  stats: QualifyingStats,
  grantFloorCode: string | null,
): FallenHolderOutcome {
  const floor = grantFloorCode === null ? undefined : tiers.find((t) => t.code === grantFloorCode);
  if (floor && floor.rank >= from.rank) {
    return { action: 'kept_by_grant' };
  }
  const target = stepDownTarget(tiers, from, stats);
  return { action: 'down', to: floor && floor.rank > target.rank ? floor.code : target.code };
}
