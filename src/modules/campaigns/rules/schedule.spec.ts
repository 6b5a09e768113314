import { cronProblem, nextRun, occurrenceKey, recurringOccurrence } from './schedule';

describe('campaign schedules', () => {
  it('the occurrence key is the date in the campaign timezone', () => {
    expect(occurrenceKey(new Date('2026-05-19T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-05-20');
    expect(occurrenceKey(new Date('2026-05-19T16:30:00Z'), 'UTC')).toBe('2026-05-19');
  });

  it('a recurring occurrence is named after the latest tick at or before now, even when the job runs late', () => {
    // Daily 09:00 Shanghai = 01:00 UTC.
    expect(recurringOccurrence('0 9 * * *', 'Asia/Shanghai', new Date('2026-05-20T01:00:00Z'))).toBe('2026-05-20');
    expect(recurringOccurrence('0 9 * * *', 'Asia/Shanghai', new Date('2026-05-20T15:59:00Z'))).toBe('2026-05-20');
    // 00:30 Shanghai on the 21st, before that day's tick: still the 20th's occurrence.
    expect(recurringOccurrence('0 9 * * *', 'Asia/Shanghai', new Date('2026-05-20T16:30:00Z'))).toBe('2026-05-20');
  });

  it('the next run follows the cron in its timezone', () => {
    expect(nextRun('0 9 * * *', 'Asia/Shanghai', new Date('2026-05-20T02:00:00Z')).toISOString()).toBe('2026-05-21T01:00:00.000Z');
    expect(nextRun('0 0 1 * *', 'UTC', new Date('2026-05-20T02:00:00Z')).toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });

  it('refuses bad crons and unknown timezones', () => {
    expect(cronProblem('0 9 * * *', 'Asia/Shanghai')).toBeNull();
    expect(cronProblem('0 9 * *', 'Asia/Shanghai')).toMatch(/5 or 6 fields/);
    expect(cronProblem('0 99 * * *', 'UTC')).not.toBeNull();
    expect(cronProblem('0 9 * * *', 'Mars/Olympus')).toMatch(/timezone/);
  });
});
