import { ClubRule } from './club-rule';
import { ruleMatchSql } from './club-rule-sql';

const NOW = new Date('2026-05-15T10:00:00.000Z');

describe('club rule SQL', () => {
  it('a purchase-count rule selects the range of members through one grouped subquery on the same range', () => {
    const rule: ClubRule = {
      combine: 'all',
      conditions: [{ type: 'categoryPurchases', categories: ['baby', 'toddler'], minPurchases: 3, days: 90 }],
    };
    const q = ruleMatchSql(rule, { fromId: 'a', toId: 'b' }, NOW);
    expect(q.sql).toBe(
      'SELECT m.id AS member_id FROM members m WHERE m.id >= ? AND m.id < ? AND ((m.id IN (SELECT p.member_id FROM purchases p' +
        ' WHERE p.member_id >= ? AND p.member_id < ? AND p.occurred_at >= ? AND p.occurred_at <= ?' +
        ' AND EXISTS (SELECT 1 FROM purchase_lines l WHERE l.purchase_id = p.id AND l.category IN (?, ?)' +
        ' AND l.refunded_quantity_milli < l.quantity_milli) GROUP BY p.member_id HAVING COUNT(*) >= ?)))',
    );
    expect(q.params).toEqual(['a', 'b', 'a', 'b', new Date('2026-02-14T10:00:00.000Z'), NOW, 'baby', 'toddler', 3]);
  });

  it('the last range has no upper bound; any joins with OR; placeholders match parameters', () => {
    const rule: ClubRule = {
      combine: 'any',
      conditions: [
        { type: 'categorySpend', categories: ['wine'], minSpendCents: 50_000, days: 30 },
        { type: 'birthdayMonth', months: [1, 12] },
        { type: 'city', cities: ['Shanghai'] },
        { type: 'ageRange', minAge: 25, maxAge: 40 },
        { type: 'gender', genders: ['female'] },
      ],
    };
    const q = ruleMatchSql(rule, { fromId: '', toId: null }, NOW);
    expect(q.sql).toContain('WHERE m.id >= ? AND ((m.id IN (SELECT p.member_id FROM purchases p JOIN purchase_lines l');
    expect(q.sql).toContain('HAVING SUM(l.amount_cents - l.refunded_cents) >= ?)) OR (MONTH(m.birthday) IN (?, ?)) OR');
    expect(q.sql).toContain('(LOWER(TRIM(m.city)) IN (?)) OR ((m.birthday IS NOT NULL AND TIMESTAMPDIFF(YEAR, m.birthday, ?) >= ?');
    expect(q.sql).not.toContain('m.id < ?');
    expect(q.sql.split('?').length - 1).toBe(q.params.length);
    expect(q.params).toEqual([
      '',
      '',
      new Date('2026-04-15T10:00:00.000Z'),
      NOW,
      'wine',
      50_000,
      1,
      12,
      'shanghai',
      '2026-05-15',
      25,
      '2026-05-15',
      40,
      'female',
    ]);
  });
});
