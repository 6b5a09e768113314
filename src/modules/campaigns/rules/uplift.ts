/** Uplift of the targeted members over the holdout, with a normal-approximation 95% confidence interval. */

const Z95 = 1.959964;

export interface Interval {
  difference: number;
  low: number;
  high: number;
}

/** Difference of two proportions (targeted minus holdout): p1 − p2 ± z·√(p1(1−p1)/n1 + p2(1−p2)/n2). Null when a group is empty. */
export function proportionUplift(successes1: number, n1: number, successes2: number, n2: number): Interval | null {
  if (n1 <= 0 || n2 <= 0) {
    return null;
  }
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return interval(p1 - p2, se);
}

export interface Moments {
  n: number;
  sum: number;
  sumOfSquares: number;
}

/** Difference of two means (per member) from their sums: x̄1 − x̄2 ± z·√(s1²/n1 + s2²/n2), sample variances. Null when a group has fewer than 2. */
export function meanUplift(a: Moments, b: Moments): Interval | null {
  if (a.n < 2 || b.n < 2) {
    return null;
  }
  const mean = (m: Moments) => m.sum / m.n;
  const variance = (m: Moments) => Math.max((m.sumOfSquares - (m.sum * m.sum) / m.n) / (m.n - 1), 0);
  const se = Math.sqrt(variance(a) / a.n + variance(b) / b.n);
  return interval(mean(a) - mean(b), se);
}

function interval(difference: number, se: number): Interval {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { difference: round(difference), low: round(difference - Z95 * se), high: round(difference + Z95 * se) };
}
