/**
 * The store archive's figures, pure: complaints per 1,000 receipts and the
 * median of a list of durations.
 */

/** Complaints per 1,000 receipts, to two decimals; null when there were no receipts (no rate to give). */
export function perThousandReceipts(complaints: number, receipts: number): number | null {
  if (receipts <= 0) {
    return null;
  }
  return Math.round((complaints * 1000 * 100) / receipts) / 100;
}

/** The median (the mean of the middle two of an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
