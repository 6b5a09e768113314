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
 * on their own merit: the rank review gives the members it picks the next
 * rank review as their review date, so a review date still ahead (after
 * asOf) means they hold the tier by rank until then, and the grant just
 * closes. A member the grant alone kept there has an older review date (the
 * grant's end, or the review that did not pick them) and falls back.
 */
export function grantExpiryOutcome<T extends TierRule>(
  tiers: T[],
  grantedCode: string,
  currentCode: string,
  stats: QualifyingStats,
  placement: { reviewAt: Date | null; asOf: Date } | null = null,
): GrantExpiryOutcome {
  if (currentCode !== grantedCode) {
    return { action: 'close' };
  }
  const granted = tiers.find((t) => t.code === grantedCode);
  if (granted?.kind === 'rank' && placement?.reviewAt && placement.reviewAt.getTime() > placement.asOf.getTime()) {
    return { action: 'close' };
  }
  return { action: 'revert', to: qualifiedThresholdTier(tiers, stats).code };
}
