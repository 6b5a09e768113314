import { DomainError } from '../../../common/errors/domain-error';
import { bonusRuleAction } from './bonus-rule.action';

const window = { startsAt: '2026-06-01T00:00:00+08:00', endsAt: '2026-06-08T00:00:00+08:00' };

function refusal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return (err as DomainError).details;
  }
  throw new Error('not refused');
}

describe('campaign action: bonusRule', () => {
  it('stores the rule with only its own fields and the window in UTC', () => {
    expect(
      bonusRuleAction.validate(
        { kind: 'category_multiplier', category: 'baby', multiplierPermille: 2000, points: 5, ...window },
        'bonusRule',
      ),
    ).toEqual({
      rule: { kind: 'category_multiplier', category: 'baby', multiplierPermille: 2000 },
      startsAt: '2026-05-31T16:00:00.000Z',
      endsAt: '2026-06-07T16:00:00.000Z',
    });
  });

  it('refuses a window that does not end after it starts, and a rule without its fields, naming the field', () => {
    expect(
      refusal(() =>
        bonusRuleAction.validate(
          { kind: 'base_multiplier', multiplierPermille: 2000, startsAt: window.endsAt, endsAt: window.startsAt },
          'bonusRule',
        ),
      ),
    ).toEqual([{ field: 'bonusRule.endsAt', message: 'must be after startsAt' }]);
    expect(refusal(() => bonusRuleAction.validate({ kind: 'fixed_bonus', points: 5, ...window }, 'actions[1]'))).toEqual([
      { field: 'actions[1]', message: 'fixed_bonus needs points and minSpendCents' },
    ]);
    expect(refusal(() => bonusRuleAction.validate({ kind: 'base_multiplier', ...window }, 'bonusRule'))).toEqual([
      { field: 'bonusRule.multiplierPermille', message: 'is required for base_multiplier' },
    ]);
  });

  it('keeps the campaign live until its window ends, pays on purchases, and a fixed bonus counts per member', () => {
    const stored = bonusRuleAction.validate({ kind: 'fixed_bonus', points: 50, minSpendCents: 20000, ...window }, 'bonusRule');
    expect(bonusRuleAction.liveUntil?.(stored)).toEqual(new Date('2026-06-07T16:00:00.000Z'));
    expect(bonusRuleAction.pointsPerMember?.(stored)).toBe(50);
    expect(bonusRuleAction.purchaseBonus?.(stored, { id: 'c1', name: 'Double week' })).toEqual({
      campaignId: 'c1',
      name: 'Double week',
      rule: { kind: 'fixed_bonus', points: 50, minSpendCents: 20000 },
      startsAt: new Date('2026-05-31T16:00:00.000Z'),
      endsAt: new Date('2026-06-07T16:00:00.000Z'),
    });
    expect(bonusRuleAction.describe(stored).en).toBe(
      'purchases from 2026-05-31T16:00:00.000Z to 2026-06-07T16:00:00.000Z: 50 bonus points on a purchase of 200 or more',
    );
    expect(bonusRuleAction.delivery).toBeUndefined();
  });

  it('says a category multiplier with the catalog name of its category, or its code without one', () => {
    const stored = bonusRuleAction.validate(
      { kind: 'category_multiplier', category: 'baby', multiplierPermille: 2000, ...window },
      'bonusRule',
    );
    expect(bonusRuleAction.categories?.(stored)).toEqual(['baby']);
    const named = bonusRuleAction.describe(stored, () => ({ en: 'Mother & baby', zhCN: '母婴' }));
    expect(named.en).toContain('2× points on category Mother & baby');
    expect(named['zh-CN']).toContain('品类「母婴」2× 积分');
    expect(bonusRuleAction.describe(stored).en).toContain('2× points on category baby');
  });
});
