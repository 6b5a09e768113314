import { describe, expect, it } from 'vitest';
import { blankCondition, incompleteConditions, ruleInWords, type ClubRule } from './rule';

describe('club rule builder: the rule in words', () => {
  const baby: ClubRule = {
    combine: 'all',
    conditions: [
      { type: 'categoryPurchases', categories: ['baby', 'toddler'], minPurchases: 3, days: 90 },
      { type: 'city', cities: ['Shanghai'] },
    ],
  };

  it('says an all-rule with and, in English and in Chinese', () => {
    expect(ruleInWords(baby, 'en')).toBe(
      'Members who bought in baby or toddler at least 3 times in the last 90 days and live in Shanghai.',
    );
    expect(ruleInWords(baby, 'zh-CN')).toBe('同时满足以下条件的会员：近90天内在「baby、toddler」品类购买至少3次；所在城市为Shanghai。');
  });

  it('says an any-rule with or, money in yuan, months by name and one purchase in the singular', () => {
    const rule: ClubRule = {
      combine: 'any',
      conditions: [
        { type: 'categorySpend', categories: ['wine'], minSpendCents: 50_000, days: 365 },
        { type: 'birthdayMonth', months: [12, 1] },
        { type: 'categoryPurchases', categories: ['tea'], minPurchases: 1, days: 30 },
      ],
    };
    expect(ruleInWords(rule, 'en')).toBe(
      'Members who spent at least ¥500.00 in wine in the last 365 days or have their birthday in January or December or bought in tea at least 1 time in the last 30 days.',
    );
    expect(ruleInWords(rule, 'zh-CN')).toBe(
      '满足以下任一条件的会员：近365天内在「wine」品类消费至少¥500.00；生日在1月、12月；近30天内在「tea」品类购买至少1次。',
    );
  });

  it('says open-ended age ranges and genders', () => {
    expect(ruleInWords({ combine: 'all', conditions: [{ type: 'ageRange', minAge: 18, maxAge: null }] }, 'en')).toBe(
      'Members who are at least 18 years old.',
    );
    expect(ruleInWords({ combine: 'all', conditions: [{ type: 'ageRange', minAge: 25, maxAge: 35 }] }, 'zh-CN')).toBe(
      '满足以下条件的会员：年龄在25至35岁之间。',
    );
    expect(ruleInWords({ combine: 'all', conditions: [{ type: 'gender', genders: ['female', 'other'] }] }, 'en')).toBe(
      'Members who are female or other.',
    );
  });

  it('names the conditions still missing a value, and says when there is no condition', () => {
    const rule: ClubRule = {
      combine: 'all',
      conditions: [blankCondition('city'), { type: 'city', cities: ['Beijing'] }, blankCondition('ageRange')],
    };
    expect(incompleteConditions(rule)).toEqual([0, 2]);
    expect(ruleInWords({ combine: 'all', conditions: [] }, 'en')).toBe('No condition yet');
  });
});
