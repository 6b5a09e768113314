/** The order of a proposed ladder against the saved one: what no edit of criteria can make right. Pure. */
import { LadderProblem, LadderTier } from './ladder';

/**
 * Orders a ladder cannot take (422 LADDER_ORDER_INVALID):
 *
 * - The saved entry tier, when the proposal keeps it, stays first: every
 *   member starts there and its holders carry no review date, so moved up it
 *   would hold members no review ever looks at again, and the tier put first
 *   would hold members who reached it with review dates it never renews.
 * - Rank tiers sit above every threshold tier: the rank review fills the top
 *   of the ladder by value, the criteria place members below it.
 *
 * The rest of a ladder's rules (climbable criteria, multipliers that never
 * fall) are rules/ladder.ts: a reordered ladder meets them or is refused with
 * LADDER_INVALID, naming the criteria to change.
 */
export function orderProblems(savedCodes: readonly string[], proposed: readonly LadderTier[]): LadderProblem[] {
  const problems: LadderProblem[] = [];
  const entry = savedCodes[0];
  const entryAt = entry === undefined ? -1 : proposed.findIndex((t) => t.code === entry);
  if (entryAt > 0) {
    problems.push({
      field: `tiers[${entryAt}]`,
      message: `${entry} is the entry tier every member starts in: it stays first (now at place ${entryAt + 1}; ${proposed[0].code} would take its place)`,
    });
  }
  const firstRank = proposed.findIndex((t) => t.kind === 'rank');
  if (firstRank >= 0) {
    proposed.forEach((tier, i) => {
      if (i > firstRank && tier.kind === 'threshold') {
        problems.push({
          field: `tiers[${i}].kind`,
          message: `threshold tier ${tier.code} sits above rank tier ${proposed[firstRank].code}; rank tiers must be the top of the ladder`,
        });
      }
    });
  }
  return problems;
}

/** The codes the proposal keeps from the saved ladder, in their new order, when that order differs from the saved one; else null. */
export function reorderOf(savedCodes: readonly string[], proposed: readonly LadderTier[]): { from: string[]; to: string[] } | null {
  const kept = proposed.map((t) => t.code).filter((code) => savedCodes.includes(code));
  const before = savedCodes.filter((code) => kept.includes(code));
  return kept.some((code, i) => code !== before[i]) ? { from: before, to: kept } : null;
}
