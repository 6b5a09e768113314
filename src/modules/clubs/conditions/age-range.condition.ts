import { ApiProperty } from '@nestjs/swagger';
import { ClubConditionKind, isInt, profileGap, RULE_LIMITS } from './club-condition';

/** Age in full years today; either bound may be null (open). */
export interface AgeRangeCondition {
  type: 'ageRange';
  minAge: number | null;
  maxAge: number | null;
}

export class AgeRangeConditionModel {
  @ApiProperty({ enum: ['ageRange'], example: 'ageRange' })
  type: 'ageRange';
  @ApiProperty({ type: 'integer', minimum: 0, maximum: RULE_LIMITS.maxAge, nullable: true, required: false, example: 25 })
  minAge?: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: RULE_LIMITS.maxAge, nullable: true, required: false, example: 40 })
  maxAge?: number | null;
}

/** Age in full years on the UTC date of `now` (as MySQL's TIMESTAMPDIFF(YEAR, birthday, date)). */
export function ageOn(birthday: string, now: Date): number {
  const [y, m, d] = birthday.split('-').map(Number);
  const ny = now.getUTCFullYear();
  const nm = now.getUTCMonth() + 1;
  const nd = now.getUTCDate();
  return ny - y - (nm < m || (nm === m && nd < d) ? 1 : 0);
}

/** The UTC calendar date of `now`, which ages are counted on. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export const ageRange: ClubConditionKind<AgeRangeCondition> = {
  type: 'ageRange',
  fields: ['type', 'minAge', 'maxAge'],
  schema: AgeRangeConditionModel,

  validate(raw, path, fail) {
    const minAge = raw.minAge ?? null;
    const maxAge = raw.maxAge ?? null;
    if (minAge !== null && !isInt(minAge, 0, RULE_LIMITS.maxAge)) {
      fail(`${path}.minAge`, `must be a whole number of years from 0 to ${RULE_LIMITS.maxAge}, or null`);
    }
    if (maxAge !== null && !isInt(maxAge, 0, RULE_LIMITS.maxAge)) {
      fail(`${path}.maxAge`, `must be a whole number of years from 0 to ${RULE_LIMITS.maxAge}, or null`);
    }
    if (minAge === null && maxAge === null) {
      fail(path, 'give minAge, maxAge or both');
    } else if (typeof minAge === 'number' && typeof maxAge === 'number' && minAge > maxAge) {
      fail(`${path}.maxAge`, 'must not be below minAge');
    }
    return { type: 'ageRange', minAge: minAge as number | null, maxAge: maxAge as number | null };
  },

  describe(c) {
    if (c.minAge !== null && c.maxAge !== null) {
      return c.minAge === c.maxAge
        ? { en: `are ${c.minAge} years old`, zhCN: `年龄为${c.minAge}岁` }
        : { en: `are ${c.minAge} to ${c.maxAge} years old`, zhCN: `年龄在${c.minAge}至${c.maxAge}岁之间` };
    }
    return c.minAge !== null
      ? { en: `are at least ${c.minAge} years old`, zhCN: `年龄不小于${c.minAge}岁` }
      : { en: `are at most ${c.maxAge} years old`, zhCN: `年龄不大于${c.maxAge}岁` };
  },

  holds(c, facts, now) {
    if (facts.birthday === null) {
      return false;
    }
    const age = ageOn(facts.birthday, now);
    return (c.minAge === null || age >= c.minAge) && (c.maxAge === null || age <= c.maxAge);
  },

  sql(c, _range, now) {
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
  },

  gap: (c, facts, now) => profileGap(ageRange.holds(c, facts, now)),
  windowDays: () => 0,
  categories: () => [],
};
