import { MemberFacts } from './club-condition';
import { categorySpend, CategorySpendCondition } from './category-spend.condition';

const NOW = new Date('2026-05-15T10:00:00.000Z');
const c: CategorySpendCondition = { type: 'categorySpend', categories: ['wine'], minSpendCents: 50_050, days: 30 };
const purchase = (at: string, category: string, amountCents: number, refundedCents = 0) => ({
  occurredAt: new Date(at),
  lines: [{ category, quantityMilli: 1000, refundedQuantityMilli: 0, amountCents, refundedCents }],
});
const facts = (purchases: MemberFacts['purchases']): MemberFacts => ({ birthday: null, city: null, gender: null, purchases });

describe('categorySpend condition', () => {
  it('refuses a fractional amount and keeps a good one', () => {
    const fails: string[] = [];
    categorySpend.validate({ type: 'categorySpend', categories: ['wine'], minSpendCents: 1.5, days: 30 }, 'c', (f) => fails.push(f));
    expect(fails).toEqual(['c.minSpendCents']);
    expect(categorySpend.validate({ type: 'categorySpend', categories: ['Wine'], minSpendCents: 100, days: 7 }, 'c', () => {})).toEqual({
      type: 'categorySpend',
      categories: ['wine'],
      minSpendCents: 100,
      days: 7,
    });
  });

  it('sums the window lines of the categories net of refunds, and says how much is missing', () => {
    const f = facts([
      purchase('2026-05-10T00:00:00.000Z', 'wine', 40_000, 10_000),
      purchase('2026-05-11T00:00:00.000Z', 'beer', 90_000),
      purchase('2026-03-01T00:00:00.000Z', 'wine', 90_000),
    ]);
    expect(categorySpend.holds(c, f, NOW)).toBe(false);
    expect(categorySpend.gap(c, f, NOW)).toEqual({ met: false, unit: 'cents', required: 50_050, current: 30_000, missing: 20_050 });
    const more = facts([...f.purchases, purchase('2026-05-12T00:00:00.000Z', 'wine', 20_050)]);
    expect(categorySpend.holds(c, more, NOW)).toBe(true);
    expect(categorySpend.gap(c, more, NOW).missing).toBe(0);
  });

  it('says itself with the amount in yuan and compiles to a sum net of refunds', () => {
    expect(categorySpend.describe(c)).toEqual({
      en: 'spent at least ¥500.50 in wine in the last 30 days',
      zhCN: '近30天内在「wine」品类消费至少¥500.50',
    });
    expect(categorySpend.describe(c, () => ({ en: 'Wine', zhCN: '红酒' }))).toEqual({
      en: 'spent at least ¥500.50 in Wine in the last 30 days',
      zhCN: '近30天内在「红酒」品类消费至少¥500.50',
    });
    const q = categorySpend.sql(c, { fromId: '', toId: null }, NOW);
    expect(q.sql).toContain('HAVING SUM(l.amount_cents - l.refunded_cents) >= ?');
    expect(q.sql.split('?').length - 1).toBe(q.params.length);
  });
});
