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
