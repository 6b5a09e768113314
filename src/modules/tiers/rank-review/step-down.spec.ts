import { TierRule } from '../rules/tier-qualification';
import { fallenHolderOutcome, stepDownTarget } from './step-down';

const tier = (code: string, rank: number, kind: 'threshold' | 'rank', minSpendCents: number | null): TierRule => ({
  code,
  rank,
  kind,
  minSpendCents,
  minPoints: null,
  minPurchases: null,
  qualifyMode: 'any',
});

const ladder = [
  tier('STANDARD', 0, 'threshold', null),
  tier('VIP', 1, 'threshold', 500_000),
  tier('GOLD', 2, 'threshold', 1_000_000),
  tier('SVIP', 3, 'rank', 1_000_000),
];
const svip = ladder[3];
const stats = (spendCents: number) => ({ spendCents, points: 0, purchases: 0 });

describe('stepping down from a rank tier', () => {
  it('goes to the highest threshold tier below it that the member qualifies for', () => {
    expect(stepDownTarget(ladder, svip, stats(2_000_000)).code).toBe('GOLD');
    expect(stepDownTarget(ladder, svip, stats(600_000)).code).toBe('VIP');
  });

  it('goes to the entry tier when no threshold tier qualifies (the entry tier has no criteria)', () => {
    expect(stepDownTarget(ladder, svip, stats(0)).code).toBe('STANDARD');
  });

  it('never to another rank tier', () => {
    const two = [...ladder.slice(0, 2), tier('RANKED', 2, 'rank', null), tier('TOP', 3, 'rank', null)];
    expect(stepDownTarget(two, two[3], stats(600_000)).code).toBe('VIP');
  });
});

describe('a rank tier holder the rank review did not pick', () => {
  it('stays while a grant of the tier (or a higher one) is open', () => {
    expect(fallenHolderOutcome(ladder, svip, stats(0), 'SVIP')).toEqual({ action: 'kept_by_grant' });
  });

  it('without a grant steps down like stepDownTarget', () => {
    expect(fallenHolderOutcome(ladder, svip, stats(600_000), null)).toEqual({ action: 'down', to: 'VIP' });
    expect(fallenHolderOutcome(ladder, svip, stats(0), null)).toEqual({ action: 'down', to: 'STANDARD' });
  });

  it('never below a lower tier still granted, but higher if they qualify for more', () => {
    expect(fallenHolderOutcome(ladder, svip, stats(0), 'GOLD')).toEqual({ action: 'down', to: 'GOLD' });
    expect(fallenHolderOutcome(ladder, svip, stats(2_000_000), 'VIP')).toEqual({ action: 'down', to: 'GOLD' });
  });
});
