import { quintile, quintileFromStarts, quintileStarts, quintilesOf, recencyDays, recencyScores } from './rfm';

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

  describe('by the values at the quintile starts (what the value run reads)', () => {
    /** A small deterministic generator: many ties, zeros and negatives. */
    function values(n: number, seed: number, spread: number): number[] {
      let x = seed;
      return Array.from({ length: n }, () => {
        x = (x * 1103515245 + 12345) % 2147483648;
        return (x % spread) - 2;
      });
    }
    const startValuesOf = (vs: number[]) => {
      const sorted = [...vs].sort((a, b) => a - b);
      return quintileStarts(vs.length).map((t) => sorted[t - 1]);
    };

    it('the starts: 10 values → positions 3, 5, 7, 9; none for an empty population', () => {
      expect(quintileStarts(10)).toEqual([3, 5, 7, 9]);
      expect(quintileStarts(1)).toEqual([1, 1, 1, 1]);
      expect(quintileStarts(0)).toEqual([]);
    });

    it('gives quintilesOf() for every value above 0, over populations of every size with ties', () => {
      for (let n = 1; n <= 60; n++) {
        for (const spread of [3, 7, 40, 1000]) {
          const vs = values(n, n * 31 + spread, spread);
          const starts = startValuesOf(vs);
          const expected = quintilesOf(vs);
          vs.forEach((v, i) => {
            if (v > 0) {
              expect([n, spread, v, quintileFromStarts(v, starts)]).toEqual([n, spread, v, expected[i]]);
            }
          });
        }
      }
    });

    it('gives recencyScores() for every member who bought (never bought sorts first, more days is lower)', () => {
      for (let n = 1; n <= 60; n++) {
        const days = values(n, n * 7 + 1, 12).map((d) => (d < 0 ? null : d));
        const recent = days.map((d) => (d === null ? Number.NEGATIVE_INFINITY : -d));
        const starts = startValuesOf(recent);
        const expected = recencyScores(days);
        days.forEach((d, i) => {
          if (d !== null) {
            expect([n, d, quintileFromStarts(recent[i], starts)]).toEqual([n, d, expected[i]]);
          }
        });
      }
    });
  });
});
