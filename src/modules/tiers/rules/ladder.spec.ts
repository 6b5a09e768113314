import { LadderTier, ladderProblems } from './ladder';

const tier = (code: string, over: Partial<LadderTier> = {}): LadderTier => ({
  code,
  nameEn: code,
  nameZh: code,
  kind: 'threshold',
  minSpendCents: null,
  minPoints: null,
  minPurchases: null,
  qualifyMode: 'any',
  earnMultiplierPermille: 1000,
  birthdayBonusPoints: 0,
  priorityService: false,
  rankTopN: null,
  rankTopPermille: null,
  ...over,
});
const standard = tier('STANDARD');
const vip = tier('VIP', { minSpendCents: 500_000, earnMultiplierPermille: 1500 });
const svip = tier('SVIP', { minSpendCents: 2_000_000, earnMultiplierPermille: 2000 });
const fields = (ladder: LadderTier[]) => ladderProblems(ladder).map((p) => p.field);

describe('ladder validation', () => {
  it('accepts the default ladder, a single entry tier, and a rank tier on top', () => {
    expect(ladderProblems([standard, vip, svip])).toEqual([]);
    expect(ladderProblems([standard])).toEqual([]);
    expect(
      ladderProblems([
        standard,
        vip,
        tier('SVIP', { kind: 'rank', rankTopN: 20_000, minSpendCents: 500_000, earnMultiplierPermille: 2000 }),
      ]),
    ).toEqual([]);
  });

  it('refuses duplicate codes and an empty ladder', () => {
    expect(fields([standard, vip, { ...svip, code: 'VIP' }])).toEqual(['tiers[2].code']);
    expect(fields([])).toEqual(['tiers']);
  });

  it('refuses criteria or a rank kind on the lowest tier', () => {
    expect(fields([{ ...standard, minPurchases: 1 }, vip])).toEqual(['tiers[0].minPurchases']);
    expect(fields([{ ...standard, kind: 'rank', rankTopN: 5 }])).toContain('tiers[0].kind');
  });

  it('refuses a higher tier nobody can reach (no criteria)', () => {
    expect(fields([standard, tier('VIP', { earnMultiplierPermille: 1500 })])).toEqual(['tiers[1]']);
  });

  it('refuses a higher threshold equal to the one below, accepts one cent more', () => {
    expect(fields([standard, vip, { ...svip, minSpendCents: 500_000 }])).toEqual(['tiers[2].minSpendCents']);
    expect(fields([standard, vip, { ...svip, minSpendCents: 400_000 }])).toEqual(['tiers[2].minSpendCents']);
    expect(ladderProblems([standard, vip, { ...svip, minSpendCents: 500_001 }])).toEqual([]);
  });

  it('refuses a higher tier asking less on one shared criterion even when it asks more on another', () => {
    const vip2 = { ...vip, minPurchases: 10 };
    expect(fields([standard, vip2, { ...svip, minPurchases: 10 }])).toEqual(['tiers[2].minPurchases']);
    expect(ladderProblems([standard, vip2, { ...svip, minPurchases: 11 }])).toEqual([]);
  });

  it('refuses tiers that share no criterion, so that the higher one cannot be shown harder', () => {
    expect(fields([standard, vip, { ...svip, minSpendCents: null, minPurchases: 50 }])).toEqual(['tiers[2]']);
  });

  it('refuses a rank tier without exactly one size (a threshold tier above a rank tier is a rule of the order: ladder-order.ts)', () => {
    const rank = tier('SVIP', { kind: 'rank', rankTopN: 100, earnMultiplierPermille: 2000 });
    expect(fields([standard, rank, { ...vip, code: 'TOP', earnMultiplierPermille: 2000 }])).toEqual([]);
    expect(fields([standard, vip, { ...rank, rankTopN: null }])).toEqual(['tiers[2].rankTopN']);
    expect(fields([standard, vip, { ...rank, rankTopPermille: 10 }])).toEqual(['tiers[2].rankTopN']);
    expect(fields([standard, { ...vip, rankTopN: 5 }])).toEqual(['tiers[1].rankTopN']);
  });

  it('refuses a multiplier that falls as tiers rise; equal is fine', () => {
    expect(fields([standard, vip, { ...svip, earnMultiplierPermille: 1499 }])).toEqual(['tiers[2].earnMultiplierPermille']);
    expect(ladderProblems([standard, vip, { ...svip, earnMultiplierPermille: 1500 }])).toEqual([]);
  });

  it('every problem carries a reason naming the tiers involved', () => {
    const [problem] = ladderProblems([standard, vip, { ...svip, minSpendCents: 500_000 }]);
    expect(problem.message).toContain('SVIP');
    expect(problem.message).toContain('VIP');
    expect(problem.message).toContain('strictly more');
  });
});
