import { grantCouponAction } from './grant-coupon.action';

describe('campaign action: grantCoupon', () => {
  const grant = { rewardId: '01a212aa-9000-7000-8000-000000000001' };

  it('stores the reward, and says what it does in both languages', () => {
    expect(grantCouponAction.validate(grant, 'grantCoupon')).toEqual(grant);
    expect(grantCouponAction.describe(grant)).toEqual({
      'zh-CN': '赠送优惠券（奖励 01a212aa-9000-7000-8000-000000000001）',
      en: 'grant a coupon (reward 01a212aa-9000-7000-8000-000000000001)',
    });
  });

  it('costs no points (its budget counts coupons, in the delivery): no points per member nor points estimate', () => {
    expect(grantCouponAction.pointsPerMember).toBeUndefined();
    expect(grantCouponAction.estimatedPoints).toBeUndefined();
  });

  it('has a fan-out delivery and no purchase-path part', () => {
    expect(grantCouponAction.delivery?.name).toBe('GrantCouponDelivery');
    expect('purchaseBonus' in grantCouponAction).toBe(false);
  });
});
