import { expiringByMonth, expiringWindowEnd, pointsValueCents } from './expiring-points';

const at = (s: string) => new Date(s);

describe('points expiring by month', () => {
  const now = at('2026-11-25T10:00:00Z');

  it('lists this month and the next five, empty months with 0', () => {
    const months = expiringByMonth([], now, 6, 100);
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    expect(months.every((m) => m.points === 0 && m.valueCents === 0)).toBe(true);
  });

  it('sums the remaining points of the lots per month of expiry, across the year end', () => {
    const months = expiringByMonth(
      [
        { remaining: 100, expiresAt: at('2026-11-30T23:59:59Z') },
        { remaining: 50, expiresAt: at('2026-12-01T00:00:00Z') },
        { remaining: 25, expiresAt: at('2026-12-31T12:00:00Z') },
        { remaining: 7, expiresAt: at('2027-01-15T00:00:00Z') },
        { remaining: 0, expiresAt: at('2027-02-15T00:00:00Z') },
        { remaining: 999, expiresAt: at('2027-05-01T00:00:00Z') },
      ],
      now,
      6,
      100,
    );
    expect(months.slice(0, 4)).toEqual([
      { month: '2026-11', points: 100, valueCents: 100 },
      { month: '2026-12', points: 75, valueCents: 75 },
      { month: '2027-01', points: 7, valueCents: 7 },
      { month: '2027-02', points: 0, valueCents: 0 },
    ]);
    expect(months.reduce((s, m) => s + m.points, 0)).toBe(182);
  });

  it('counts a lot already past its date (not swept yet) in the current month', () => {
    expect(expiringByMonth([{ remaining: 30, expiresAt: at('2026-10-01T00:00:00Z') }], now, 6, 100)[0].points).toBe(30);
  });

  it('values points at the redemption rate, rounded down', () => {
    expect(pointsValueCents(150, 100)).toBe(150);
    expect(pointsValueCents(150, 50)).toBe(75);
    expect(pointsValueCents(3, 50)).toBe(1);
    expect(expiringByMonth([{ remaining: 3, expiresAt: at('2026-12-02T00:00:00Z') }], now, 6, 50)[1]).toEqual({
      month: '2026-12',
      points: 3,
      valueCents: 1,
    });
  });

  it('ends the window at the first day after the last month', () => {
    expect(expiringWindowEnd(now, 6).toISOString()).toBe('2027-05-01T00:00:00.000Z');
  });
});
