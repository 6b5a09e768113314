/** The per-member, per-month figures the points engine keeps (member_monthly_stats). Pure. */

import { QualifyingStats } from './qualifying-sums';

/** A member's sums over some months (the qualifying sums' shape). Spend is purchases minus refunds. */
export type MonthlySums = QualifyingStats;

/** The month bucket a purchase counts in: YYYY-MM-01 of its occurredAt (UTC). */
export function monthKey(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/**
 * The qualifying window is whole calendar months (UTC): the current month and
 * the months before it, `windowMonths` in all. Returns the first day of the
 * earliest month in the window, as YYYY-MM-01.
 */
export function qualifyingWindowStart(now: Date, windowMonths: number): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (windowMonths - 1), 1));
  return monthKey(start);
}
