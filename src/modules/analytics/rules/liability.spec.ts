import { exposureCents, historicalRedemptionRate, moneyValueCents } from './liability';

describe('liability figures', () => {
  it('money value is points × cents per 100 points ÷ 100, rounded down; nothing for no or negative points', () => {
    expect(moneyValueCents(6_255, 100)).toBe(6_255);
    expect(moneyValueCents(199, 50)).toBe(99);
    expect(moneyValueCents(0, 100)).toBe(0);
    expect(moneyValueCents(-100, 100)).toBe(0);
  });

  it('the historical redemption rate is redeemed ÷ (redeemed + expired), and 1 without any history', () => {
    expect(historicalRedemptionRate(160, 30)).toEqual({ numerator: 160, denominator: 190 });
    expect(historicalRedemptionRate(0, 50)).toEqual({ numerator: 0, denominator: 50 });
    expect(historicalRedemptionRate(0, 0)).toEqual({ numerator: 1, denominator: 1 });
  });

  it('exposure is the outstanding money value times that rate, exact in integers and rounded down', () => {
    // 6,255 × 100 × 160 / (100 × 190) = 5,267.37
    expect(exposureCents(6_255, 100, 160, 30)).toBe(5_267);
    expect(exposureCents(6_255, 100, 0, 0)).toBe(6_255);
    expect(exposureCents(6_255, 100, 0, 30)).toBe(0);
    expect(exposureCents(0, 100, 160, 30)).toBe(0);
    // Beyond 2^53 in the intermediate product: still exact.
    expect(exposureCents(9_000_000_000_000, 1_000, 999_999_999, 1)).toBe(89_999_999_910_000);
  });
});
