/**
 * The SQL side of club rules: a rule becomes one SELECT of the matching
 * member ids of a member-id range, for set-based regroups (INSERT ... SELECT)
 * and estimates. Pure: it builds text and parameters, it runs nothing. Each
 * condition's SQL is its kind's (../conditions), which must agree with the
 * kind's TypeScript test. Runs on MySQL 8 and MariaDB 10.11 (plain subqueries,
 * no CTE or window).
 */
import { IdRange, rangeOf, SqlFragment } from '../conditions/club-condition';
import { ClubCondition, conditionKind } from '../conditions/club-conditions.registry';
import { ClubRule } from './club-rule';

export type { IdRange, SqlFragment } from '../conditions/club-condition';
export { utcDate } from '../conditions/age-range.condition';

export function conditionSql(c: ClubCondition, range: IdRange, now: Date): SqlFragment {
  return conditionKind(c).sql(c, range, now);
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
