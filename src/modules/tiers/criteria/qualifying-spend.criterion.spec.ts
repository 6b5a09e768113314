import { qualifyingSpend } from './qualifying-spend.criterion';

const stats = { spendCents: 499_999, points: 0, purchases: 0 };

describe('qualifyingSpend criterion', () => {
  it('is the tier’s minSpendCents over the window’s spend, met at the threshold exactly', () => {
    expect(qualifyingSpend.field).toBe('minSpendCents');
    expect(qualifyingSpend.holds(500_000, stats)).toBe(false);
    expect(qualifyingSpend.holds(500_000, { ...stats, spendCents: 500_000 })).toBe(true);
    expect(qualifyingSpend.gap(500_000, stats)).toEqual({ criterion: 'spend', required: 500_000, current: 499_999, missing: 1 });
    expect(qualifyingSpend.gap(500_000, { ...stats, spendCents: 600_000 }).missing).toBe(0);
  });

  it('compiles to a test of the spend_cents sum (no row: zero) and says itself in yuan', () => {
    expect(qualifyingSpend.sql(500_000, 's')).toEqual({ sql: 'COALESCE(s.spend_cents, 0) >= ?', params: [500_000] });
    expect(qualifyingSpend.describe(500_050)).toEqual({ en: 'spent at least ¥5,000.50', zhCN: '消费满¥5,000.50' });
  });

  it('refuses a negative, fractional or too large threshold', () => {
    const fails: string[] = [];
    for (const bad of [-1, 1.5, 100_000_000_001, '5']) {
      expect(qualifyingSpend.validate(bad, 'c.min', (f) => fails.push(f))).toBe(false);
    }
    expect(fails).toHaveLength(4);
    expect(qualifyingSpend.validate(0, 'c.min', (f) => fails.push(f))).toBe(true);
  });
});
