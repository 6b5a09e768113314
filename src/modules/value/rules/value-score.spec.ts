import { DEFAULT_REFERENCE, DEFAULT_WEIGHTS, valueScore, valueScoreSql } from './value-score';

describe('valueScore', () => {
  it('a member at exactly the reference figures scores 1,000,000 with the default weights', () => {
    expect(valueScore({ spendCents: 1_000_000, points: 10_000, purchases: 24 }, DEFAULT_WEIGHTS, DEFAULT_REFERENCE)).toBe(1_000_000);
  });

  it('weights each normalised figure: spend 60%, points 20%, purchases 20%', () => {
    // ¥5,000 = 0.5 units × 600 × 1000, 2,000 points = 0.2 × 200 × 1000, 6 purchases = 0.25 × 200 × 1000
    expect(valueScore({ spendCents: 500_000, points: 2_000, purchases: 6 }, DEFAULT_WEIGHTS, DEFAULT_REFERENCE)).toBe(
      300_000 + 40_000 + 50_000,
    );
  });

  it('rounds each term down on its own', () => {
    // 1 purchase: 200 × 1000 / 24 = 8333.33 → 8333; 1 cent: 600 × 1000 / 1,000,000 = 0.6 → 0
    expect(valueScore({ spendCents: 1, points: 0, purchases: 1 }, DEFAULT_WEIGHTS, DEFAULT_REFERENCE)).toBe(8333);
  });

  it('negative spend (refunds of older receipts) and zero weights count nothing', () => {
    expect(valueScore({ spendCents: -50_000, points: 0, purchases: 0 }, DEFAULT_WEIGHTS, DEFAULT_REFERENCE)).toBe(0);
    expect(
      valueScore(
        { spendCents: 1_000_000, points: 10_000, purchases: 24 },
        { spendPermille: 1000, pointsPermille: 0, purchasesPermille: 0 },
        DEFAULT_REFERENCE,
      ),
    ).toBe(1_000_000);
  });

  it('is exact for large figures (no float rounding)', () => {
    const spend = 9_007_199_254_740; // ¥90 billion
    expect(valueScore({ spendCents: spend, points: 0, purchases: 0 }, DEFAULT_WEIGHTS, DEFAULT_REFERENCE)).toBe(
      Number((600n * BigInt(spend) * 1000n) / 1_000_000n),
    );
  });

  it('more spend never lowers the score', () => {
    let last = -1;
    for (let spend = 0; spend < 3_000_000; spend += 77_777) {
      const s = valueScore({ spendCents: spend, points: 100, purchases: 3 }, DEFAULT_WEIGHTS, DEFAULT_REFERENCE);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });

  it('the SQL form has one term per weighted figure, with its weight and reference as parameters', () => {
    const cols = { spend: 'f.spend', points: 'f.points', purchases: 'f.purchases' };
    const all = valueScoreSql(cols, DEFAULT_WEIGHTS, DEFAULT_REFERENCE);
    expect(all.params).toEqual([600, 1_000_000, 200, 10_000, 200, 24]);
    expect(all.sql.match(/DIV \?/g)).toHaveLength(3);
    expect(all.sql).toContain('CASE WHEN f.spend > 0 THEN (CAST(f.spend AS DECIMAL(65, 0)) * ? * 1000) DIV ? ELSE 0 END');
    const spendOnly = valueScoreSql(cols, { spendPermille: 1000, pointsPermille: 0, purchasesPermille: 0 }, DEFAULT_REFERENCE);
    expect(spendOnly.params).toEqual([1000, 1_000_000]);
    expect(spendOnly.sql).not.toContain('f.points');
    expect(valueScoreSql(cols, { spendPermille: 0, pointsPermille: 0, purchasesPermille: 0 }, DEFAULT_REFERENCE)).toEqual({
      sql: '0',
      params: [],
    });
  });
});
