/**
 * The family of club conditions: what one kind of condition must say about
 * itself. Each kind lives in its own file (`*.condition.ts`) beside its spec
 * and is listed once in club-conditions.registry.ts; every switch over kinds
 * goes through the registry. Pure: no I/O.
 *
 * A kind must agree with itself: `holds` (one member, in TypeScript, the
 * incremental check after a purchase) and `sql` (a range of members, the
 * set-based regroup) select the same members (test/medium/club-conditions.spec.ts
 * proves it over random populations).
 */

/** Plain words in both languages of the console and the member page. */
export interface RuleText {
  en: string;
  zhCN: string;
}

/** A category's names by its code (the catalog's; a code it lacks is said as the code). */
export type CategoryNaming = (code: string) => RuleText;

/** Categories said by their codes (no catalog at hand). */
export const codeNames: CategoryNaming = (code) => ({ en: code, zhCN: code });

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** A member-id range: fromId inclusive ('' for the first), toId exclusive (null for the last). */
export interface IdRange {
  fromId: string;
  toId: string | null;
}

export interface PurchaseFact {
  occurredAt: Date;
  lines: Array<{ category: string; quantityMilli: number; refundedQuantityMilli: number; amountCents: number; refundedCents: number }>;
}

/** What a rule reads about one member: the profile and the purchases of the rule's window (more do no harm). */
export interface MemberFacts {
  /** YYYY-MM-DD */
  birthday: string | null;
  city: string | null;
  gender: string | null;
  purchases: PurchaseFact[];
}

/**
 * How far a member is from meeting one condition. For a threshold (a count,
 * an amount) required/current/missing are numbers in `unit`; for a profile
 * condition they are null and only `met` says it.
 */
export interface ConditionGap {
  met: boolean;
  unit: 'purchases' | 'cents' | null;
  required: number | null;
  current: number | null;
  /** Still missing (0 when met); null for a profile condition. */
  missing: number | null;
}

/** Records a problem with a field of the condition (its path, e.g. rule.conditions[1].days). */
export type Fail = (field: string, message: string) => void;

/** The narrowing of the union to one kind. */
export type ConditionShape = { type: string };

export interface ClubConditionKind<C extends ConditionShape> {
  type: C['type'];
  /** Every field of a condition of this kind, `type` included: others are refused. */
  fields: readonly (keyof C & string)[];
  /**
   * Checks the fields as a client sent them (unknown fields already refused)
   * and answers the condition normalised, or null after calling `fail` for
   * each problem.
   */
  validate(raw: Record<string, unknown>, path: string, fail: Fail): C | null;
  /**
   * The condition in words: en to follow "Members who …", zh-CN to precede "…的会员"; categories by their catalog
   * names (`names`; without it, by their codes).
   */
  describe(c: C, names?: CategoryNaming): RuleText;
  /** Whether one member meets the condition at `now`. */
  holds(c: C, facts: MemberFacts, now: Date): boolean;
  /** The same test over members `m` of the range, as a boolean SQL expression (MySQL 8 and MariaDB 10.11). */
  sql(c: C, range: IdRange, now: Date): SqlFragment;
  /** What is still missing for the member to meet it. */
  gap(c: C, facts: MemberFacts, now: Date): ConditionGap;
  /** The purchase window it reads, in days (0: the profile only). */
  windowDays(c: C): number;
  /** The categories it reads (none for a profile condition). */
  categories(c: C): string[];
  /** The OpenAPI model of the condition (a class with @ApiProperty fields, `type` among them). */
  schema: abstract new () => unknown;
}

// ---------- helpers shared by the kinds ----------

export const RULE_LIMITS = {
  conditions: 10,
  categories: 20,
  categoryLength: 64,
  cities: 50,
  cityLength: 100,
  maxDays: 730,
  maxPurchases: 1000,
  maxSpendCents: 100_000_000_000,
  maxAge: 130,
} as const;

export const isObjectRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isInt = (v: unknown, min: number, max: number): v is number =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

/** A list of 1..max names, trimmed, normalised, de-duplicated and sorted; null after `fail`. */
export function stringList(
  value: unknown,
  field: string,
  max: number,
  maxLength: number,
  fail: Fail,
  normalise: (s: string) => string,
): string[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > max) {
    fail(field, `must be a list of 1 to ${max} names`);
    return null;
  }
  const out = new Set<string>();
  for (const [i, v] of value.entries()) {
    if (typeof v !== 'string' || v.trim().length === 0 || [...v.trim()].length > maxLength || /[\p{Cc}\p{Cf}]/u.test(v)) {
      fail(`${field}[${i}]`, `must be a name of 1 to ${maxLength} characters`);
      return null;
    }
    out.add(normalise(v.trim()));
  }
  return [...out].sort();
}

/** "a, b or c" */
export function listEn(items: string[], last = 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

export function formatYuan(cents: number): string {
  const yuan = Math.floor(cents / 100);
  const fen = cents % 100;
  return `¥${yuan.toLocaleString('en-US')}${fen === 0 ? '' : `.${String(fen).padStart(2, '0')}`}`;
}

export const placeholders = (n: number) => new Array<string>(n).fill('?').join(', ');

export function rangeOf(column: string, range: IdRange): SqlFragment {
  return range.toId === null
    ? { sql: `${column} >= ?`, params: [range.fromId] }
    : { sql: `${column} >= ? AND ${column} < ?`, params: [range.fromId, range.toId] };
}

/** The start of a `days`-day window ending now (inclusive), as the SQL uses it. */
export function windowStart(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

export function inWindow(p: PurchaseFact, now: Date, days: number): boolean {
  return p.occurredAt.getTime() >= windowStart(now, days).getTime() && p.occurredAt.getTime() <= now.getTime();
}

/** A profile condition's gap: met or not, nothing to count. */
export const profileGap = (met: boolean): ConditionGap => ({ met, unit: null, required: null, current: null, missing: null });

/** A threshold condition's gap. */
export const thresholdGap = (unit: 'purchases' | 'cents', required: number, current: number): ConditionGap => ({
  met: current >= required,
  unit,
  required,
  current,
  missing: Math.max(0, required - current),
});
