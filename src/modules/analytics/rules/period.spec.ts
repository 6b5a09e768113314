import { DomainError } from '../../../common/errors/domain-error';
import { customPeriod, resolvePeriod, sumDays } from './period';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const [detail] = (e as DomainError).details;
    return `${detail.field}:${detail.reason}`;
  }
  return undefined;
};

describe('report period', () => {
  it('defaults to the 30 days to today, today included', () => {
    expect(resolvePeriod({}, '2026-12-07')).toEqual({ from: '2026-11-08', to: '2026-12-07', days: 30, preset: 30 });
  });

  it('a preset ends today', () => {
    expect(resolvePeriod({ days: 7 }, '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02', days: 7, preset: 7 });
    expect(resolvePeriod({ days: 90 }, '2026-12-07').from).toBe('2026-09-09');
  });

  it('a custom range wins over days and counts its days, both ends included', () => {
    expect(resolvePeriod({ days: 7, from: '2026-02-27', to: '2026-03-01' }, '2026-12-07')).toEqual({
      from: '2026-02-27',
      to: '2026-03-01',
      days: 3,
      preset: null,
    });
    expect(resolvePeriod({ from: '2026-01-01', to: '2026-07-02' }, '2026-12-07').days).toBe(183);
  });

  it('refuses a bad custom range, naming the field', () => {
    expect(fieldOf(() => customPeriod({ from: '2026-01-01' }))).toBe('to:PERIOD_NEEDS_BOTH');
    expect(fieldOf(() => customPeriod({ to: '2026-01-01' }))).toBe('from:PERIOD_NEEDS_BOTH');
    expect(fieldOf(() => customPeriod({ from: '2026-02-30', to: '2026-03-01' }))).toBe('from:PERIOD_NOT_A_DATE');
    expect(fieldOf(() => customPeriod({ from: '2026-02-01', to: '2026-3-01' }))).toBe('to:PERIOD_NOT_A_DATE');
    expect(fieldOf(() => customPeriod({ from: '2026-03-10', to: '2026-03-01' }))).toBe('from:PERIOD_REVERSED');
    expect(fieldOf(() => customPeriod({ from: '2026-01-01', to: '2026-07-03' }))).toBe('to:PERIOD_TOO_LONG');
    expect(customPeriod({})).toBeNull();
  });

  it('sums a daily figure over the days of a period, across a month end', () => {
    const values: Record<string, number> = { '2026-02-27': 1, '2026-02-28': 2, '2026-03-01': 4, '2026-03-02': 8 };
    expect(sumDays((d) => values[d] ?? 0, '2026-02-28', '2026-03-01')).toBe(6);
    expect(sumDays((d) => values[d] ?? 0, '2026-03-02', '2026-03-01')).toBe(0);
  });
});
