import {
  canUpgrade,
  qualifiedThresholdTier,
  qualifies,
  qualifyingWindowStart,
  TierRule,
  upgradeOnPurchase,
  withPurchaseInHand,
} from './tier-qualification';

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

describe('qualifying window', () => {
  it('is the current calendar month and the 11 before it for a 12-month window', () => {
    expect(qualifyingWindowStart(new Date('2026-11-25T10:00:00Z'), 12)).toBe('2025-12-01');
    expect(qualifyingWindowStart(new Date('2026-01-01T00:00:00Z'), 12)).toBe('2025-02-01');
    expect(qualifyingWindowStart(new Date('2026-11-25T10:00:00Z'), 1)).toBe('2026-11-01');
  });

  it('adds the purchase in hand when it falls in the window', () => {
    const stats = { spendCents: 490_000, points: 4900, purchases: 7 };
    const inHand = { occurredAt: new Date('2026-11-20T10:00:00Z'), spendCents: 10_000, points: 100 };
    expect(withPurchaseInHand(stats, inHand, '2025-12-01')).toEqual({ spendCents: 500_000, points: 5000, purchases: 8 });
  });

  it('leaves the stats alone for a purchase before the window', () => {
    const stats = { spendCents: 1, points: 1, purchases: 1 };
    expect(withPurchaseInHand(stats, { occurredAt: new Date('2025-11-30T23:59:59Z'), spendCents: 5, points: 5 }, '2025-12-01')).toEqual(
      stats,
    );
  });

  it('the purchase in hand that reaches the VIP threshold exactly upgrades; one cent short does not', () => {
    const tiers = [
      {
        code: 'STANDARD',
        rank: 0,
        kind: 'threshold' as const,
        minSpendCents: null,
        minPoints: null,
        minPurchases: null,
        qualifyMode: 'any' as const,
      },
      {
        code: 'VIP',
        rank: 1,
        kind: 'threshold' as const,
        minSpendCents: 500_000,
        minPoints: null,
        minPurchases: null,
        qualifyMode: 'any' as const,
      },
    ];
    const base = { spendCents: 400_000, points: 0, purchases: 3 };
    const at = new Date('2026-11-20T10:00:00Z');
    expect(
      upgradeOnPurchase(tiers, 'STANDARD', withPurchaseInHand(base, { occurredAt: at, spendCents: 100_000, points: 0 }, '2025-12-01'))
        ?.code,
    ).toBe('VIP');
    expect(
      upgradeOnPurchase(tiers, 'STANDARD', withPurchaseInHand(base, { occurredAt: at, spendCents: 99_999, points: 0 }, '2025-12-01')),
    ).toBeNull();
  });
});

describe('qualified threshold tier', () => {
  it('is the highest threshold tier met, the lowest tier otherwise, never a rank tier', () => {
    expect(qualifiedThresholdTier(tiers, stats(499_999)).code).toBe('STANDARD');
    expect(qualifiedThresholdTier(tiers, stats(500_000)).code).toBe('VIP');
    expect(qualifiedThresholdTier(tiers, stats(2_000_000)).code).toBe('SVIP');
    const rank: TierRule = { ...tiers[2], code: 'TOP', rank: 3, kind: 'rank', minSpendCents: 0 };
    expect(qualifiedThresholdTier([...tiers, rank], stats(9_000_000)).code).toBe('SVIP');
  });
});
