import { TierRule } from '../../tiers/rules/tier-qualification';
import { gapsFor, keepGoal, nextThresholdTier, rankStep } from './tier-progress';

const tier = (code: string, rank: number, over: Partial<TierRule> = {}): TierRule => ({
  code,
  rank,
  kind: 'threshold',
  minSpendCents: null,
  minPoints: null,
  minPurchases: null,
  qualifyMode: 'any',
  ...over,
});
const ladder = [
  tier('STANDARD', 0),
  tier('VIP', 1, { minSpendCents: 500_000 }),
  tier('SVIP', 2, { minSpendCents: 2_000_000, minPurchases: 20, qualifyMode: 'all' }),
];

describe('tier progress', () => {
  it('names the next threshold tier, none at the top', () => {
    expect(nextThresholdTier(ladder, 'STANDARD')?.code).toBe('VIP');
    expect(nextThresholdTier(ladder, 'VIP')?.code).toBe('SVIP');
    expect(nextThresholdTier(ladder, 'SVIP')).toBeNull();
  });

  it('speaks of a rank tier held, and of one above as the next step once no threshold tier is left below it', () => {
    const withRank = [...ladder.slice(0, 2), tier('SVIP', 2, { kind: 'rank' })];
    expect(rankStep(withRank, 'SVIP')).toEqual({ tier: withRank[2], held: true });
    expect(rankStep(withRank, 'VIP')).toEqual({ tier: withRank[2], held: false });
    expect(rankStep(withRank, 'STANDARD')).toBeNull(); // VIP is the next step
    expect(rankStep(ladder, 'VIP')).toBeNull(); // no rank tier at all
  });

  it('skips a rank tier when naming the next one to earn', () => {
    const withRank = [...ladder.slice(0, 2), tier('SVIP', 2, { kind: 'rank' })];
    expect(nextThresholdTier(withRank, 'VIP')).toBeNull();
  });

  it('says what is missing per criterion, exactly at the edge too', () => {
    const goal = gapsFor(ladder[1], { spendCents: 499_999, points: 0, purchases: 3 });
    expect(goal).toEqual({
      code: 'VIP',
      qualifyMode: 'any',
      criteria: [{ criterion: 'spend', required: 500_000, current: 499_999, missing: 1 }],
      met: false,
    });
    expect(gapsFor(ladder[1], { spendCents: 500_000, points: 0, purchases: 0 }).met).toBe(true);
  });

  it('with all criteria, one met is not enough', () => {
    const goal = gapsFor(ladder[2], { spendCents: 2_500_000, points: 0, purchases: 19 });
    expect(goal.met).toBe(false);
    expect(goal.criteria.map((c) => [c.criterion, c.missing])).toEqual([
      ['spend', 0],
      ['purchases', 1],
    ]);
  });

  it('keeping a tier: its own criteria; nothing to keep in the lowest', () => {
    expect(keepGoal(ladder, 'STANDARD', { spendCents: 0, points: 0, purchases: 0 })).toBeNull();
    expect(keepGoal(ladder, 'VIP', { spendCents: 600_000, points: 0, purchases: 0 })?.met).toBe(true);
  });
});
