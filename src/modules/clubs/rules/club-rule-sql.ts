/**
 * The SQL side of club rules: a rule becomes one SELECT of the matching
 * member ids of a member-id range, for set-based regroups (INSERT ... SELECT)
 * and estimates. Pure: it builds text and parameters, it runs nothing. It must
 * agree with evaluateClubRule() in club-rule.ts, condition by condition.
 * Runs on MySQL 8 and MariaDB 10.11 (plain subqueries, no CTE or window).
 */
import { ClubCondition, ClubRule, windowStart } from './club-rule';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

export interface IdRange {
  /** inclusive; '' for the first range */
  fromId: string;
  /** exclusive; null for the last range */
  toId: string | null;
}

const marks = (n: number) => new Array<string>(n).fill('?').join(', ');

function rangeOf(column: string, range: IdRange): SqlFragment {
  return range.toId === null
    ? { sql: `${column} >= ?`, params: [range.fromId] }
    : { sql: `${column} >= ? AND ${column} < ?`, params: [range.fromId, range.toId] };
}

/** The UTC calendar date of `now`, which ages are counted on. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function conditionSql(c: ClubCondition, range: IdRange, now: Date): SqlFragment {
  switch (c.type) {
    case 'categoryPurchases': {
      // Purchases (receipts) of the window with at least one line of the categories not wholly refunded.
      const r = rangeOf('p.member_id', range);
      return {
        sql:
          `m.id IN (SELECT p.member_id FROM purchases p WHERE ${r.sql} AND p.occurred_at >= ? AND p.occurred_at <= ?` +
          ` AND EXISTS (SELECT 1 FROM purchase_lines l WHERE l.purchase_id = p.id AND l.category IN (${marks(c.categories.length)})` +
          ` AND l.refunded_quantity_milli < l.quantity_milli) GROUP BY p.member_id HAVING COUNT(*) >= ?)`,
        params: [...r.params, windowStart(now, c.days), now, ...c.categories, c.minPurchases],
      };
    }
    case 'categorySpend': {
      const r = rangeOf('p.member_id', range);
      return {
        sql:
          `m.id IN (SELECT p.member_id FROM purchases p JOIN purchase_lines l ON l.purchase_id = p.id` +
          ` WHERE ${r.sql} AND p.occurred_at >= ? AND p.occurred_at <= ? AND l.category IN (${marks(c.categories.length)})` +
          ` GROUP BY p.member_id HAVING SUM(l.amount_cents - l.refunded_cents) >= ?)`,
        params: [...r.params, windowStart(now, c.days), now, ...c.categories, c.minSpendCents],
      };
    }
    case 'birthdayMonth':
      return { sql: `MONTH(m.birthday) IN (${marks(c.months.length)})`, params: [...c.months] };
    case 'city':
      return { sql: `LOWER(TRIM(m.city)) IN (${marks(c.cities.length)})`, params: c.cities.map((x) => x.toLowerCase()) };
    case 'ageRange': {
      const parts = ['m.birthday IS NOT NULL'];
      const params: unknown[] = [];
      if (c.minAge !== null) {
        parts.push('TIMESTAMPDIFF(YEAR, m.birthday, ?) >= ?');
        params.push(utcDate(now), c.minAge);
      }
      if (c.maxAge !== null) {
        parts.push('TIMESTAMPDIFF(YEAR, m.birthday, ?) <= ?');
        params.push(utcDate(now), c.maxAge);
      }
      return { sql: `(${parts.join(' AND ')})`, params };
    }
    case 'gender':
      return { sql: `m.gender IN (${marks(c.genders.length)})`, params: [...c.genders] };
    default: {
      const unmapped: never = c;
      throw new Error(`Unknown condition ${JSON.stringify(unmapped)}`);
    }
  }
}

/** SELECT m.id AS member_id of the members of the range who match the rule at `now`. */
export function ruleMatchSql(rule: ClubRule, range: IdRange, now: Date): SqlFragment {
  const r = rangeOf('m.id', range);
  const conditions = rule.conditions.map((c) => conditionSql(c, range, now));
  const joined = conditions.map((c) => `(${c.sql})`).join(rule.combine === 'all' ? ' AND ' : ' OR ');
  return {
    sql: `SELECT m.id AS member_id FROM members m WHERE ${r.sql} AND (${joined})`,
    params: [...r.params, ...conditions.flatMap((c) => c.params)],
  };
}
