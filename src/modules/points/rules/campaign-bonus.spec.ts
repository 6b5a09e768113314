import { campaignBonusPoints, inWindow } from './campaign-bonus';

const purchase = {
  lines: [
    { category: 'baby', amountCents: 12_345 },
    { category: 'grocery', amountCents: 5_000 },
    { category: 'tobacco', amountCents: 9_900 },
  ],
  lineEligible: [true, true, false],
  basePoints: 173,
  eligibleCents: 17_345,
};

describe('campaign bonus rules', () => {
  it('multiplier on base gives the extra as its own points, rounded down', () => {
    expect(campaignBonusPoints({ kind: 'base_multiplier', multiplierPermille: 2000 }, purchase, 100)).toBe(173);
    expect(campaignBonusPoints({ kind: 'base_multiplier', multiplierPermille: 1500 }, purchase, 100)).toBe(86);
  });

  it('category multiplier counts only that category’s eligible lines', () => {
    expect(campaignBonusPoints({ kind: 'category_multiplier', category: 'BABY', multiplierPermille: 3000 }, purchase, 100)).toBe(246);
    expect(campaignBonusPoints({ kind: 'category_multiplier', category: 'tobacco', multiplierPermille: 3000 }, purchase, 100)).toBe(0);
  });

  it('fixed bonus over a minimum eligible spend', () => {
    expect(campaignBonusPoints({ kind: 'fixed_bonus', minSpendCents: 17_345, points: 50 }, purchase, 100)).toBe(50);
    expect(campaignBonusPoints({ kind: 'fixed_bonus', minSpendCents: 17_346, points: 50 }, purchase, 100)).toBe(0);
  });

  it('the window includes its start and excludes its end', () => {
    const w = { startsAt: new Date('2026-06-01T00:00:00Z'), endsAt: new Date('2026-06-08T00:00:00Z') };
    expect(inWindow(w, new Date('2026-06-01T00:00:00Z'))).toBe(true);
    expect(inWindow(w, new Date('2026-06-07T23:59:59Z'))).toBe(true);
    expect(inWindow(w, new Date('2026-06-08T00:00:00Z'))).toBe(false);
    expect(inWindow(w, new Date('2026-05-31T23:59:59Z'))).toBe(false);
  });
});
