/**
 * What members ask of tiers (provided by the tiers module through
 * TierPortsModule, so members never import tiers): the tier a new member
 * starts in, and the tiers' names for listings.
 */
export const MEMBER_TIERS = Symbol('MEMBER_TIERS');

export interface MemberTiers {
  /** The lowest tier, where every new member starts. */
  entryTier(): Promise<{ code: string }>;
  /** Every tier, by rank. */
  list(): Promise<Array<{ code: string; name: string }>>;
}
