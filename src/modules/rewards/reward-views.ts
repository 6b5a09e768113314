import { Coupon } from './entities/coupon.entity';
import { Reward } from './entities/reward.entity';
import type { AdminCouponResponse, CouponResponse, RewardResponse } from './dto/reward.response';
import type { MemberCouponRow } from './coupons.queries';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function parseList(json: string | null): string[] | null {
  return json === null ? null : (JSON.parse(json) as string[]);
}

export function listJson(list: string[] | null | undefined): string | null {
  return list === null || list === undefined ? null : JSON.stringify(list);
}

export function rewardView(r: Reward): RewardResponse {
  return {
    rewardId: r.id,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    descriptionZh: r.descriptionZh,
    descriptionEn: r.descriptionEn,
    imageUrl: r.imageUrl,
    kind: r.kind,
    valueCents: r.valueCents,
    percentOff: r.percentOff,
    giftSku: r.giftSku,
    minSpendCents: r.minSpendCents,
    validFrom: iso(r.validFrom),
    validUntil: iso(r.validUntil),
    validDays: r.validDays,
    timezone: r.timezone,
    storeIds: parseList(r.storeIds),
    pointsPrice: r.pointsPrice,
    stockTotal: r.stockTotal,
    stockLeft: r.stockLeft,
    perMemberLimit: r.perMemberLimit,
    eligibleTiers: parseList(r.eligibleTiers),
    eligibleClubs: parseList(r.eligibleClubs),
    saleStartsAt: iso(r.saleStartsAt),
    saleEndsAt: iso(r.saleEndsAt),
    status: r.status,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** An active coupon past its validity shows as expired before the daily job has marked it. */
export function shownStatus(status: Coupon['status'], validUntil: Date, now: Date): Coupon['status'] {
  return status === 'active' && new Date(validUntil).getTime() < now.getTime() ? 'expired' : status;
}

export function couponView(c: Coupon | (MemberCouponRow & { id: string }), now: Date): CouponResponse {
  return {
    couponId: c.id,
    code: c.code,
    rewardId: c.rewardId,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    kind: c.kind,
    valueCents: c.valueCents,
    percentOff: c.percentOff,
    giftSku: c.giftSku,
    minSpendCents: c.minSpendCents,
    storeIds: parseList(c.storeIds),
    validFrom: new Date(c.validFrom).toISOString(),
    validUntil: new Date(c.validUntil).toISOString(),
    status: shownStatus(c.status, c.validUntil, now),
    issuedAt: new Date(c.issuedAt).toISOString(),
    redeemedAt: iso(c.redeemedAt),
  };
}

export function adminCouponView(c: Coupon, now: Date): AdminCouponResponse {
  return {
    ...couponView(c, now),
    memberId: c.memberId,
    source: c.source,
    pointsPaid: c.pointsPaid,
    redeemedPurchaseId: c.redeemedPurchaseId,
    voidReason: c.voidReason,
    voidedAt: iso(c.voidedAt),
  };
}
