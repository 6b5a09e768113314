import { EntityManager } from 'typeorm';

/**
 * What members ask of tiers (provided by the tiers module through
 * TierPortsModule, so members never import tiers): the tier a new member
 * starts in, the tiers' names for listings, and the first tier history
 * rows of new members (tier_history is the tiers module's table).
 */
export const MEMBER_TIERS = Symbol('MEMBER_TIERS');

export interface MemberTiers {
  /** The lowest tier, where every new member starts. */
  entryTier(): Promise<{ code: string }>;
  /** Every tier, by rank. */
  list(): Promise<Array<{ code: string; name: string }>>;
  /** New members' first history rows (from nothing to `tierCode`), in the enrolment's transaction. */
  recordEnrolments(m: EntityManager, memberIds: string[], tierCode: string, at: Date): Promise<void>;
}
