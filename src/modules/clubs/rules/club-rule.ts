/**
 * Rules of automatic clubs: pure functions, no I/O. A rule is a list of
 * conditions over purchase behaviour and the profile, combined with all or
 * any. It is validated here, explained in plain words (en, zh-CN), and
 * evaluated for one member (the incremental check after a purchase).
 * club-rule-sql.ts turns the same rule into SQL for set-based regroups; the
 * two must agree (club-rule-sql.spec.ts and the medium test check it).
 */

import { ErrorDetail } from '../../../common/errors/domain-error';

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export type ClubCondition =
  /** Bought in one of the categories at least minPurchases times (receipts, not lines) in the last `days` days. */
  | { type: 'categoryPurchases'; categories: string[]; minPurchases: number; days: number }
  /** Spent at least minSpendCents (net of refunds) in the categories in the last `days` days. */
  | { type: 'categorySpend'; categories: string[]; minSpendCents: number; days: number }
  | { type: 'birthdayMonth'; months: number[] }
  | { type: 'city'; cities: string[] }
  /** Age in full years today; either bound may be null (open). */
  | { type: 'ageRange'; minAge: number | null; maxAge: number | null }
  | { type: 'gender'; genders: Gender[] };

export type ConditionType = ClubCondition['type'];

export interface ClubRule {
  combine: 'all' | 'any';
  conditions: ClubCondition[];
}

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

const CONDITION_KEYS: Record<ConditionType, string[]> = {
  categoryPurchases: ['type', 'categories', 'minPurchases', 'days'],
  categorySpend: ['type', 'categories', 'minSpendCents', 'days'],
  birthdayMonth: ['type', 'months'],
  city: ['type', 'cities'],
  ageRange: ['type', 'minAge', 'maxAge'],
  gender: ['type', 'genders'],
};

export type RuleValidation = { ok: true; rule: ClubRule } | { ok: false; errors: ErrorDetail[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * Checks a rule as sent by a client and returns it normalised (categories
 * lower-cased and trimmed, lists de-duplicated and sorted) or every problem,
 * each with its field path (rule.conditions[1].days).
 */
export function validateClubRule(input: unknown, path = 'rule'): RuleValidation {
  const errors: ErrorDetail[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  if (!isObject(input)) {
    return { ok: false, errors: [{ field: path, message: 'must be an object with combine and conditions' }] };
  }
  for (const key of Object.keys(input)) {
    if (key !== 'combine' && key !== 'conditions') {
      err(`${path}.${key}`, 'is not a rule field');
    }
  }
  if (input.combine !== 'all' && input.combine !== 'any') {
    err(`${path}.combine`, 'must be all or any');
  }
  const conditions: ClubCondition[] = [];
  if (!Array.isArray(input.conditions) || input.conditions.length === 0 || input.conditions.length > RULE_LIMITS.conditions) {
    err(`${path}.conditions`, `must be a list of 1 to ${RULE_LIMITS.conditions} conditions`);
  } else {
    input.conditions.forEach((raw: unknown, i: number) => {
      const c = validateCondition(raw, `${path}.conditions[${i}]`, err);
      if (c) {
        conditions.push(c);
      }
    });
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, rule: { combine: input.combine as 'all' | 'any', conditions } };
}

function stringList(
  value: unknown,
  field: string,
  max: number,
  maxLength: number,
  err: (f: string, m: string) => void,
  normalise: (s: string) => string,
): string[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > max) {
    err(field, `must be a list of 1 to ${max} names`);
    return null;
  }
  const out = new Set<string>();
  for (const [i, v] of value.entries()) {
    if (typeof v !== 'string' || v.trim().length === 0 || [...v.trim()].length > maxLength || /[\p{Cc}\p{Cf}]/u.test(v)) {
      err(`${field}[${i}]`, `must be a name of 1 to ${maxLength} characters`);
      return null;
    }
    out.add(normalise(v.trim()));
  }
  return [...out].sort();
}

function validateCondition(raw: unknown, path: string, err: (f: string, m: string) => void): ClubCondition | null {
  if (!isObject(raw)) {
    err(path, 'must be an object');
    return null;
  }
  const type = raw.type as ConditionType;
  if (typeof type !== 'string' || !(type in CONDITION_KEYS)) {
    err(`${path}.type`, `must be one of ${Object.keys(CONDITION_KEYS).join(', ')}`);
    return null;
  }
  const before = { failed: false };
  const unknown = Object.keys(raw).filter((k) => !CONDITION_KEYS[type].includes(k));
  for (const k of unknown) {
    err(`${path}.${k}`, `is not a field of a ${type} condition`);
    before.failed = true;
  }
  const fail = (f: string, m: string) => {
    err(f, m);
    before.failed = true;
  };
  const days = () => {
    if (!isInt(raw.days, 1, RULE_LIMITS.maxDays)) {
      fail(`${path}.days`, `must be a whole number of days from 1 to ${RULE_LIMITS.maxDays}`);
    }
    return raw.days as number;
  };
  const categories = () =>
    stringList(raw.categories, `${path}.categories`, RULE_LIMITS.categories, RULE_LIMITS.categoryLength, fail, (s) => s.toLowerCase());
  let condition: ClubCondition | null = null;
  switch (type) {
    case 'categoryPurchases': {
      const cats = categories();
      if (!isInt(raw.minPurchases, 1, RULE_LIMITS.maxPurchases)) {
        fail(`${path}.minPurchases`, `must be a whole number from 1 to ${RULE_LIMITS.maxPurchases}`);
      }
      const d = days();
      condition = cats && { type, categories: cats, minPurchases: raw.minPurchases as number, days: d };
      break;
    }
    case 'categorySpend': {
      const cats = categories();
      if (!isInt(raw.minSpendCents, 1, RULE_LIMITS.maxSpendCents)) {
        fail(`${path}.minSpendCents`, `must be a whole number of cents from 1 to ${RULE_LIMITS.maxSpendCents}`);
      }
      const d = days();
      condition = cats && { type, categories: cats, minSpendCents: raw.minSpendCents as number, days: d };
      break;
    }
    case 'birthdayMonth': {
      const months = raw.months;
      if (!Array.isArray(months) || months.length === 0 || months.length > 12 || !months.every((m) => isInt(m, 1, 12))) {
        fail(`${path}.months`, 'must be a list of months from 1 (January) to 12 (December)');
      } else {
        condition = { type, months: [...new Set(months)].sort((a, b) => a - b) };
      }
      break;
    }
    case 'city': {
      const cities = stringList(raw.cities, `${path}.cities`, RULE_LIMITS.cities, RULE_LIMITS.cityLength, fail, (s) => s);
      condition = cities && { type, cities };
      break;
    }
    case 'ageRange': {
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
      condition = { type, minAge: minAge as number | null, maxAge: maxAge as number | null };
      break;
    }
    case 'gender': {
      const genders = raw.genders;
      if (
        !Array.isArray(genders) ||
        genders.length === 0 ||
        !genders.every((g) => typeof g === 'string' && (GENDERS as readonly string[]).includes(g))
      ) {
        fail(`${path}.genders`, `must be a list of ${GENDERS.join(', ')}`);
      } else {
        condition = { type, genders: [...new Set(genders as Gender[])].sort() };
      }
      break;
    }
    default: {
      const unmapped: never = type;
      throw new Error(`Unknown condition ${String(unmapped)}`);
    }
  }
  return before.failed ? null : condition;
}

/** The largest window in days of the rule's purchase conditions (0: the rule reads only the profile). */
export function ruleWindowDays(rule: ClubRule): number {
  return rule.conditions.reduce((max, c) => ('days' in c ? Math.max(max, c.days) : max), 0);
}

/** Every category the rule's purchase conditions name. */
export function ruleCategories(rule: ClubRule): string[] {
  const out = new Set<string>();
  for (const c of rule.conditions) {
    if ('categories' in c) {
      c.categories.forEach((cat) => out.add(cat));
    }
  }
  return [...out].sort();
}

// ---------- plain words ----------

export interface RuleText {
  en: string;
  zhCN: string;
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
const GENDER_EN: Record<Gender, string> = {
  female: 'female',
  male: 'male',
  other: 'of another gender',
  undisclosed: 'of undisclosed gender',
};
const GENDER_ZH: Record<Gender, string> = { female: '女', male: '男', other: '其他', undisclosed: '未透露' };

/** "a, b or c" */
function listEn(items: string[], last = 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

export function formatYuan(cents: number): string {
  const yuan = Math.floor(cents / 100);
  const fen = cents % 100;
  return `¥${yuan.toLocaleString('en-US')}${fen === 0 ? '' : `.${String(fen).padStart(2, '0')}`}`;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const dayWord = (n: number) => (n === 1 ? 'day' : `${n} days`);

function conditionEn(c: ClubCondition): string {
  switch (c.type) {
    case 'categoryPurchases':
      return `bought in ${listEn(c.categories)} at least ${times(c.minPurchases)} in the last ${dayWord(c.days)}`;
    case 'categorySpend':
      return `spent at least ${formatYuan(c.minSpendCents)} in ${listEn(c.categories)} in the last ${dayWord(c.days)}`;
    case 'birthdayMonth':
      return `have their birthday in ${listEn(c.months.map((m) => MONTHS_EN[m - 1]))}`;
    case 'city':
      return `live in ${listEn(c.cities)}`;
    case 'ageRange':
      if (c.minAge !== null && c.maxAge !== null) {
        return c.minAge === c.maxAge ? `are ${c.minAge} years old` : `are ${c.minAge} to ${c.maxAge} years old`;
      }
      return c.minAge !== null ? `are at least ${c.minAge} years old` : `are at most ${c.maxAge} years old`;
    case 'gender':
      return `are ${listEn(c.genders.map((g) => GENDER_EN[g]))}`;
    default: {
      const unmapped: never = c;
      throw new Error(`Unknown condition ${JSON.stringify(unmapped)}`);
    }
  }
}

function conditionZh(c: ClubCondition): string {
  const cats = (list: string[]) => `「${list.join('、')}」`;
  switch (c.type) {
    case 'categoryPurchases':
      return `近${c.days}天内在${cats(c.categories)}品类购买至少${c.minPurchases}次`;
    case 'categorySpend':
      return `近${c.days}天内在${cats(c.categories)}品类消费至少${formatYuan(c.minSpendCents)}`;
    case 'birthdayMonth':
      return `生日在${c.months.map((m) => `${m}月`).join('或')}`;
    case 'city':
      return `所在城市为${c.cities.join('或')}`;
    case 'ageRange':
      if (c.minAge !== null && c.maxAge !== null) {
        return c.minAge === c.maxAge ? `年龄为${c.minAge}岁` : `年龄在${c.minAge}至${c.maxAge}岁之间`;
      }
      return c.minAge !== null ? `年龄不小于${c.minAge}岁` : `年龄不大于${c.maxAge}岁`;
    case 'gender':
      return `性别为${c.genders.map((g) => GENDER_ZH[g]).join('或')}`;
    default: {
      const unmapped: never = c;
      throw new Error(`Unknown condition ${JSON.stringify(unmapped)}`);
    }
  }
}

/** The rule in plain words, e.g. "Members who bought in baby or toddler at least 3 times in the last 90 days." */
export function explainClubRule(rule: ClubRule): RuleText {
  const en = rule.conditions.map(conditionEn);
  const zh = rule.conditions.map(conditionZh);
  if (rule.conditions.length === 1) {
    return { en: `Members who ${en[0]}.`, zhCN: `${zh[0]}的会员。` };
  }
  if (rule.combine === 'all') {
    return { en: `Members who ${listEn(en, 'and')}.`, zhCN: `同时满足以下条件的会员：${zh.join('；')}。` };
  }
  return { en: `Members who ${listEn(en, 'or')}.`, zhCN: `满足以下任一条件的会员：${zh.join('；')}。` };
}

// ---------- evaluation ----------

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

/** Age in full years on the UTC date of `now` (as MySQL's TIMESTAMPDIFF(YEAR, birthday, date)). */
export function ageOn(birthday: string, now: Date): number {
  const [y, m, d] = birthday.split('-').map(Number);
  const ny = now.getUTCFullYear();
  const nm = now.getUTCMonth() + 1;
  const nd = now.getUTCDate();
  return ny - y - (nm < m || (nm === m && nd < d) ? 1 : 0);
}

/** The start of a `days`-day window ending now (inclusive), as the SQL uses it. */
export function windowStart(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

function inWindow(p: PurchaseFact, now: Date, days: number): boolean {
  return p.occurredAt.getTime() >= windowStart(now, days).getTime() && p.occurredAt.getTime() <= now.getTime();
}

export function conditionHolds(c: ClubCondition, facts: MemberFacts, now: Date): boolean {
  switch (c.type) {
    case 'categoryPurchases': {
      const cats = new Set(c.categories);
      const count = facts.purchases.filter(
        (p) =>
          inWindow(p, now, c.days) && p.lines.some((l) => cats.has(l.category.toLowerCase()) && l.refundedQuantityMilli < l.quantityMilli),
      ).length;
      return count >= c.minPurchases;
    }
    case 'categorySpend': {
      const cats = new Set(c.categories);
      let spent = 0;
      for (const p of facts.purchases) {
        if (inWindow(p, now, c.days)) {
          for (const l of p.lines) {
            if (cats.has(l.category.toLowerCase())) {
              spent += l.amountCents - l.refundedCents;
            }
          }
        }
      }
      return spent >= c.minSpendCents;
    }
    case 'birthdayMonth':
      return facts.birthday !== null && c.months.includes(Number(facts.birthday.slice(5, 7)));
    case 'city': {
      const city = facts.city?.trim().toLowerCase();
      return city !== undefined && c.cities.some((x) => x.toLowerCase() === city);
    }
    case 'ageRange': {
      if (facts.birthday === null) {
        return false;
      }
      const age = ageOn(facts.birthday, now);
      return (c.minAge === null || age >= c.minAge) && (c.maxAge === null || age <= c.maxAge);
    }
    case 'gender':
      return facts.gender !== null && (c.genders as string[]).includes(facts.gender);
    default: {
      const unmapped: never = c;
      throw new Error(`Unknown condition ${JSON.stringify(unmapped)}`);
    }
  }
}

/** Whether the member matches the rule now, and which conditions held. */
export function evaluateClubRule(rule: ClubRule, facts: MemberFacts, now: Date): { matches: boolean; held: boolean[] } {
  const held = rule.conditions.map((c) => conditionHolds(c, facts, now));
  return { matches: rule.combine === 'all' ? held.every(Boolean) : held.some(Boolean), held };
}
