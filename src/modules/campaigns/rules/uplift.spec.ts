import { meanUplift, proportionUplift } from './uplift';

describe('uplift with a 95% interval', () => {
  it('difference of proportions with the normal approximation', () => {
    // p1 = 0.3 (n 1000), p2 = 0.2 (n 1000): se = sqrt(0.21/1000 + 0.16/1000) = 0.019235
    const r = proportionUplift(300, 1000, 200, 1000);
    expect(r?.difference).toBeCloseTo(0.1, 6);
    expect(r?.low).toBeCloseTo(0.1 - 1.959964 * 0.0192354, 4);
    expect(r?.high).toBeCloseTo(0.1 + 1.959964 * 0.0192354, 4);
  });

  it('an interval across zero when the groups are small', () => {
    const r = proportionUplift(3, 10, 2, 10);
    expect(r!.low).toBeLessThan(0);
    expect(r!.high).toBeGreaterThan(0);
  });

  it('difference of means from sums and sums of squares (sample variances)', () => {
    // a: 1,2,3,4 (mean 2.5, s² 1.6667); b: 1,1,1,1 (mean 1, s² 0)
    const r = meanUplift({ n: 4, sum: 10, sumOfSquares: 30 }, { n: 4, sum: 4, sumOfSquares: 4 });
    const se = Math.sqrt(1.666667 / 4);
    expect(r?.difference).toBe(1.5);
    expect(r?.low).toBeCloseTo(1.5 - 1.959964 * se, 4);
  });

  it('no interval for an empty group', () => {
    expect(proportionUplift(1, 10, 0, 0)).toBeNull();
    expect(meanUplift({ n: 1, sum: 1, sumOfSquares: 1 }, { n: 5, sum: 1, sumOfSquares: 1 })).toBeNull();
  });
});
