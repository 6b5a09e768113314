import { Injectable } from '@nestjs/common';
import { CouponsRepository } from '../coupons.repository';
import { AdminCouponResponse, PosCouponResponse } from '../dto/reward.response';
import { adminCouponView, parseList, shownStatus } from '../reward-views';
import { couponNotFound } from '../rewards.errors';
import { normalizeCouponCode } from '../rules/coupon-code';
import { couponRefusal } from '../rules/coupon-validity';

/** A coupon by its code: for the till (GET pos/coupons/{code}, usable here and now) and for the console. */
@Injectable()
export class LookUpCouponUseCase {
  constructor(private readonly coupons: CouponsRepository) {}

  async forTill(codeInput: string, storeId: string, now = new Date()): Promise<PosCouponResponse> {
    const code = normalizeCouponCode(codeInput);
    const c = await this.coupons.findByCode(code);
    if (!c) {
      throw couponNotFound(code);
    }
    const refusal = couponRefusal({ ...c, storeIds: parseList(c.storeIds) }, { at: now, storeId });
    return {
      code: c.code,
      status: shownStatus(c.status, c.validUntil, now),
      kind: c.kind,
      valueCents: c.valueCents,
      percentOff: c.percentOff,
      giftSku: c.giftSku,
      minSpendCents: c.minSpendCents,
      validFrom: new Date(c.validFrom).toISOString(),
      validUntil: new Date(c.validUntil).toISOString(),
      memberId: c.memberId,
      name: c.nameZh,
      usable: refusal === null,
      reason: refusal,
    };
  }

  async forConsole(codeInput: string, now = new Date()): Promise<AdminCouponResponse> {
    const code = normalizeCouponCode(codeInput);
    const c = await this.coupons.findByCode(code);
    if (!c) {
      throw couponNotFound(code);
    }
    return adminCouponView(c, now);
  }
}
