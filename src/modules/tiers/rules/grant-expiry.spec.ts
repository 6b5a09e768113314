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
  const asOf = new Date('2026-11-25T04:00:00Z');

  it('closes the grant only when the last rank review picked the member (their review date, the next rank review, is ahead)', () => {
    const placement = { reviewAt: new Date('2026-12-01T04:00:00Z'), asOf };
    expect(grantExpiryOutcome(withRank, 'SVIP', 'SVIP', spend(0), placement)).toEqual({ action: 'close' });
  });

  it('reverts a member the grant alone kept there (review date not ahead, or none)', () => {
    expect(grantExpiryOutcome(withRank, 'SVIP', 'SVIP', spend(600_000), { reviewAt: new Date('2026-11-01T04:00:00Z'), asOf })).toEqual({
      action: 'revert',
      to: 'VIP',
    });
    expect(grantExpiryOutcome(withRank, 'SVIP', 'SVIP', spend(0), { reviewAt: null, asOf })).toEqual({ action: 'revert', to: 'STANDARD' });
  });

  it('a threshold grant reverts whatever the review date', () => {
    const placement = { reviewAt: new Date('2027-11-01T04:00:00Z'), asOf };
    expect(grantExpiryOutcome(ladder, 'SVIP', 'SVIP', spend(0), placement)).toEqual({ action: 'revert', to: 'STANDARD' });
  });
});
