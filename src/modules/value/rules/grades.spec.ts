import { gradeCutoffs, gradeOf } from './grades';

const grades = (scores: number[]) => {
  const cutoffs = gradeCutoffs(scores);
  return scores.map((s) => gradeOf(s, cutoffs));
};

describe('grade cut-offs', () => {
  it('A is the members who bring the first 80% of value, B the next 15%, C the tail', () => {
    // total 100: 50 → 50%, +30 → 80% (A reached), +15 → 95% (B reached), then the tail
    expect(grades([50, 30, 15, 3, 2])).toEqual(['A', 'A', 'B', 'C', 'C']);
    expect(gradeCutoffs([50, 30, 15, 3, 2])).toEqual({ a: 30, b: 15 });
  });

  it('the member that crosses the line belongs to the grade', () => {
    // 60 → 60%, then 30 → 90% crosses 80%: A; 5 → 95% reaches 95%: B; the other 5 ties with it: B
    expect(grades([60, 30, 5, 5])).toEqual(['A', 'A', 'B', 'B']);
    // 60, 30 (A), 4 → 94%, 3 → 97% crosses 95%: B; 3 → C
    expect(grades([60, 30, 4, 3, 2, 1])).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
  });

  it('ties at a cut-off get the same grade, whatever their order', () => {
    expect(grades([40, 40, 10, 10])).toEqual(['A', 'A', 'B', 'B']);
    expect(grades([10, 40, 10, 40])).toEqual(['B', 'A', 'B', 'A']);
  });

  it('the usual 80/20 population: about a fifth of the members are A', () => {
    // 20 members bring 80 each (1600), 80 members 5 each (400): total 2000, 80% = 1600
    const scores = [...new Array(20).fill(80), ...new Array(80).fill(5)];
    const g = grades(scores);
    expect(g.filter((x) => x === 'A')).toHaveLength(20);
    // the next 15% = 300 = 60 members at 5 each, but ties at 5 stay together: all 80 are B
    expect(g.filter((x) => x === 'B')).toHaveLength(80);
  });

  it('members with no value are C, and nobody with value is graded when the total is zero', () => {
    expect(grades([100, 0, 0])).toEqual(['A', 'C', 'C']);
    expect(gradeCutoffs([0, 0])).toEqual({ a: null, b: null });
    expect(grades([0, 0])).toEqual(['C', 'C']);
    expect(grades([])).toEqual([]);
  });

  it('one member holds everything: A, the rest C', () => {
    expect(grades([1000, 1, 1])).toEqual(['A', 'C', 'C']);
  });
});
