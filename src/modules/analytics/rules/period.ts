import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { addDays, daysBetween, MAX_PERIOD_DAYS, PeriodPreset } from './figures';

/** The period query every analytics report takes: ?days=7|30|90, or ?from=&to= (business days, Asia/Shanghai). */
export interface PeriodRequest {
  days?: PeriodPreset;
  from?: string;
  to?: string;
}

/** A resolved period: business days from..to (both included); preset is null for a custom range. */
export interface Period {
  from: string;
  to: string;
  days: number;
  preset: PeriodPreset | null;
}

export const DEFAULT_PRESET: PeriodPreset = 30;

const isDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) &&
  !Number.isNaN(Date.parse(`${day}T00:00:00.000Z`)) &&
  new Date(`${day}T00:00:00.000Z`).toISOString().startsWith(day);

/** details[0].reason of a refused period: a stable code a client can branch on (the message is for people). */
export type PeriodRefusal = 'PERIOD_NEEDS_BOTH' | 'PERIOD_NOT_A_DATE' | 'PERIOD_REVERSED' | 'PERIOD_TOO_LONG';

const refuse = (field: string, reason: PeriodRefusal, message: string): never => {
  throw new DomainError(ErrorCode.VALIDATION_FAILED, message, [{ field, message, reason }]);
};

/**
 * Checks a custom period (both from and to, calendar dates, from ≤ to, at most MAX_PERIOD_DAYS days); null when the
 * query asks for a preset. A bad one is 400 VALIDATION_FAILED naming the field. Needs no snapshot: a bad query is
 * refused before anything is read.
 */
export function customPeriod(q: PeriodRequest): { from: string; to: string } | null {
  if (q.from === undefined && q.to === undefined) {
    return null;
  }
  if (q.from === undefined || q.to === undefined) {
    return refuse(q.from === undefined ? 'from' : 'to', 'PERIOD_NEEDS_BOTH', 'A custom period needs both from and to.');
  }
  if (!isDay(q.from) || !isDay(q.to)) {
    return refuse(isDay(q.from) ? 'to' : 'from', 'PERIOD_NOT_A_DATE', 'from and to must be calendar dates, YYYY-MM-DD.');
  }
  if (q.from > q.to) {
    return refuse('from', 'PERIOD_REVERSED', 'from must be on or before to.');
  }
  if (daysBetween(q.from, q.to) > MAX_PERIOD_DAYS) {
    return refuse('to', 'PERIOD_TOO_LONG', `A period is at most ${MAX_PERIOD_DAYS} days.`);
  }
  return { from: q.from, to: q.to };
}

/** The period asked for, ending on `today` (the snapshot's business day, or today for a live report) for a preset. */
export function resolvePeriod(q: PeriodRequest, today: string): Period {
  const custom = customPeriod(q);
  if (custom) {
    return { ...custom, days: daysBetween(custom.from, custom.to), preset: null };
  }
  const preset = q.days ?? DEFAULT_PRESET;
  return { from: addDays(today, 1 - preset), to: today, days: preset, preset };
}

/** Sums a per-day figure over the days from..to (both included); days without a figure count 0. */
export function sumDays(figure: (day: string) => number, from: string, to: string): number {
  let total = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    total += figure(day);
  }
  return total;
}
