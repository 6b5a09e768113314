/** One precomputed figure as the snapshot stores it (analytics_figures). */
export interface Figure {
  report: Report;
  series: string;
  label: string;
  value: number;
}

export type Report = 'members' | 'points' | 'loyalty' | 'churn' | 'liability' | 'rfm' | 'tiers';

/** The "no purchase for N days" windows of the churn report. */
export const CHURN_WINDOWS = [90, 180, 365] as const;
export type ChurnWindow = (typeof CHURN_WINDOWS)[number];

/** Loyalty indicators and the 12-month points figures look back this many days from the snapshot's instant. */
export const LOYALTY_WINDOW_DAYS = 365;

/** Months ahead in the liability's expiry schedule and back in the tier movements. */
export const MONTHS = 12;

export const DAY_MS = 86_400_000;

/** 'YYYY-MM' of an instant (UTC). */
export function monthKey(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The first instant of the UTC month `offset` months after the month of `at`. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

/** `count` consecutive month keys starting `offset` months after the month of `at`. */
export function monthKeys(at: Date, offset: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => monthKey(monthStart(at, offset + i)));
}

/** numerator / denominator rounded to 4 decimals; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}
