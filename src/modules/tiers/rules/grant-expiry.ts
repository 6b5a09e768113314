/** What happens when a manual grant's end date has passed. Pure. */
import { QualifyingStats, qualifiedThresholdTier, TierRule } from './tier-qualification';

export type GrantExpiryOutcome =
  /** The member is not in the granted tier any more (a purchase moved them up since): the grant just closes. */
  | { action: 'close' }
  /** The member falls back to the tier they qualify for now (reason grant_expiry); `to` may equal the current tier. */
  | { action: 'revert'; to: string };

/**
 * A grant is a floor only until it ends. At its end the member gets the
 * highest threshold tier they qualify for, which may be several levels below
 * the granted one: the grant never was earned, so there is nothing to step
 * down from gradually.
 *
 * A rank tier is the exception when the last rank review picked the member
 * for it on their own merit (rank_review_picks of the last completed rank
 * review): they hold the tier by rank until the next one, and the grant just
 * closes. A member the last rank review did not pick (the grant alone kept
 * them there, or no rank review has run) falls back. The review date is no
 * guide: a rank review run by hand mid-month that does not pick a member
 * leaves the date an earlier review gave them.
 */
export function grantExpiryOutcome<T extends TierRule>(
  tiers: T[],
  grantedCode: string,
  currentCode: string,
  stats: QualifyingStats,
  pickedByLastRankReview = false,
): GrantExpiryOutcome {
  if (currentCode !== grantedCode) {
    return { action: 'close' };
  }
  const granted = tiers.find((t) => t.code === grantedCode);
  if (granted?.kind === 'rank' && pickedByLastRankReview) {
    return { action: 'close' };
  }
  return { action: 'revert', to: qualifiedThresholdTier(tiers, stats).code };
}
