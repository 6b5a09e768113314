import { canUpgrade, qualifies, TierRule, upgradeOnPurchase } from './tier-qualification';

const tiers: TierRule[] = [
  { code: 'STANDARD', rank: 0, kind: 'threshold', minSpendCents: null, minPoints: null, minPurchases: null, qualifyMode: 'any' },
  { code: 'VIP', rank: 1, kind: 'threshold', minSpendCents: 500_000, minPoints: null, minPurchases: null, qualifyMode: 'any' },
  { code: 'SVIP', rank: 2, kind: 'threshold', minSpendCents: 2_000_000, minPoints: null, minPurchases: null, qualifyMode: 'any' },
];

const stats = (spendCents: number, points = 0, purchases = 0) => ({ spendCents, points, purchases });

describe('tier qualification', () => {
  it('upgrades to VIP exactly at the threshold, not a cent before', () => {
    expect(upgradeOnPurchase(tiers, 'STANDARD', stats(499_999))).toBeNull();
    expect(upgradeOnPurchase(tiers, 'STANDARD', stats(500_000))?.code).toBe('VIP');
  });

  it('jumps straight to SVIP when one purchase crosses both thresholds', () => {
    expect(upgradeOnPurchase(tiers, 'STANDARD', stats(2_500_000))?.code).toBe('SVIP');
  });

  it('never downgrades on a purchase', () => {
    expect(upgradeOnPurchase(tiers, 'SVIP', stats(0))).toBeNull();
    expect(upgradeOnPurchase(tiers, 'VIP', stats(600_000))).toBeNull();
  });

  it('any-mode tiers need one criterion, all-mode tiers need every one', () => {
    const any: TierRule = { ...tiers[1], minPurchases: 10, qualifyMode: 'any' };
    const all: TierRule = { ...any, qualifyMode: 'all' };
    expect(qualifies(any, stats(0, 0, 10))).toBe(true);
    expect(qualifies(all, stats(0, 0, 10))).toBe(false);
    expect(qualifies(all, stats(500_000, 0, 10))).toBe(true);
  });

  it('rank-based tiers are never reached by a purchase', () => {
    const withRank: TierRule[] = [
      ...tiers.slice(0, 2),
      { code: 'SVIP', rank: 2, kind: 'rank', minSpendCents: null, minPoints: null, minPurchases: null, qualifyMode: 'any' },
    ];
    expect(upgradeOnPurchase(withRank, 'VIP', stats(99_000_000))).toBeNull();
    expect(canUpgrade(withRank, 'VIP')).toBe(false);
    expect(canUpgrade(withRank, 'STANDARD')).toBe(true);
  });

  it('a tier with no criteria is never qualified for', () => {
    expect(qualifies(tiers[0], stats(10_000_000))).toBe(false);
  });
});
