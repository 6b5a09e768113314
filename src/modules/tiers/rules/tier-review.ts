/** The review of one member whose review date has come. Pure. */
import { addMonths } from '../../../common/time';
import { QualifyingStats, qualifiedThresholdTier, TierRule } from './tier-qualification';

export type ReviewOutcome =
  /** Still qualifies for the tier (or better): keeps it, with a new review date. */
  | { action: 'requalify' }
  /** An open manual grant holds the member at the tier: kept, no change. */
  | { action: 'kept_by_grant' }
  /** Moves down exactly one level (or less, to what they qualify for or to the grant's floor). */
  | { action: 'down'; to: string }
  /** Not the review's to decide: the lowest tier, a rank tier (the rank review places those), or a tier no longer in the ladder. */
  | { action: 'skip' };

/**
 * Requalify or move down one level at a time: the target is the highest
 * threshold tier the member qualifies for, but never more than one level
 * below the current tier, and never below an open grant's tier. Upgrades are
 * the purchase path's; the review never moves anybody up.
 */
export function reviewMember<T extends TierRule>(
  tiers: T[],
  currentCode: string,
  stats: QualifyingStats,
  grantFloorCode: string | null,
): ReviewOutcome {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  const index = ladder.findIndex((t) => t.code === currentCode);
  if (index <= 0 || ladder[index].kind !== 'threshold') {
    return { action: 'skip' };
  }
  const qualified = qualifiedThresholdTier(ladder, stats);
  if (qualified.rank >= ladder[index].rank) {
    return { action: 'requalify' };
  }
  const floor = grantFloorCode === null ? undefined : ladder.find((t) => t.code === grantFloorCode);
  if (floor && floor.rank >= ladder[index].rank) {
    return { action: 'kept_by_grant' };
  }
  // One level down is the next threshold tier below (rank tiers in between are skipped: the rank review fills them).
  const oneDown =
    ladder
      .slice(0, index)
      .reverse()
      .find((t) => t.kind === 'threshold') ?? ladder[0];
  let target = qualified.rank > oneDown.rank ? qualified : oneDown;
  if (floor && floor.rank > target.rank) {
    target = floor;
  }
  return { action: 'down', to: target.code };
}

/** The review date of a tier reached or requalified at `at`; null for the lowest tier, which is never reviewed. */
export function nextReviewAt(at: Date, reviewMonths: number, tierRank: number): Date | null {
  return tierRank > 0 ? addMonths(at, reviewMonths) : null;
}
