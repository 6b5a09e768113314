/** How a tier_history row moved a member: new (enrolment, no previous tier), up, down or same (a requalification). */
export type TierDirection = 'new' | 'up' | 'down' | 'same';

/** Compares the tiers' ranks (rank 0 is the entry tier); a tier no longer on the ladder ranks below every tier. */
export function tierDirection(fromTier: string | null, toTier: string, rankOf: ReadonlyMap<string, number>): TierDirection {
  if (fromTier === null) {
    return 'new';
  }
  const from = rankOf.get(fromTier) ?? -1;
  const to = rankOf.get(toTier) ?? -1;
  return to > from ? 'up' : to < from ? 'down' : 'same';
}
