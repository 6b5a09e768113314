import { quintile, quintilesOf, recencyDays, recencyScores } from './rfm';

describe('RFM quintiles', () => {
  it('ten distinct values: two per quintile, the best get 5', () => {
    expect(quintilesOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('keeps input order', () => {
    expect(quintilesOf([10, 1, 5])).toEqual([4, 1, 2]);
  });

  it('ties score alike and the next value starts at its rank', () => {
    // six members with 0 purchases share rank 1; 3 → rank 7 → 1 + floor(30/10) = 4
    expect(quintilesOf([0, 0, 0, 0, 0, 0, 3, 3, 8, 9])).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  });

  it('quintile stays within 1–5 for any n', () => {
    for (let n = 1; n <= 23; n++) {
      for (let rank = 1; rank <= n; rank++) {
        const q = quintile(rank, n);
        expect(q).toBeGreaterThanOrEqual(1);
        expect(q).toBeLessThanOrEqual(5);
      }
    }
    expect(quintile(1, 1)).toBe(1);
    expect(() => quintile(0, 5)).toThrow();
  });

  it('recency: a recent purchase scores high, no purchase scores 1', () => {
    expect(recencyScores([1, 300, null, 30, 2])).toEqual([5, 2, 1, 3, 4]);
    // rank 3 of 3: 1 + floor(5 × 2 / 3) = 4
    expect(recencyScores([null, null, 5])).toEqual([1, 1, 4]);
  });

  it('recency days are whole UTC days', () => {
    const asOf = new Date('2026-03-10T01:00:00Z');
    expect(recencyDays(new Date('2026-03-09T23:59:00Z'), asOf)).toBe(1);
    expect(recencyDays(new Date('2026-03-10T00:00:00Z'), asOf)).toBe(0);
    expect(recencyDays(null, asOf)).toBeNull();
  });
});
