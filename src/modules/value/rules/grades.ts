/** Value grades A/B/C by cumulative share of value: pure functions, no I/O. */

export type ValueGrade = 'A' | 'B' | 'C';

/** Cumulative shares in percent: A brings the first 80% of value, B the next 15% (up to 95%), C the tail. */
export const GRADE_SHARES = { a: 80, b: 95 } as const;

/** The lowest score of grade A and of grade B; null when nobody has any value. */
export interface GradeCutoffs {
  a: number | null;
  b: number | null;
}

/**
 * Members sorted by score (descending) are taken until their cumulative score
 * reaches the share; the score of the member that reaches it is the cut-off.
 * Ties at a cut-off stay together: every member with a score at or above it
 * gets the grade, so a grade may hold slightly more than its share.
 */
export function gradeCutoffs(scores: readonly number[], shares: { a: number; b: number } = GRADE_SHARES): GradeCutoffs {
  const sorted = [...scores].sort((x, y) => y - x);
  const total = sorted.reduce((s, v) => s + Math.max(0, v), 0);
  if (total <= 0) {
    return { a: null, b: null };
  }
  let cumulative = 0;
  let a: number | null = null;
  let b: number | null = null;
  for (const score of sorted) {
    cumulative += Math.max(0, score);
    if (a === null && cumulative * 100 >= total * shares.a) {
      a = score;
    }
    if (b === null && cumulative * 100 >= total * shares.b) {
      b = score;
      break;
    }
  }
  return { a, b };
}

/** A member with no value (score 0) is always C. */
export function gradeOf(score: number, cutoffs: GradeCutoffs): ValueGrade {
  if (score > 0 && cutoffs.a !== null && score >= cutoffs.a) {
    return 'A';
  }
  if (score > 0 && cutoffs.b !== null && score >= cutoffs.b) {
    return 'B';
  }
  return 'C';
}
