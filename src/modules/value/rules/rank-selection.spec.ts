import { compareRank, RankCandidate, selectTopN } from './rank-selection';

const c = (memberId: string, score: number, spendCents = 0): RankCandidate => ({ memberId, score, spendCents });

describe('rank selection', () => {
  it('picks the top N by score', () => {
    const picks = selectTopN([c('a', 10), c('b', 30), c('c', 20), c('d', 5)], 2);
    expect(picks.map((p) => p.memberId)).toEqual(['b', 'c']);
  });

  it('picks exactly N when scores tie at the line: higher spend first, then the lower member id', () => {
    const candidates = [c('m3', 50, 100), c('m2', 50, 100), c('m1', 50, 90), c('m0', 80, 0)];
    expect(selectTopN(candidates, 2).map((p) => p.memberId)).toEqual(['m0', 'm2']);
    expect(selectTopN(candidates, 3).map((p) => p.memberId)).toEqual(['m0', 'm2', 'm3']);
  });

  it('the same picks whatever the input order', () => {
    const candidates = Array.from({ length: 50 }, (_, i) => c(`id-${String(i).padStart(2, '0')}`, i % 4, i % 3));
    const expected = selectTopN(candidates, 7).map((p) => p.memberId);
    for (let k = 0; k < 10; k++) {
      const shuffled = [...candidates].sort(() => Math.random() - 0.5);
      expect(selectTopN(shuffled, 7).map((p) => p.memberId)).toEqual(expected);
    }
    expect(expected).toHaveLength(7);
  });

  it('fewer eligible than N: all of them; N of zero: nobody', () => {
    expect(selectTopN([c('a', 1)], 5)).toHaveLength(1);
    expect(selectTopN([c('a', 1)], 0)).toEqual([]);
  });

  it('compareRank is a total order', () => {
    expect(compareRank(c('a', 1, 1), c('a', 1, 1))).toBe(0);
    expect(compareRank(c('a', 1, 1), c('b', 1, 1))).toBeLessThan(0);
  });
});
