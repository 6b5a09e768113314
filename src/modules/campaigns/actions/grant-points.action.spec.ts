import { grantPointsAction } from './grant-points.action';

describe('campaign action: grant', () => {
  const grant = { points: 200, reason: 'Birthday gift' };

  it('stores points and reason, and says what it does in both languages', () => {
    expect(grantPointsAction.validate(grant, 'grant')).toEqual(grant);
    expect(grantPointsAction.describe(grant)).toEqual({
      'zh-CN': '赠送 200 积分（Birthday gift）',
      en: 'grant 200 points (Birthday gift)',
    });
  });

  it('costs its points per member, and the targeted members within what is left of the cap', () => {
    expect(grantPointsAction.pointsPerMember?.(grant)).toBe(200);
    expect(grantPointsAction.estimatedPoints?.(grant, 10, { capPoints: null, spentPoints: 0 })).toBe(2000);
    expect(grantPointsAction.estimatedPoints?.(grant, 10, { capPoints: 1000, spentPoints: 100 })).toBe(800);
  });

  it('has a fan-out delivery and no purchase-path part', () => {
    expect(grantPointsAction.delivery?.name).toBe('GrantPointsDelivery');
    expect('purchaseBonus' in grantPointsAction).toBe(false);
  });
});
