/** Adds calendar months in UTC, clamping to the last day of the target month. */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/**
 * "Now" for rules that judge a time window at a route (the member code's 30-second steps). A provider, so an
 * end-to-end test can move it (jest.spyOn(app.get(Clock), 'now')) without touching the process's timers.
 */
export class Clock {
  now(): Date {
    return new Date();
  }
}
