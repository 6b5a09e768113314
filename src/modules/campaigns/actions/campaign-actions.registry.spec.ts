import { checkActions } from '../campaign-definition';
import { actionKind, CAMPAIGN_ACTION_DELIVERIES, CAMPAIGN_ACTION_KINDS } from './campaign-actions.registry';

describe('campaign actions registry', () => {
  it('lists each kind once, keyed by its type; a limit (the grant) comes before the message it gates', () => {
    const types = CAMPAIGN_ACTION_KINDS.map((k) => k.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types.indexOf('grant')).toBeLessThan(types.indexOf('message'));
    for (const kind of CAMPAIGN_ACTION_KINDS) {
      expect(actionKind(kind.type)).toBe(kind);
    }
    expect(actionKind('coupon')).toBeUndefined();
  });

  it('registers the fan-out delivery of every kind that has one', () => {
    expect(CAMPAIGN_ACTION_DELIVERIES.map((d) => d.name)).toEqual([
      'GrantPointsDelivery',
      'GrantCouponDelivery',
      'SendMessageDelivery',
      'SurveyInvitationDelivery',
    ]);
  });
});

describe('a campaign spends one budget', () => {
  it('refuses points and coupons in one campaign (the budget counts one unit), and takes each alone or with a message', () => {
    const points = { input: { type: 'grant' as const, points: 100, reason: 'thanks' }, field: 'actions[0]' };
    const coupon = { input: { type: 'grantCoupon' as const, rewardId: '01a212aa-9000-7000-8000-000000000001' }, field: 'actions[1]' };
    expect(() => checkActions([points, coupon])).toThrow(/spend different budgets \(points, coupons\)/);
    expect(Object.keys(checkActions([coupon]))).toEqual(['grantCoupon']);
    expect(Object.keys(checkActions([points]))).toEqual(['grant']);
    expect(CAMPAIGN_ACTION_KINDS.filter((k) => k.budgetUnit).map((k) => [k.type, k.budgetUnit])).toEqual([
      ['grant', 'points'],
      ['grantCoupon', 'coupons'],
    ]);
  });
});
