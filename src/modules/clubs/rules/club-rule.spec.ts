import { ageOn, ClubRule, evaluateClubRule, explainClubRule, formatYuan, MemberFacts, validateClubRule } from './club-rule';

const NOW = new Date('2026-05-15T10:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const line = (category: string, amountCents: number, refunded = false) => ({
  category,
  quantityMilli: 1000,
  refundedQuantityMilli: refunded ? 1000 : 0,
  amountCents,
  refundedCents: refunded ? amountCents : 0,
});
const facts = (over: Partial<MemberFacts> = {}): MemberFacts => ({ birthday: null, city: null, gender: null, purchases: [], ...over });

const BABY: ClubRule = {
  combine: 'all',
  conditions: [{ type: 'categoryPurchases', categories: ['baby', 'toddler'], minPurchases: 3, days: 90 }],
};

describe('club rule validation', () => {
  it('accepts a rule and normalises it: categories lower-cased, lists de-duplicated and sorted', () => {
    const v = validateClubRule({
      combine: 'any',
      conditions: [
        { type: 'categoryPurchases', categories: [' Toddler', 'BABY', 'baby'], minPurchases: 3, days: 90 },
        { type: 'birthdayMonth', months: [12, 3, 3] },
        { type: 'gender', genders: ['male', 'female'] },
      ],
    });
    expect(v).toEqual({
      ok: true,
      rule: {
        combine: 'any',
        conditions: [
          { type: 'categoryPurchases', categories: ['baby', 'toddler'], minPurchases: 3, days: 90 },
          { type: 'birthdayMonth', months: [3, 12] },
          { type: 'gender', genders: ['female', 'male'] },
        ],
      },
    });
  });

  it('refuses each bad field with its path', () => {
    const v = validateClubRule({
      combine: 'some',
      conditions: [
        { type: 'categoryPurchases', categories: [], minPurchases: 0, days: 900 },
        { type: 'categorySpend', categories: ['wine'], minSpendCents: 1.5, days: 30, extra: 1 },
        { type: 'birthdayMonth', months: [13] },
        { type: 'ageRange', minAge: 40, maxAge: 30 },
        { type: 'ageRange' },
        { type: 'gender', genders: ['robot'] },
        { type: 'horoscope' },
      ],
      more: true,
    });
    expect(v.ok).toBe(false);
    const fields = v.ok ? [] : v.errors.map((e) => e.field);
    expect(fields).toEqual([
      'rule.more',
      'rule.combine',
      'rule.conditions[0].categories',
      'rule.conditions[0].minPurchases',
      'rule.conditions[0].days',
      'rule.conditions[1].extra',
      'rule.conditions[1].minSpendCents',
      'rule.conditions[2].months',
      'rule.conditions[3].maxAge',
      'rule.conditions[4]',
      'rule.conditions[5].genders',
      'rule.conditions[6].type',
    ]);
  });

  it('refuses an empty rule, too many conditions and a non-object', () => {
    expect(validateClubRule({ combine: 'all', conditions: [] }).ok).toBe(false);
    const many = new Array(11).fill({ type: 'city', cities: ['Shanghai'] });
    expect(validateClubRule({ combine: 'all', conditions: many })).toEqual({
      ok: false,
      errors: [{ field: 'rule.conditions', message: 'must be a list of 1 to 10 conditions' }],
    });
    expect(validateClubRule('baby').ok).toBe(false);
    expect(validateClubRule(null).ok).toBe(false);
  });

  it('refuses overlong and control-character names', () => {
    const v = validateClubRule({ combine: 'all', conditions: [{ type: 'city', cities: ['x'.repeat(101)] }] });
    expect(v.ok ? [] : v.errors.map((e) => e.field)).toEqual(['rule.conditions[0].cities[0]']);
    const w = validateClubRule({ combine: 'all', conditions: [{ type: 'city', cities: ['Shang\u0000hai'] }] });
    expect(w.ok).toBe(false);
  });
});

describe('club rule in plain words', () => {
  it('explains a purchase rule in English and Chinese', () => {
    expect(explainClubRule(BABY)).toEqual({
      en: 'Members who bought in baby or toddler at least 3 times in the last 90 days.',
      zhCN: '近90天内在「baby、toddler」品类购买至少3次的会员。',
    });
  });

  it('joins conditions with and for all, or for any', () => {
    const rule: ClubRule = {
      combine: 'all',
      conditions: [
        { type: 'categorySpend', categories: ['wine'], minSpendCents: 50_050, days: 30 },
        { type: 'city', cities: ['Beijing', 'Shanghai'] },
        { type: 'ageRange', minAge: 18, maxAge: null },
      ],
    };
    expect(explainClubRule(rule)).toEqual({
      en: 'Members who spent at least ¥500.50 in wine in the last 30 days, live in Beijing or Shanghai and are at least 18 years old.',
      zhCN: '同时满足以下条件的会员：近30天内在「wine」品类消费至少¥500.50；所在城市为Beijing或Shanghai；年龄不小于18岁。',
    });
    const any: ClubRule = {
      combine: 'any',
      conditions: [
        { type: 'birthdayMonth', months: [1, 2] },
        { type: 'gender', genders: ['female'] },
        { type: 'ageRange', minAge: 25, maxAge: 40 },
        { type: 'categoryPurchases', categories: ['pet'], minPurchases: 1, days: 1 },
      ],
    };
    expect(explainClubRule(any)).toEqual({
      en: 'Members who have their birthday in January or February, are female, are 25 to 40 years old or bought in pet at least once in the last day.',
      zhCN: '满足以下任一条件的会员：生日在1月或2月；性别为女；年龄在25至40岁之间；近1天内在「pet」品类购买至少1次。',
    });
  });

  it('formats money from cents', () => {
    expect(formatYuan(100_000)).toBe('¥1,000');
    expect(formatYuan(5)).toBe('¥0.05');
  });
});

describe('club rule evaluation', () => {
  const babyPurchase = (ago: number, refunded = false) => ({
    occurredAt: daysAgo(ago),
    lines: [line('grocery', 500), line('baby', 1000, refunded)],
  });

  it('counts receipts with a line in the categories inside the window, at the edge included', () => {
    const two = facts({ purchases: [babyPurchase(1), babyPurchase(10)] });
    expect(evaluateClubRule(BABY, two, NOW).matches).toBe(false);
    const three = facts({ purchases: [babyPurchase(1), babyPurchase(10), babyPurchase(90)] });
    expect(evaluateClubRule(BABY, three, NOW).matches).toBe(true);
    const old = facts({ purchases: [babyPurchase(1), babyPurchase(10), babyPurchase(90.001)] });
    expect(evaluateClubRule(BABY, old, NOW).matches).toBe(false);
  });

  it('a receipt with two baby lines counts once, a wholly refunded baby line not at all', () => {
    const twoLines = { occurredAt: daysAgo(2), lines: [line('baby', 100), line('toddler', 100)] };
    expect(evaluateClubRule(BABY, facts({ purchases: [twoLines, twoLines, babyPurchase(3, true)] }), NOW).matches).toBe(false);
    expect(evaluateClubRule(BABY, facts({ purchases: [twoLines, twoLines, babyPurchase(3)] }), NOW).matches).toBe(true);
  });

  it('spend is net of refunds, in the categories only, from the threshold on', () => {
    const rule: ClubRule = { combine: 'all', conditions: [{ type: 'categorySpend', categories: ['wine'], minSpendCents: 1000, days: 30 }] };
    const p = (cents: number, refundedCents = 0) => ({
      occurredAt: daysAgo(5),
      lines: [
        { category: 'wine', quantityMilli: 1000, refundedQuantityMilli: 0, amountCents: cents, refundedCents },
        line('grocery', 5000),
      ],
    });
    expect(evaluateClubRule(rule, facts({ purchases: [p(600), p(400)] }), NOW).matches).toBe(true);
    expect(evaluateClubRule(rule, facts({ purchases: [p(600), p(400, 1)] }), NOW).matches).toBe(false);
    expect(evaluateClubRule(rule, facts({ purchases: [p(999)] }), NOW).matches).toBe(false);
  });

  it('profile predicates: birthday month, city (any case), age in full years, gender; unknown profile never matches', () => {
    const profile: ClubRule = {
      combine: 'all',
      conditions: [
        { type: 'birthdayMonth', months: [5] },
        { type: 'city', cities: ['Shanghai'] },
        { type: 'ageRange', minAge: 30, maxAge: 30 },
        { type: 'gender', genders: ['female'] },
      ],
    };
    const her = facts({ birthday: '1996-05-15', city: ' shanghai ', gender: 'female' });
    expect(evaluateClubRule(profile, her, NOW)).toEqual({ matches: true, held: [true, true, true, true] });
    // One day before the 30th birthday she is 29.
    expect(evaluateClubRule(profile, { ...her, birthday: '1996-05-16' }, NOW).held).toEqual([true, true, false, true]);
    expect(evaluateClubRule(profile, facts(), NOW).held).toEqual([false, false, false, false]);
  });

  it('any matches on one condition, all needs every one', () => {
    const conditions: ClubRule['conditions'] = [
      { type: 'city', cities: ['Beijing'] },
      { type: 'gender', genders: ['male'] },
    ];
    const f = facts({ city: 'Beijing', gender: 'female' });
    expect(evaluateClubRule({ combine: 'any', conditions }, f, NOW).matches).toBe(true);
    expect(evaluateClubRule({ combine: 'all', conditions }, f, NOW).matches).toBe(false);
  });

  it('age counts full years as MySQL TIMESTAMPDIFF does, leap days included', () => {
    expect(ageOn('2000-02-29', new Date('2001-02-28T23:00:00Z'))).toBe(0);
    expect(ageOn('2000-02-29', new Date('2001-03-01T00:00:00Z'))).toBe(1);
    expect(ageOn('1990-12-31', new Date('2026-12-31T00:00:00Z'))).toBe(36);
  });
});
