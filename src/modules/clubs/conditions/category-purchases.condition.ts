import { ApiProperty } from '@nestjs/swagger';
import {
  ClubConditionKind,
  codeNames,
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

/** Bought in one of the categories at least minPurchases times (receipts, not lines) in the last `days` days. */
export interface CategoryPurchasesCondition {
  type: 'categoryPurchases';
  categories: string[];
  minPurchases: number;
  days: number;
}

export class CategoryPurchasesConditionModel {
  @ApiProperty({ enum: ['categoryPurchases'], example: 'categoryPurchases' })
  type: 'categoryPurchases';
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: RULE_LIMITS.categories,
    example: ['baby', 'toddler'],
    description: 'Category codes (lower-cased).',
  })
  categories: string[];
  @ApiProperty({ type: 'integer', minimum: 1, maximum: RULE_LIMITS.maxPurchases, example: 3, description: 'Receipts, not lines.' })
  minPurchases: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: RULE_LIMITS.maxDays, example: 90 })
  days: number;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const dayWord = (n: number) => (n === 1 ? 'day' : `${n} days`);

/** Receipts of the window with at least one line of the categories not wholly refunded. */
function count(c: CategoryPurchasesCondition, facts: MemberFacts, now: Date): number {
  const cats = new Set(c.categories);
  return facts.purchases.filter(
    (p) => inWindow(p, now, c.days) && p.lines.some((l) => cats.has(l.category.toLowerCase()) && l.refundedQuantityMilli < l.quantityMilli),
  ).length;
}

export const categoryPurchases: ClubConditionKind<CategoryPurchasesCondition> = {
  type: 'categoryPurchases',
  fields: ['type', 'categories', 'minPurchases', 'days'],
  schema: CategoryPurchasesConditionModel,

  validate(raw, path, fail) {
    const cats = stringList(raw.categories, `${path}.categories`, RULE_LIMITS.categories, RULE_LIMITS.categoryLength, fail, (s) =>
      s.toLowerCase(),
    );
    if (!isInt(raw.minPurchases, 1, RULE_LIMITS.maxPurchases)) {
      fail(`${path}.minPurchases`, `must be a whole number from 1 to ${RULE_LIMITS.maxPurchases}`);
    }
    if (!isInt(raw.days, 1, RULE_LIMITS.maxDays)) {
      fail(`${path}.days`, `must be a whole number of days from 1 to ${RULE_LIMITS.maxDays}`);
    }
    return cats && { type: 'categoryPurchases', categories: cats, minPurchases: raw.minPurchases as number, days: raw.days as number };
  },

  describe: (c, names = codeNames) => {
    const named = c.categories.map(names);
    return {
      en: `bought in ${listEn(named.map((n) => n.en))} at least ${times(c.minPurchases)} in the last ${dayWord(c.days)}`,
      zhCN: `近${c.days}天内在「${named.map((n) => n.zhCN).join('、')}」品类购买至少${c.minPurchases}次`,
    };
  },

  holds: (c, facts, now) => count(c, facts, now) >= c.minPurchases,

  sql(c, range, now) {
    const r = rangeOf('p.member_id', range);
    return {
      sql:
        `m.id IN (SELECT p.member_id FROM purchases p WHERE ${r.sql} AND p.occurred_at >= ? AND p.occurred_at <= ?` +
        ` AND EXISTS (SELECT 1 FROM purchase_lines l WHERE l.purchase_id = p.id AND l.category IN (${placeholders(c.categories.length)})` +
        ` AND l.refunded_quantity_milli < l.quantity_milli) GROUP BY p.member_id HAVING COUNT(*) >= ?)`,
      params: [...r.params, windowStart(now, c.days), now, ...c.categories, c.minPurchases],
    };
  },

  gap: (c, facts, now) => thresholdGap('purchases', c.minPurchases, count(c, facts, now)),
  windowDays: (c) => c.days,
  categories: (c) => c.categories,
};
