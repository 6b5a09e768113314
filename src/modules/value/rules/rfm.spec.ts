import { quintile, quintilesOf, recencyDays, recencyScores } from './rfm';

describe('RFM quintiles', () => {
  it('ten distinct values: two per quintile, the best get 5', () => {
    expect(quintilesOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('keeps input order', () => {
    expect(quintilesOf([10, 1, 5])).toEqual([5, 2, 4]);
  });

  it('ties score alike, by the share at or below them; no activity scores 1', () => {
    // 3 and 3: 8 of 10 at or below → 4; 8: 9 of 10 → ceil(4.5) = 5
    expect(quintilesOf([0, 0, 0, 0, 0, 0, 3, 3, 8, 9])).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(quintilesOf([7, 7, 7])).toEqual([5, 5, 5]);
  });

  it('the best value always scores 5, and the quintile stays within 1–5 for any n', () => {
    for (let n = 1; n <= 23; n++) {
      expect(quintile(n, n)).toBe(5);
      for (let c = 1; c <= n; c++) {
        expect(quintile(c, n)).toBeGreaterThanOrEqual(1);
        expect(quintile(c, n)).toBeLessThanOrEqual(5);
      }
    }
    expect(() => quintile(0, 5)).toThrow();
  });

  it('recency: a recent purchase scores high, no purchase scores 1', () => {
    expect(recencyScores([1, 300, null, 30, 2])).toEqual([5, 2, 1, 3, 4]);
    expect(recencyScores([null, null, 5, 5])).toEqual([1, 1, 5, 5]);
  });

  it('recency days are whole UTC days', () => {
    const asOf = new Date('2026-03-10T01:00:00Z');
    expect(recencyDays(new Date('2026-03-09T23:59:00Z'), asOf)).toBe(1);
    expect(recencyDays(new Date('2026-03-10T00:00:00Z'), asOf)).toBe(0);
    expect(recencyDays(null, asOf)).toBeNull();
  });
});
