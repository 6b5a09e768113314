import { compareRank, RankCandidate, rankSeats, selectTopN } from './rank-selection';

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

describe('rank seats (top N or top x% of the membership)', () => {
  it('a top N tier has N seats whatever the population', () => {
    expect(rankSeats({ rankTopN: 20_000, rankTopPermille: null }, 1_000_000)).toBe(20_000);
    expect(rankSeats({ rankTopN: 5, rankTopPermille: null }, 2)).toBe(5);
  });

  it('a top x% tier has ceil(x% of the population) seats: a partial seat counts as one', () => {
    expect(rankSeats({ rankTopN: null, rankTopPermille: 10 }, 1_000_000)).toBe(10_000); // top 1%
    expect(rankSeats({ rankTopN: null, rankTopPermille: 10 }, 1_001)).toBe(11); // 10.01 → 11
    expect(rankSeats({ rankTopN: null, rankTopPermille: 10 }, 1_000)).toBe(10); // exactly 10
    expect(rankSeats({ rankTopN: null, rankTopPermille: 1 }, 1)).toBe(1); // 0.001 → 1
    expect(rankSeats({ rankTopN: null, rankTopPermille: 1000 }, 7)).toBe(7); // everybody
  });

  it('nobody when there is no member or no size', () => {
    expect(rankSeats({ rankTopN: null, rankTopPermille: 10 }, 0)).toBe(0);
    expect(rankSeats({ rankTopN: null, rankTopPermille: null }, 100)).toBe(0);
  });

  it('the seats are then filled like a top N: exactly that many, ties broken by spend then member id', () => {
    const candidates = Array.from({ length: 30 }, (_, i) => c(`m${String(i).padStart(2, '0')}`, 100 - (i % 3), 0));
    const seats = rankSeats({ rankTopN: null, rankTopPermille: 100 }, 101); // 10.1 → 11
    const picks = selectTopN(candidates, seats).map((p) => p.memberId);
    expect(picks).toHaveLength(11);
    // Score 100 is every third member (10 of them): all in, then the first score-99 member by id.
    expect(picks).toEqual(['m00', 'm03', 'm06', 'm09', 'm12', 'm15', 'm18', 'm21', 'm24', 'm27', 'm01']);
  });
});
