import { describe, expect, it } from 'vitest';
import { audienceWords, bonusRuleWords, hasAudience, launchCost, missingForLaunch, NEW_DRAFT, toBody } from './draft';

describe('campaign wizard: the draft as the request', () => {
  it('pre-fills no amount: a new draft grants nothing and says the points are missing', () => {
    expect(NEW_DRAFT.grantPoints).toBeNull();
    expect(NEW_DRAFT.budget).toBeNull();
    expect(toBody({ ...NEW_DRAFT, name: 'x', clubIds: ['c-1'] }).actions).toEqual([]);
    expect(missingForLaunch(NEW_DRAFT)).toEqual(['points']);
  });

  it('asks for members of any of the clubs or tiers, grants with the name as the reason, and sends now by default', () => {
    const body = toBody({ ...NEW_DRAFT, name: 'Spring', clubIds: ['c-1'], tierCodes: ['VIP'], grantPoints: 150, holdoutPercent: 12.5 });
    expect(body).toEqual({
      name: 'Spring',
      audience: {
        include: [
          { type: 'club', clubIds: ['c-1'] },
          { type: 'tier', codes: ['VIP'] },
        ],
        requireAll: false,
      },
      actions: [{ type: 'grant', points: 150, reason: 'Spring' }],
      schedule: { kind: 'now' },
      budgetPoints: null,
      holdoutPermille: 125,
    });
    expect(hasAudience(body)).toBe(true);
  });

  it('asks for all of the parts with "all", and leaves out the excluded clubs, tiers, dormant and new members', () => {
    const body = toBody({
      ...NEW_DRAFT,
      name: 'Loyal',
      clubIds: ['c-1'],
      tierCodes: ['VIP'],
      combine: 'all',
      excludeClubIds: ['c-2'],
      excludeTierCodes: ['STAFF'],
      excludeNoPurchaseDays: 180,
      excludeJoinedWithinDays: 7,
    });
    expect(body.audience).toEqual({
      include: [
        { type: 'club', clubIds: ['c-1'] },
        { type: 'tier', codes: ['VIP'] },
      ],
      requireAll: true,
      exclude: [
        { type: 'club', clubIds: ['c-2'] },
        { type: 'tier', codes: ['STAFF'] },
        { type: 'noPurchaseDays', days: 180 },
        { type: 'joinedWithinDays', days: 7 },
      ],
    });
  });

  it('grants a coupon of the chosen reward, its budget counted in coupons', () => {
    const draft = { ...NEW_DRAFT, name: 'Coupon', tierCodes: ['GOLD'], grantKind: 'coupon' as const, rewardId: 'r-1', budget: 3 };
    expect(toBody(draft).actions).toEqual([{ type: 'grantCoupon', rewardId: 'r-1' }]);
    expect(toBody(draft).budgetPoints).toBe(3);
    expect(missingForLaunch({ ...draft, rewardId: null })).toEqual(['reward']);
    // 5 targeted, a cap of 3 coupons: 3 issued, 2 members left without.
    expect(launchCost(draft, { targeted: 5, estimatedPoints: 0 })).toEqual({ total: 3, perMember: 1, leftWithout: 2 });
    expect(launchCost({ ...draft, budget: null }, { targeted: 5, estimatedPoints: 0 })).toEqual({ total: 5, perMember: 1, leftWithout: 0 });
  });

  it('the points cost is the server estimate; the members the cap leaves without are counted', () => {
    const draft = { ...NEW_DRAFT, grantPoints: 40, budget: 120 };
    expect(launchCost(draft, { targeted: 5, estimatedPoints: 120 })).toEqual({ total: 120, perMember: 40, leftWithout: 2 });
  });

  it('sends a message only with a template, a cron with its time zone, and no grant with "none"', () => {
    const body = toBody({
      ...NEW_DRAFT,
      name: 'Weekly',
      tierCodes: ['GOLD'],
      grantKind: 'none',
      grantPoints: 100,
      messageOn: true,
      channel: 'email',
      template: 'weekly',
      scheduleKind: 'cron',
      cron: ' 0 9 * * 1 ',
    });
    expect(body.actions).toEqual([{ type: 'message', channel: 'email', template: 'weekly' }]);
    expect(body.schedule).toEqual({ kind: 'cron', cron: '0 9 * * 1', timezone: 'Asia/Shanghai' });
    expect(missingForLaunch({ ...NEW_DRAFT, grantKind: 'none', messageOn: true })).toEqual(['template']);
    expect(missingForLaunch({ ...NEW_DRAFT, grantKind: 'none' })).toEqual(['action']);
  });

  it('has no audience without a name or without a club or tier', () => {
    expect(hasAudience(toBody({ ...NEW_DRAFT, name: 'x' }))).toBe(false);
    expect(hasAudience(toBody({ ...NEW_DRAFT, name: '  ', clubIds: ['c-1'] }))).toBe(false);
  });
});

describe('campaign wizard: RFM segments in the audience', () => {
  it('asks for members in the chosen segments, leaves out the excluded ones, and says so by name in both languages', async () => {
    const { translate } = await import('../../../shared/i18n');
    const draft = { ...NEW_DRAFT, name: 'Win back', tierCodes: ['VIP'], rfmSegments: ['atRisk', 'cantLose'] as const };
    const body = toBody({ ...draft, rfmSegments: [...draft.rfmSegments], excludeRfmSegments: ['hibernating'] });
    expect(body.audience).toEqual({
      include: [
        { type: 'tier', codes: ['VIP'] },
        { type: 'rfmSegment', segments: ['atRisk', 'cantLose'] },
      ],
      requireAll: false,
      exclude: [{ type: 'rfmSegment', segments: ['hibernating'] }],
    });
    const words = (lang: 'en' | 'zh-CN') =>
      audienceWords({ ...draft, rfmSegments: [...draft.rfmSegments] }, (key, vars) => translate(lang, key, vars));
    expect(words('en')).toBe('Members in any of the chosen tiers OR in the RFM segments Can’t lose them, At risk.');
    expect(words('zh-CN')).toBe('属于任一所选等级 或 属于 RFM 分群「不能失去的会员、流失风险会员」的会员。');
  });
});

describe('campaign wizard: a bonus rule', () => {
  const window = { bonusStartsAt: '2026-12-07T00:00:00.000Z', bonusEndsAt: '2026-12-14T00:00:00.000Z' };
  const bonus = { ...NEW_DRAFT, name: 'Tea week', clubIds: ['c-1'], grantKind: 'bonus' as const, ...window };

  it('asks for the multiplier, the category and a window in order, and sends nothing until all are there', () => {
    expect(missingForLaunch(bonus)).toEqual(['bonusMultiplier']);
    expect(missingForLaunch({ ...bonus, bonusMultiplier: 1 })).toEqual(['bonusMultiplier']);
    expect(missingForLaunch({ ...bonus, bonusMultiplier: 2 })).toEqual(['bonusCategory']);
    expect(missingForLaunch({ ...bonus, bonusMultiplier: 2, bonusCategory: 'tea', bonusEndsAt: window.bonusStartsAt })).toEqual([
      'bonusWindow',
    ]);
    expect(toBody({ ...bonus, bonusMultiplier: 2 }).actions).toEqual([]);
  });

  it('sends the category multiplier in permille with its window, a base multiplier, or fixed points on a spend in cents', () => {
    expect(toBody({ ...bonus, bonusMultiplier: 2.5, bonusCategory: 'tea' }).actions).toEqual([
      {
        type: 'bonusRule',
        kind: 'category_multiplier',
        multiplierPermille: 2500,
        category: 'tea',
        startsAt: window.bonusStartsAt,
        endsAt: window.bonusEndsAt,
      },
    ]);
    expect(missingForLaunch({ ...bonus, bonusMultiplier: 2.5, bonusCategory: 'tea' })).toEqual([]);
    expect(toBody({ ...bonus, bonusKind: 'base_multiplier', bonusMultiplier: 3 }).actions).toEqual([
      { type: 'bonusRule', kind: 'base_multiplier', multiplierPermille: 3000, startsAt: window.bonusStartsAt, endsAt: window.bonusEndsAt },
    ]);
    expect(toBody({ ...bonus, bonusKind: 'fixed_bonus', bonusPoints: 50, bonusMinSpendYuan: 199.5 }).actions).toEqual([
      {
        type: 'bonusRule',
        kind: 'fixed_bonus',
        points: 50,
        minSpendCents: 19950,
        startsAt: window.bonusStartsAt,
        endsAt: window.bonusEndsAt,
      },
    ]);
  });

  it('says the rule in words with the category by name', async () => {
    const { translate } = await import('../../../shared/i18n');
    const words = (lang: 'en' | 'zh-CN', d: typeof bonus) =>
      bonusRuleWords(
        d,
        (k, v) => translate(lang, k, v),
        (c) => `¥${(c / 100).toFixed(2)}`,
        (code) => (code === 'tea' ? (lang === 'en' ? 'Tea' : '茶叶') : code),
      );
    expect(words('en', { ...bonus, bonusMultiplier: 2, bonusCategory: 'tea' })).toBe('2× points on purchases of Tea');
    expect(words('zh-CN', { ...bonus, bonusMultiplier: 2, bonusCategory: 'tea' })).toBe('购买「茶叶」品类积分 2 倍');
    expect(words('en', { ...bonus, bonusKind: 'fixed_bonus', bonusPoints: 50, bonusMinSpendYuan: 200 })).toBe(
      '50 extra points on a purchase of ¥200.00 or more',
    );
    expect(words('en', { ...bonus, bonusMultiplier: 2 })).toBeNull();
  });
});
