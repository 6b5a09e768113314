import { businessDayStart } from '../../src/modules/analytics/rules/figures';

/**
 * A moment of a business day (Asia/Shanghai) for rows a test moves into the past: noon of the day, or for today,
 * when noon is still ahead (before 04:00 UTC… after 16:00 UTC the Shanghai day has just begun), a moment of today
 * that has already passed, so a snapshot taken now counts it as today.
 */
export function momentOf(day: string): Date {
  const start = businessDayStart(day).getTime();
  const noon = start + 12 * 3_600_000;
  return new Date(Math.max(start, Math.min(noon, Date.now() - 2_000)));
}
