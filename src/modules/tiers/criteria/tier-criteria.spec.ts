import { qualifyingSumsByMember, qualifyingSumsSelect } from '../../points/rules/qualifying-sums';
import { criteriaGaps, criteriaOf, criteriaSql, describeCriteria, meetsCriteria, thresholdsOf, validateCriteria } from './tier-criteria';

const vip = { minSpendCents: 500_000, minPoints: null, minPurchases: 12, qualifyMode: 'any' as const };

describe('a tier’s criteria through the registry', () => {
  it('reads the criteria from the tier’s fields and writes them back', () => {
    expect(criteriaOf(vip)).toEqual([
      { type: 'qualifyingSpend', min: 500_000 },
      { type: 'purchaseCount', min: 12 },
    ]);
    expect(thresholdsOf(criteriaOf(vip))).toEqual({ minSpendCents: 500_000, minPoints: null, minPurchases: 12 });
  });

  it('combines any / all in TypeScript and in SQL alike; no criteria never qualifies', () => {
    const stats = { spendCents: 0, points: 0, purchases: 12 };
    expect(meetsCriteria(vip, stats)).toBe(true);
    expect(meetsCriteria({ ...vip, qualifyMode: 'all' }, stats)).toBe(false);
    expect(meetsCriteria({ minSpendCents: null, minPoints: null, minPurchases: null, qualifyMode: 'any' }, stats)).toBe(false);
    expect(criteriaSql({ ...vip, qualifyMode: 'all' }, 's')).toEqual({
      sql: '(COALESCE(s.spend_cents, 0) >= ? AND COALESCE(s.purchases, 0) >= ?)',
      params: [500_000, 12],
    });
    expect(criteriaSql({ minSpendCents: null, minPoints: null, minPurchases: null, qualifyMode: 'any' }, 's')).toBeNull();
    expect(criteriaGaps(vip, stats).map((g) => g.criterion)).toEqual(['spend', 'purchases']);
  });

  it('says the criteria in both languages', () => {
    expect(describeCriteria(criteriaOf(vip), 'any')).toEqual({
      en: 'Members who spent at least ¥5,000 or made at least 12 purchases over the qualifying window.',
      zhCN: '统计周期内消费满¥5,000或购买满12次的会员。',
    });
  });

  it('validates the union as sent: known type, each once, a whole threshold, no other field', () => {
    expect(
      validateCriteria([
        { type: 'purchaseCount', min: 2 },
        { type: 'pointsEarned', min: 10 },
      ]),
    ).toEqual({
      ok: true,
      criteria: [
        { type: 'pointsEarned', min: 10 },
        { type: 'purchaseCount', min: 2 },
      ],
    });
    const bad = validateCriteria([
      { type: 'visits', min: 1 },
      { type: 'pointsEarned', min: -1, extra: 1 },
      { type: 'pointsEarned', min: 1 },
    ]);
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual([
      'criteria[0].type',
      'criteria[1].extra',
      'criteria[1].min',
      'criteria[2].type',
    ]);
  });
});

describe('the qualifying sums fragment', () => {
  it('sums the three figures, zero when no month, within the window', () => {
    expect(qualifyingSumsSelect('s')).toEqual({
      sql: 'COALESCE(SUM(s.spend_cents), 0) AS spend_cents, COALESCE(SUM(s.points), 0) AS points, COALESCE(SUM(s.purchases), 0) AS purchases',
      params: [],
    });
    expect(qualifyingSumsSelect('s', { only: { start: '2026-01-01' }, sums: ['spendCents'], names: { spendCents: 'spend_12m' } })).toEqual({
      sql: 'COALESCE(SUM(CASE WHEN s.month >= ? THEN s.spend_cents END), 0) AS spend_12m',
      params: ['2026-01-01'],
    });
    const q = qualifyingSumsByMember({ start: '2025-06-01', end: '2026-05-01' }, ['a', 'b']);
    expect(q.sql).toContain(
      'FROM member_monthly_stats s WHERE s.member_id IN (?, ?) AND s.month >= ? AND s.month <= ? GROUP BY s.member_id',
    );
    expect(q.params).toEqual(['a', 'b', '2025-06-01', '2026-05-01']);
  });
});
