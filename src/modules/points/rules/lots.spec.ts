import { discountCentsFor, lotExpiresAt, splitCredit, takeFromLots } from './lots';

describe('lots and redemption', () => {
  it('takes points first-in first-out and reports a shortfall', () => {
    const lots = [
      { id: 1, remaining: 30 },
      { id: 2, remaining: 0 },
      { id: 3, remaining: 50 },
    ];
    expect(takeFromLots(lots, 60)).toEqual({
      takes: [
        { lotId: 1, points: 30 },
        { lotId: 3, points: 30 },
      ],
      shortfall: 0,
    });
    expect(takeFromLots(lots, 100).shortfall).toBe(20);
  });

  it('a credit pays a debt before it fills lots', () => {
    expect(splitCredit(-40, 100)).toEqual({ toLots: 60, debtRepaid: 40 });
    expect(splitCredit(-400, 100)).toEqual({ toLots: 0, debtRepaid: 100 });
    expect(splitCredit(10, 100)).toEqual({ toLots: 100, debtRepaid: 0 });
  });

  it('100 points pay ¥1 at the default rate, rounded down at other rates', () => {
    expect(discountCentsFor(500, 100)).toBe(500);
    expect(discountCentsFor(150, 50)).toBe(75);
    expect(discountCentsFor(3, 50)).toBe(1);
  });

  it('a lot expires whole months after it was earned, clamped to the end of a shorter month', () => {
    expect(lotExpiresAt(new Date('2026-11-25T10:00:00Z'), 24)).toEqual(new Date('2028-11-25T10:00:00Z'));
    expect(lotExpiresAt(new Date('2026-01-31T10:00:00Z'), 1)).toEqual(new Date('2026-02-28T10:00:00Z'));
  });
});
