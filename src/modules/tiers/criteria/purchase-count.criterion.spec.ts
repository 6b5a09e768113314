import { purchaseCount } from './purchase-count.criterion';

describe('purchaseCount criterion', () => {
  it('is the tier’s minPurchases over purchases in the window', () => {
    const stats = { spendCents: 0, points: 0, purchases: 11 };
    expect(purchaseCount.field).toBe('minPurchases');
    expect(purchaseCount.holds(12, stats)).toBe(false);
    expect(purchaseCount.holds(12, { ...stats, purchases: 12 })).toBe(true);
    expect(purchaseCount.gap(12, stats)).toEqual({ criterion: 'purchases', required: 12, current: 11, missing: 1 });
  });

  it('compiles to a test of the purchases sum and says itself', () => {
    expect(purchaseCount.sql(12, 's')).toEqual({ sql: 'COALESCE(s.purchases, 0) >= ?', params: [12] });
    expect(purchaseCount.describe(12)).toEqual({ en: 'made at least 12 purchases', zhCN: '购买满12次' });
    expect(purchaseCount.describe(1).en).toBe('made at least 1 purchase');
  });
});
