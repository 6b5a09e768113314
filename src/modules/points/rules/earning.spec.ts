import { computeEarning } from './earning';

const excluded = new Set(['tobacco', 'gift_card']);

describe('earning', () => {
  it('earns 1 point per ¥1 of eligible spend, rounded down per transaction, not per line', () => {
    // 12.95 + 12.95 = 25.90 → 25 points (per line it would be 12 + 12 = 24)
    const r = computeEarning({
      lines: [
        { category: 'dairy', amountCents: 1295 },
        { category: 'dairy', amountCents: 1295 },
      ],
      excludedCategories: excluded,
      centsPerPoint: 100,
      tierMultiplierPermille: 1000,
    });
    expect(r.eligibleCents).toBe(2590);
    expect(r.pointsEarned).toBe(25);
    expect(r.breakdown).toEqual([{ rule: 'base', points: 25 }]);
  });

  it('gives nothing for excluded categories (tobacco, gift cards), whatever their case', () => {
    const r = computeEarning({
      lines: [
        { category: 'Tobacco', amountCents: 5000 },
        { category: 'gift_card', amountCents: 10000 },
        { category: 'bakery', amountCents: 399 },
      ],
      excludedCategories: excluded,
      centsPerPoint: 100,
      tierMultiplierPermille: 1000,
    });
    expect(r.lineEligible).toEqual([false, false, true]);
    expect(r.eligibleCents).toBe(399);
    expect(r.pointsEarned).toBe(3);
  });

  it('adds the VIP bonus as its own row: floor(base × 0.5)', () => {
    const r = computeEarning({
      lines: [{ category: 'wine', amountCents: 10150 }],
      excludedCategories: excluded,
      centsPerPoint: 100,
      tierMultiplierPermille: 1500,
    });
    expect(r.basePoints).toBe(101);
    expect(r.breakdown).toEqual([
      { rule: 'base', points: 101 },
      { rule: 'tier', points: 50 },
    ]);
    expect(r.pointsEarned).toBe(151);
  });

  it('doubles base points for SVIP', () => {
    const r = computeEarning({
      lines: [{ category: 'wine', amountCents: 777 }],
      excludedCategories: excluded,
      centsPerPoint: 100,
      tierMultiplierPermille: 2000,
    });
    expect(r.pointsEarned).toBe(14);
    expect(r.breakdown[1]).toEqual({ rule: 'tier', points: 7 });
  });

  it('earns nothing on a purchase under one point of eligible spend', () => {
    const r = computeEarning({
      lines: [{ category: 'candy', amountCents: 99 }],
      excludedCategories: excluded,
      centsPerPoint: 100,
      tierMultiplierPermille: 1500,
    });
    expect(r.pointsEarned).toBe(0);
  });

  it('stays exact on very large baskets', () => {
    const r = computeEarning({
      lines: [{ category: 'tv', amountCents: 99_999_999_999 }],
      excludedCategories: excluded,
      centsPerPoint: 100,
      tierMultiplierPermille: 1500,
    });
    expect(r.basePoints).toBe(999_999_999);
    expect(r.pointsEarned).toBe(999_999_999 + 499_999_999);
  });
});
