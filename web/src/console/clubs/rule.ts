import { formatMoney } from '../../shared/format';
import type { Lang } from '../../shared/i18n';

/** The rule of an automatic club, as POST clubs and clubs/rules/explain take it (src/modules/clubs/rules/club-rule.ts). */
export type Gender = 'female' | 'male' | 'other' | 'undisclosed';
export type ClubCondition =
  | { type: 'categoryPurchases'; categories: string[]; minPurchases: number; days: number }
  | { type: 'categorySpend'; categories: string[]; minSpendCents: number; days: number }
  | { type: 'birthdayMonth'; months: number[] }
  | { type: 'city'; cities: string[] }
  | { type: 'ageRange'; minAge: number | null; maxAge: number | null }
  | { type: 'gender'; genders: Gender[] };
export type ConditionType = ClubCondition['type'];
export type ClubRule = {
  combine: 'all' | 'any';
  conditions: ClubCondition[];
};

export const CONDITION_TYPES: ConditionType[] = ['categoryPurchases', 'categorySpend', 'birthdayMonth', 'city', 'ageRange', 'gender'];

/** A new condition of a type, with values a marketer would start from. */
export function blankCondition(type: ConditionType): ClubCondition {
  switch (type) {
    case 'categoryPurchases':
      return { type, categories: [], minPurchases: 1, days: 90 };
    case 'categorySpend':
      return { type, categories: [], minSpendCents: 100_00, days: 90 };
    case 'birthdayMonth':
      return { type, months: [] };
    case 'city':
      return { type, cities: [] };
    case 'ageRange':
      return { type, minAge: null, maxAge: null };
    case 'gender':
      return { type, genders: [] };
  }
}

/** What is missing before the rule can be sent (the server checks again and names each field). */
export function incompleteConditions(rule: ClubRule): number[] {
  return rule.conditions.flatMap((c, i) => {
    switch (c.type) {
      case 'categoryPurchases':
      case 'categorySpend':
        return c.categories.length === 0 ? [i] : [];
      case 'birthdayMonth':
        return c.months.length === 0 ? [i] : [];
      case 'city':
        return c.cities.length === 0 ? [i] : [];
      case 'ageRange':
        return c.minAge === null && c.maxAge === null ? [i] : [];
      case 'gender':
        return c.genders.length === 0 ? [i] : [];
    }
  });
}

const list = (items: string[], lang: Lang) =>
  lang === 'zh-CN'
    ? items.join('、')
    : items.length <= 1
      ? items.join('')
      : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

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
const GENDER_WORDS: Record<Gender, [string, string]> = {
  female: ['female', '女'],
  male: ['male', '男'],
  other: ['other', '其他'],
  undisclosed: ['undisclosed', '未透露'],
};

/** One condition in words, as the rule builder shows it while the marketer types. */
export function conditionInWords(c: ClubCondition, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (c.type) {
    case 'categoryPurchases':
      return zh
        ? `近${c.days}天内在「${list(c.categories, lang)}」品类购买至少${c.minPurchases}次`
        : `bought in ${list(c.categories, lang)} at least ${c.minPurchases} ${c.minPurchases === 1 ? 'time' : 'times'} in the last ${c.days} days`;
    case 'categorySpend':
      return zh
        ? `近${c.days}天内在「${list(c.categories, lang)}」品类消费至少${formatMoney(c.minSpendCents, lang)}`
        : `spent at least ${formatMoney(c.minSpendCents, lang)} in ${list(c.categories, lang)} in the last ${c.days} days`;
    case 'birthdayMonth': {
      const months = [...c.months].sort((a, b) => a - b);
      return zh
        ? `生日在${months.map((m) => `${m}月`).join('、')}`
        : `have their birthday in ${list(
            months.map((m) => MONTHS_EN[m - 1]),
            lang,
          )}`;
    }
    case 'city':
      return zh ? `所在城市为${list(c.cities, lang)}` : `live in ${list(c.cities, lang)}`;
    case 'ageRange':
      if (c.minAge !== null && c.maxAge !== null) {
        return zh ? `年龄在${c.minAge}至${c.maxAge}岁之间` : `are ${c.minAge} to ${c.maxAge} years old`;
      }
      if (c.minAge !== null) {
        return zh ? `年龄至少${c.minAge}岁` : `are at least ${c.minAge} years old`;
      }
      return zh ? `年龄不超过${c.maxAge ?? 0}岁` : `are at most ${c.maxAge ?? 0} years old`;
    case 'gender': {
      const words = c.genders.map((g) => GENDER_WORDS[g][zh ? 1 : 0]);
      return zh ? `性别为${words.join('或')}` : `are ${list(words, lang)}`;
    }
  }
}

/** The whole rule in one sentence: "Members who … and …" / 「同时满足以下条件的会员：…」. */
export function ruleInWords(rule: ClubRule, lang: Lang): string {
  const parts = rule.conditions.map((c) => conditionInWords(c, lang));
  if (parts.length === 0) {
    return lang === 'zh-CN' ? '尚未设置条件' : 'No condition yet';
  }
  if (lang === 'zh-CN') {
    const head = parts.length === 1 ? '满足以下条件的会员' : rule.combine === 'all' ? '同时满足以下条件的会员' : '满足以下任一条件的会员';
    return `${head}：${parts.join('；')}。`;
  }
  const joiner = rule.combine === 'all' ? ' and ' : ' or ';
  return `Members who ${parts.join(joiner)}.`;
}
