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
 * down from gradually. Rank tiers are left to the rank review.
 */
export function grantExpiryOutcome<T extends TierRule>(
  tiers: T[],
  grantedCode: string,
  currentCode: string,
  stats: QualifyingStats,
): GrantExpiryOutcome {
  if (currentCode !== grantedCode) {
    return { action: 'close' };
  }
  return { action: 'revert', to: qualifiedThresholdTier(tiers, stats).code };
}
