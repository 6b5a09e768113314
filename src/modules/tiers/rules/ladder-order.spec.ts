import { LadderTier } from './ladder';
import { orderProblems, reorderOf } from './ladder-order';

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
const vip = tier('VIP', { minSpendCents: 500_000 });
const gold = tier('GOLD', { minSpendCents: 1_000_000 });
const top = tier('TOP', { kind: 'rank', rankTopN: 100 });
const elite = tier('ELITE', { kind: 'rank', rankTopPermille: 10 });
const saved = ['STANDARD', 'VIP', 'TOP'];
const fields = (proposed: LadderTier[], codes = saved) => orderProblems(codes, proposed).map((p) => p.field);

describe('ladder order', () => {
  it('accepts the saved order, threshold tiers swapped among themselves, rank tiers swapped on top, and a new tier moved in below', () => {
    expect(orderProblems(saved, [standard, vip, top])).toEqual([]);
    expect(orderProblems(['STANDARD', 'VIP', 'GOLD'], [standard, gold, vip])).toEqual([]);
    expect(orderProblems(['STANDARD', 'VIP', 'TOP', 'ELITE'], [standard, vip, elite, top])).toEqual([]);
    expect(orderProblems(saved, [standard, vip, gold, top])).toEqual([]);
  });

  it('refuses the saved entry tier anywhere but first, naming the tier that would take its place', () => {
    expect(fields([vip, standard, top])).toEqual(['tiers[1]']);
    const [problem] = orderProblems(saved, [{ ...vip, minSpendCents: null }, standard, top]);
    expect(problem.message).toContain('STANDARD is the entry tier');
    expect(problem.message).toContain('VIP would take its place');
  });

  it('lets a new entry tier take the first place when the saved one is left out (leaving it out is judged by who holds it)', () => {
    expect(orderProblems(saved, [tier('BASIC'), vip, top])).toEqual([]);
  });

  it('refuses every threshold tier above a rank tier, new or saved', () => {
    expect(fields([standard, top, vip])).toEqual(['tiers[2].kind']);
    expect(fields([standard, top, vip, gold])).toEqual(['tiers[2].kind', 'tiers[3].kind']);
    expect(orderProblems(saved, [standard, top, gold])[0].message).toContain('threshold tier GOLD sits above rank tier TOP');
  });

  it('reports both rules at once', () => {
    expect(fields([vip, top, standard])).toEqual(['tiers[2]', 'tiers[2].kind']);
  });

  it('says a reorder of the kept tiers, and nothing for a tier added or left out without moving the others', () => {
    expect(reorderOf(['STANDARD', 'VIP', 'GOLD'], [standard, gold, vip])).toEqual({
      from: ['STANDARD', 'VIP', 'GOLD'],
      to: ['STANDARD', 'GOLD', 'VIP'],
    });
    expect(reorderOf(saved, [standard, vip, gold, top])).toBeNull();
    expect(reorderOf(saved, [standard, top])).toBeNull();
    expect(reorderOf(saved, [standard, vip, top])).toBeNull();
  });
});
