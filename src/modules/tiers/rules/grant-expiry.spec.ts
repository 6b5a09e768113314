import { grantExpiryOutcome } from './grant-expiry';
import { TierRule } from './tier-qualification';

const t = (code: string, rank: number, minSpendCents: number | null): TierRule => ({
  code,
  rank,
  kind: 'threshold',
  minSpendCents,
  minPoints: null,
  minPurchases: null,
  qualifyMode: 'any',
});
const ladder = [t('STANDARD', 0, null), t('VIP', 1, 500_000), t('SVIP', 2, 2_000_000)];
const spend = (spendCents: number) => ({ spendCents, points: 0, purchases: 0 });

describe('grant expiry', () => {
  it('reverts an ended grant to the tier the member qualifies for, several levels down if need be', () => {
    expect(grantExpiryOutcome(ladder, 'SVIP', 'SVIP', spend(0))).toEqual({ action: 'revert', to: 'STANDARD' });
    expect(grantExpiryOutcome(ladder, 'SVIP', 'SVIP', spend(500_000))).toEqual({ action: 'revert', to: 'VIP' });
  });

  it('keeps the tier when the member has earned it meanwhile', () => {
    expect(grantExpiryOutcome(ladder, 'VIP', 'VIP', spend(500_000))).toEqual({ action: 'revert', to: 'VIP' });
  });

  it('only closes the grant when the member is no longer in the granted tier', () => {
    expect(grantExpiryOutcome(ladder, 'VIP', 'SVIP', spend(2_000_000))).toEqual({ action: 'close' });
  });
});

describe('grant expiry of a rank tier', () => {
  const withRank: TierRule[] = [...ladder.slice(0, 2), { ...t('SVIP', 2, null), kind: 'rank' }];

  it('closes the grant only when the last rank review picked the member for the tier', () => {
    expect(grantExpiryOutcome(withRank, 'SVIP', 'SVIP', spend(0), true)).toEqual({ action: 'close' });
  });

  it('reverts a member the last rank review did not pick (the grant alone kept them), whatever their review date', () => {
    expect(grantExpiryOutcome(withRank, 'SVIP', 'SVIP', spend(600_000), false)).toEqual({ action: 'revert', to: 'VIP' });
    expect(grantExpiryOutcome(withRank, 'SVIP', 'SVIP', spend(0))).toEqual({ action: 'revert', to: 'STANDARD' });
  });

  it('a threshold grant reverts even for a member a rank review picked', () => {
    expect(grantExpiryOutcome(ladder, 'SVIP', 'SVIP', spend(0), true)).toEqual({ action: 'revert', to: 'STANDARD' });
  });
});
