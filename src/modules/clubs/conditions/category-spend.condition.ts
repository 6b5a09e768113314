import { ApiProperty } from '@nestjs/swagger';
import {
  ClubConditionKind,
  codeNames,
  formatYuan,
  inWindow,
  isInt,
  listEn,
  MemberFacts,
  placeholders,
  rangeOf,
  RULE_LIMITS,
  stringList,
  thresholdGap,
  windowStart,
} from './club-condition';

/** Spent at least minSpendCents (net of refunds) in the categories in the last `days` days. */
export interface CategorySpendCondition {
  type: 'categorySpend';
  categories: string[];
  minSpendCents: number;
  days: number;
}

export class CategorySpendConditionModel {
  @ApiProperty({ enum: ['categorySpend'], example: 'categorySpend' })
  type: 'categorySpend';
  @ApiProperty({ type: [String], minItems: 1, maxItems: RULE_LIMITS.categories, example: ['wine'], description: 'Category codes.' })
  categories: string[];
  @ApiProperty({ type: 'integer', minimum: 1, maximum: RULE_LIMITS.maxSpendCents, example: 50000, description: 'Net of refunds.' })
  minSpendCents: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: RULE_LIMITS.maxDays, example: 30 })
  days: number;
}

const dayWord = (n: number) => (n === 1 ? 'day' : `${n} days`);

/** Amount of the window's lines in the categories, net of refunds. */
function spent(c: CategorySpendCondition, facts: MemberFacts, now: Date): number {
  const cats = new Set(c.categories);
  let total = 0;
  for (const p of facts.purchases) {
    if (inWindow(p, now, c.days)) {
      for (const l of p.lines) {
        if (cats.has(l.category.toLowerCase())) {
          total += l.amountCents - l.refundedCents;
        }
      }
    }
  }
  return total;
}

export const categorySpend: ClubConditionKind<CategorySpendCondition> = {
  type: 'categorySpend',
  fields: ['type', 'categories', 'minSpendCents', 'days'],
  schema: CategorySpendConditionModel,

  validate(raw, path, fail) {
    const cats = stringList(raw.categories, `${path}.categories`, RULE_LIMITS.categories, RULE_LIMITS.categoryLength, fail, (s) =>
      s.toLowerCase(),
    );
    if (!isInt(raw.minSpendCents, 1, RULE_LIMITS.maxSpendCents)) {
      fail(`${path}.minSpendCents`, `must be a whole number of cents from 1 to ${RULE_LIMITS.maxSpendCents}`);
    }
    if (!isInt(raw.days, 1, RULE_LIMITS.maxDays)) {
      fail(`${path}.days`, `must be a whole number of days from 1 to ${RULE_LIMITS.maxDays}`);
    }
    return cats && { type: 'categorySpend', categories: cats, minSpendCents: raw.minSpendCents as number, days: raw.days as number };
  },

  describe: (c, names = codeNames) => {
    const named = c.categories.map(names);
    return {
      en: `spent at least ${formatYuan(c.minSpendCents)} in ${listEn(named.map((n) => n.en))} in the last ${dayWord(c.days)}`,
      zhCN: `近${c.days}天内在「${named.map((n) => n.zhCN).join('、')}」品类消费至少${formatYuan(c.minSpendCents)}`,
    };
  },

  holds: (c, facts, now) => spent(c, facts, now) >= c.minSpendCents,

  sql(c, range, now) {
    const r = rangeOf('p.member_id', range);
    return {
      sql:
        `m.id IN (SELECT p.member_id FROM purchases p JOIN purchase_lines l ON l.purchase_id = p.id` +
        ` WHERE ${r.sql} AND p.occurred_at >= ? AND p.occurred_at <= ? AND l.category IN (${placeholders(c.categories.length)})` +
        ` GROUP BY p.member_id HAVING SUM(l.amount_cents - l.refunded_cents) >= ?)`,
      params: [...r.params, windowStart(now, c.days), now, ...c.categories, c.minSpendCents],
    };
  },

  gap: (c, facts, now) => thresholdGap('cents', c.minSpendCents, spent(c, facts, now)),
  windowDays: (c) => c.days,
  categories: (c) => c.categories,
};
