/** Rank-based tiers: who the top N are. Pure functions, no I/O. */

export interface RankCandidate {
  memberId: string;
  score: number;
  spendCents: number;
}

/**
 * The ranking order, used by the SQL too (rank review and value_rank): score
 * descending, then 12-month spend descending, then member id ascending. The
 * id makes it total, so the top N is always exactly N members (or all of them
 * when fewer are eligible) and the same N on every run.
 */
export const RANK_ORDER_SQL = 'score DESC, spend_12m DESC, member_id ASC';

export function compareRank(x: RankCandidate, y: RankCandidate): number {
  if (x.score !== y.score) {
    return y.score - x.score;
  }
  if (x.spendCents !== y.spendCents) {
    return y.spendCents - x.spendCents;
  }
  return x.memberId < y.memberId ? -1 : x.memberId > y.memberId ? 1 : 0;
}

/** The top n eligible candidates in ranking order. */
export function selectTopN<T extends RankCandidate>(candidates: readonly T[], n: number): T[] {
  if (n <= 0) {
    return [];
  }
  return [...candidates].sort(compareRank).slice(0, n);
}
