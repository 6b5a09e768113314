import { bandOf, loyaltyOf, respondentIndex } from './satisfaction-loyalty';

const end = new Date('2026-12-31T16:00:00Z');
const daysBefore = (d: number) => new Date(end.getTime() - d * 86400_000);

describe('satisfaction beside loyalty', () => {
  it('scores a respondent by their own weighted answers and bands them: ≥ 80 high, 60–80 medium, < 60 low', () => {
    // Staff 5 (weight 3) → 100, prices 2 (weight 1) → 25: (300 + 25) / 4 = 81.25 → high.
    expect(
      respondentIndex([
        { score: 5, weight: 3 },
        { score: 2, weight: 1 },
      ]),
    ).toBe(81.25);
    expect(bandOf(81.25, null)).toBe('high');
    expect(bandOf(80, null)).toBe('high');
    expect(bandOf(79.9, 10)).toBe('medium');
    expect(bandOf(60, null)).toBe('medium');
    expect(bandOf(59.9, null)).toBe('low');
    expect(respondentIndex([])).toBeNull();
  });

  it('bands by the recommend answer when there are no rated answers, and not at all without either', () => {
    expect(bandOf(null, 9)).toBe('high');
    expect(bandOf(null, 7)).toBe('medium');
    expect(bandOf(null, 6)).toBe('low');
    expect(bandOf(null, null)).toBeNull();
  });

  it('gives the repeat-purchase rate (2+ purchases) and churn (none in the 90 days before the end) of a band', () => {
    const members = [
      { purchasesInPeriod: 3, lastPurchaseAt: daysBefore(5) }, // repeats, stays
      { purchasesInPeriod: 1, lastPurchaseAt: daysBefore(89) }, // stays
      { purchasesInPeriod: 2, lastPurchaseAt: daysBefore(91) }, // repeats, but churned since
      { purchasesInPeriod: 0, lastPurchaseAt: null }, // churned
    ];
    expect(loyaltyOf(members, end)).toEqual({ members: 4, repeatRate: 50, churnRate: 50 });
    expect(loyaltyOf([], end)).toEqual({ members: 0, repeatRate: null, churnRate: null });
  });
});
