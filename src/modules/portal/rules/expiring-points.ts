/** Points expiring by calendar month (UTC), with their money value. Pure. */

export interface OpenLot {
  remaining: number;
  expiresAt: Date;
}

export interface ExpiringMonth {
  /** YYYY-MM */
  month: string;
  points: number;
  /** What the points are worth at the redemption rate, in cents (rounded down). */
  valueCents: number;
}

/** Cents that `points` are worth at `centsPer100Points` (100 points = ¥1 by default), rounded down like the POS. */
export function pointsValueCents(points: number, centsPer100Points: number): number {
  return Math.floor((points * centsPer100Points) / 100);
}

/**
 * The current month and the `months - 1` after it, each with the points of
 * the lots that expire in it. Lots already expired (not yet swept by the
 * expiry job) count in the current month: they go at the next run. Months
 * with nothing still appear, with 0, so a screen can draw a fixed strip.
 */
export function expiringByMonth(lots: OpenLot[], now: Date, months: number, centsPer100Points: number): ExpiringMonth[] {
  const keys: string[] = [];
  for (let i = 0; i < months; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    keys.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  const sums = new Map(keys.map((k) => [k, 0]));
  for (const lot of lots) {
    if (lot.remaining <= 0) {
      continue;
    }
    const at = lot.expiresAt < now ? now : lot.expiresAt;
    const key = `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
    if (sums.has(key)) {
      sums.set(key, (sums.get(key) ?? 0) + lot.remaining);
    }
  }
  return keys.map((month) => {
    const points = sums.get(month) ?? 0;
    return { month, points, valueCents: pointsValueCents(points, centsPer100Points) };
  });
}

/** The end of the window `expiringByMonth` covers: the first instant after its last month. */
export function expiringWindowEnd(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
}
