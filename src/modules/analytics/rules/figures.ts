/** One precomputed figure as the snapshot stores it (analytics_figures). */
export interface Figure {
  report: Report;
  series: string;
  label: string;
  value: number;
}

export type Report =
  | 'members'
  | 'points'
  | 'loyalty'
  | 'churn'
  | 'liability'
  | 'rfm'
  | 'tiers'
  | 'daily'
  | 'activity'
  /** Per business day (series) and churn window (label): members who lapsed that day and have not bought since. */
  | 'lapses'
  /** Per business day (series): tier moves by direction:reason (label). */
  | 'tierdays';

/** The "no purchase for N days" windows of the churn report. */
export const CHURN_WINDOWS = [90, 180, 365] as const;
export type ChurnWindow = (typeof CHURN_WINDOWS)[number];

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

/**
 * The dashboard's days are the program's business days, Asia/Shanghai (UTC+8, no daylight saving, so a fixed offset
 * is exact): a day runs from 16:00 UTC the day before to 16:00 UTC.
 */
export const BUSINESS_UTC_OFFSET_HOURS = 8;
const BUSINESS_OFFSET_MS = BUSINESS_UTC_OFFSET_HOURS * 3_600_000;

/** Business days of daily figures a snapshot keeps, its own day included: a 183-day period and the one before it. */
export const DAILY_DAYS = 366;

/** The dashboard's preset periods (days), whose active members a snapshot counts (a distinct count does not add up by day). */
export const PERIOD_PRESETS = [7, 30, 90] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The longest custom period, so that it and the period before it fit in DAILY_DAYS. */
export const MAX_PERIOD_DAYS = Math.floor(DAILY_DAYS / 2);

/** The business day (YYYY-MM-DD) an instant falls on. */
export function businessDay(at: Date): string {
  return new Date(at.getTime() + BUSINESS_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of a business day. */
export function businessDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - BUSINESS_OFFSET_MS);
}

/** The business day `offset` days after `day`. */
export function addDays(day: string, offset: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when to is before from). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS) + 1);
}
