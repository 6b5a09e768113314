import { ApiProperty } from '@nestjs/swagger';
import { ClubConditionKind, isInt, listEn, placeholders, profileGap } from './club-condition';

/** Has the birthday in one of the months (1 = January). */
export interface BirthdayMonthCondition {
  type: 'birthdayMonth';
  months: number[];
}

export class BirthdayMonthConditionModel {
  @ApiProperty({ enum: ['birthdayMonth'], example: 'birthdayMonth' })
  type: 'birthdayMonth';
  @ApiProperty({ type: 'array', items: { type: 'integer', minimum: 1, maximum: 12 }, minItems: 1, maxItems: 12, example: [1, 12] })
  months: number[];
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const birthdayMonth: ClubConditionKind<BirthdayMonthCondition> = {
  type: 'birthdayMonth',
  fields: ['type', 'months'],
  schema: BirthdayMonthConditionModel,

  validate(raw, path, fail) {
    const months = raw.months;
    if (!Array.isArray(months) || months.length === 0 || months.length > 12 || !months.every((m) => isInt(m, 1, 12))) {
      fail(`${path}.months`, 'must be a list of months from 1 (January) to 12 (December)');
      return null;
    }
    return { type: 'birthdayMonth', months: [...new Set(months)].sort((a, b) => a - b) };
  },

  describe: (c) => ({
    en: `have their birthday in ${listEn(c.months.map((m) => MONTHS_EN[m - 1]))}`,
    zhCN: `生日在${c.months.map((m) => `${m}月`).join('或')}`,
  }),

  holds: (c, facts) => facts.birthday !== null && c.months.includes(Number(facts.birthday.slice(5, 7))),
  sql: (c) => ({ sql: `MONTH(m.birthday) IN (${placeholders(c.months.length)})`, params: [...c.months] }),
  gap: (c, facts, now) => profileGap(birthdayMonth.holds(c, facts, now)),
  windowDays: () => 0,
  categories: () => [],
};
