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
    expect(CAMPAIGN_ACTION_DELIVERIES.map((d) => d.name)).toEqual(['GrantPointsDelivery', 'GrantCouponDelivery', 'SendMessageDelivery']);
  });
});
