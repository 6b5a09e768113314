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

/** How a rank tier states its size: exactly one of the two is set (the ladder validation sees to it). */
export interface RankSize {
  rankTopN: number | null;
  /** The top share in thousandths of the membership: 10 = the top 1%. */
  rankTopPermille: number | null;
}

/**
 * The seats of a rank tier: rankTopN, or ceil(rankTopPermille / 1000 ×
 * population) where the population is every member of the programme (merged
 * members aside), not only those who meet the tier's minimum. The seats are a
 * share of the membership, so a stricter minimum leaves seats empty rather
 * than shrinking the tier silently; the seats are then filled like a top N
 * (same order, same ties). Integer arithmetic, no floats.
 */
export function rankSeats(size: RankSize, population: number): number {
  if (size.rankTopN !== null) {
    return Math.max(0, size.rankTopN);
  }
  if (size.rankTopPermille !== null && population > 0 && size.rankTopPermille > 0) {
    return Math.floor((size.rankTopPermille * population + 999) / 1000);
  }
  return 0;
}
