import { CronExpressionParser } from 'cron-parser';
import { localDate } from './audience';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** The occurrence key of an instant: its calendar date in the campaign's timezone (YYYY-MM-DD). */
export function occurrenceKey(at: Date, timezone: string): string {
  const d = localDate(at, timezone);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * The occurrence a recurring campaign's plan job belongs to: the date of the
 * latest cron tick at or before `now` (so a job that runs late, or again after
 * a crash, still names the tick it was for).
 */
export function recurringOccurrence(cron: string, timezone: string, now: Date): string {
  const it = CronExpressionParser.parse(cron, { currentDate: new Date(now.getTime() + 1), tz: timezone });
  return occurrenceKey(it.prev().toDate(), timezone);
}

/** The next run of a cron expression after `after`, in its timezone. */
export function nextRun(cron: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
}

/** Whether a cron expression (5 or 6 fields) and timezone are usable; the reason when not. */
export function cronProblem(cron: string, timezone: string): string | null {
  if (!isTimezone(timezone)) {
    return `unknown timezone ${timezone}`;
  }
  const fields = cron.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) {
    return 'must have 5 or 6 fields';
  }
  try {
    CronExpressionParser.parse(cron, { tz: timezone });
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

export function isTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
