/** RFM scores 1–5 by quintile: pure functions, no I/O. */

/**
 * The quintile of a value given its rank among n values sorted from worst to
 * best, where tied values share the lowest rank of their group (SQL RANK()):
 * 1 + floor(5 × (rank − 1) / n). Ties always score alike; a big group of equal
 * values (e.g. everyone with no purchase) fills the low quintiles and the
 * scores above it start higher.
 */
export function quintile(rank: number, n: number): number {
  if (n <= 0 || rank < 1) {
    throw new Error(`rank ${rank} of ${n}`);
  }
  return 1 + Math.floor((5 * (rank - 1)) / n);
}

/** Quintile scores of values where higher is better (frequency, monetary), in input order. */
export function quintilesOf(values: readonly number[]): number[] {
  const sorted = [...values].sort((x, y) => x - y);
  const firstRank = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!firstRank.has(v)) {
      firstRank.set(v, i + 1);
    }
  });
  return values.map((v) => quintile(firstRank.get(v) as number, values.length));
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
 * better. Members who never bought rank lowest and always score 1.
 */
export function recencyScores(days: ReadonlyArray<number | null>): number[] {
  // Worse is lower: never bought < many days ago < few days ago.
  const badness = days.map((d) => (d === null ? Number.NEGATIVE_INFINITY : -d));
  const scores = quintilesOf(badness);
  return days.map((d, i) => (d === null ? 1 : scores[i]));
}
