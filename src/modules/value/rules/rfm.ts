/** RFM scores 1–5 by quintile: pure functions, no I/O. */

/**
 * The quintile of a value from the share of the n values that are at or
 * below it (its cumulative distribution, SQL CUME_DIST): ceil(5 × atOrBelow / n).
 * Tied values score alike, and the best value always scores 5.
 */
export function quintile(atOrBelow: number, n: number): number {
  if (n <= 0 || atOrBelow < 1 || atOrBelow > n) {
    throw new Error(`${atOrBelow} of ${n}`);
  }
  return Math.ceil((5 * atOrBelow) / n);
}

/**
 * Quintile scores of values where higher is better (frequency, monetary), in
 * input order. No activity (a value of 0 or less) always scores 1.
 */
export function quintilesOf(values: readonly number[]): number[] {
  return values.map((v) => (v <= 0 ? 1 : quintile(values.filter((x) => x <= v).length, values.length)));
}

/** Whole days from the last purchase to asOf (UTC calendar days); null when the member never bought. */
export function recencyDays(lastPurchaseAt: Date | null, asOf: Date): number | null {
  if (lastPurchaseAt === null) {
    return null;
  }
  const day = (d: Date) => Math.floor(d.getTime() / 86_400_000);
  return day(asOf) - day(lastPurchaseAt);
}

/**
 * Recency scores in input order: fewer days since the last purchase is
 * better. Members who never bought count as the worst and always score 1.
 */
export function recencyScores(days: ReadonlyArray<number | null>): number[] {
  const isAtOrBelow = (x: number | null, d: number) => x === null || x >= d;
  return days.map((d) => (d === null ? 1 : quintile(days.filter((x) => isAtOrBelow(x, d)).length, days.length)));
}

/**
 * Where quintiles 2–5 start among n values sorted ascending (1-based
 * positions): quintile(c, n) ≥ k exactly when c ≥ the k-th start, i.e. when
 * 5c > (k − 1)n. So with b_k the value at that position, a value v present
 * among them scores 1 + the number of b_k at or below v, which is what
 * quintilesOf() gives (the values at or below v are a prefix of the sorted
 * values; ties share a score). The value run reads the b_k by position
 * instead of ranking every member.
 */
export function quintileStarts(n: number): number[] {
  if (n <= 0) {
    return [];
  }
  return [2, 3, 4, 5].map((k) => Math.floor(((k - 1) * n) / 5) + 1);
}

/** The quintile of v from the values at the quintile starts (sorted ascending, see quintileStarts). */
export function quintileFromStarts(v: number, startValues: readonly number[]): number {
  return 1 + startValues.filter((b) => v >= b).length;
}
