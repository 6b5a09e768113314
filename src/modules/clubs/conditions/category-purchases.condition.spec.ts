import { MemberFacts } from './club-condition';
import { categoryPurchases, CategoryPurchasesCondition } from './category-purchases.condition';

const NOW = new Date('2026-05-15T10:00:00.000Z');
const c: CategoryPurchasesCondition = { type: 'categoryPurchases', categories: ['baby', 'toddler'], minPurchases: 2, days: 30 };
const line = (category: string, refundedQuantityMilli = 0) => ({
  category,
  quantityMilli: 1000,
  refundedQuantityMilli,
  amountCents: 1000,
  refundedCents: refundedQuantityMilli,
});
const facts = (purchases: MemberFacts['purchases']): MemberFacts => ({ birthday: null, city: null, gender: null, purchases });

describe('categoryPurchases condition', () => {
  it('normalises categories and names every bad field', () => {
    const fails: string[] = [];
    const ok = categoryPurchases.validate(
      { type: 'categoryPurchases', categories: [' Toddler', 'BABY', 'baby'], minPurchases: 3, days: 90 },
      'c',
      (f) => fails.push(f),
    );
    expect(ok).toEqual({ type: 'categoryPurchases', categories: ['baby', 'toddler'], minPurchases: 3, days: 90 });
    expect(fails).toEqual([]);
    categoryPurchases.validate({ type: 'categoryPurchases', categories: [], minPurchases: 0, days: 900 }, 'c', (f) => fails.push(f));
    expect(fails).toEqual(['c.categories', 'c.minPurchases', 'c.days']);
  });

  it('counts receipts (not lines) of the window with a line of the categories not wholly refunded', () => {
    const inside = new Date('2026-05-01T00:00:00.000Z');
    const twoLines = { occurredAt: inside, lines: [line('baby'), line('toddler')] };
    const refunded = { occurredAt: inside, lines: [line('baby', 1000)] };
    const old = { occurredAt: new Date('2026-04-01T00:00:00.000Z'), lines: [line('baby')] };
    expect(categoryPurchases.holds(c, facts([twoLines, refunded, old]), NOW)).toBe(false);
    expect(categoryPurchases.gap(c, facts([twoLines, refunded, old]), NOW)).toEqual({
      met: false,
      unit: 'purchases',
      required: 2,
      current: 1,
      missing: 1,
    });
    expect(categoryPurchases.holds(c, facts([twoLines, { occurredAt: inside, lines: [line('BABY')] }]), NOW)).toBe(true);
  });

  it('says itself in both languages and compiles to one grouped subquery on the range', () => {
    expect(categoryPurchases.describe(c)).toEqual({
      en: 'bought in baby or toddler at least twice in the last 30 days',
      zhCN: '近30天内在「baby、toddler」品类购买至少2次',
    });
    const catalog: Record<string, { en: string; zhCN: string }> = { baby: { en: 'Mother & baby', zhCN: '母婴' } };
    expect(categoryPurchases.describe(c, (code) => catalog[code] ?? { en: code, zhCN: code })).toEqual({
      en: 'bought in Mother & baby or toddler at least twice in the last 30 days',
      zhCN: '近30天内在「母婴、toddler」品类购买至少2次',
    });
    const q = categoryPurchases.sql(c, { fromId: 'a', toId: 'b' }, NOW);
    expect(q.sql).toContain('GROUP BY p.member_id HAVING COUNT(*) >= ?');
    expect(q.params).toEqual(['a', 'b', new Date('2026-04-15T10:00:00.000Z'), NOW, 'baby', 'toddler', 2]);
    expect(categoryPurchases.windowDays(c)).toBe(30);
    expect(categoryPurchases.categories(c)).toEqual(['baby', 'toddler']);
  });
});
