import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { PurchaseCouponAnswer, PurchaseCoupons, PurchaseCouponsSale } from '../../points/purchase-coupons.port';
import { CouponsRepository, NewCouponUse } from '../coupons.repository';
import { parseList } from '../reward-views';
import { couponAlreadyRedeemed, couponNotFound, couponNotValid } from '../rewards.errors';
import { couponRefusal } from '../rules/coupon-validity';

/**
 * Coupons on a purchase (POS-API.md 1.2), behind points' PURCHASE_COUPONS
 * port, inside the purchase's transaction. The coupons are locked (code order)
 * and all checked before any is written, so a refusal leaves nothing behind;
 * each is then taken by `UPDATE … WHERE status = 'active'`. Two receipts racing
 * for one coupon: the second waits on the lock, then finds it redeemed (409).
 */
@Injectable()
export class RedeemPurchaseCoupons implements PurchaseCoupons {
  constructor(private readonly coupons: CouponsRepository) {}

  async redeem(m: EntityManager, codes: string[], sale: PurchaseCouponsSale): Promise<PurchaseCouponAnswer[]> {
    const locked = await this.coupons.lockByCodes(m, [...codes].sort());
    const checked = codes.map((code) => {
      const coupon = locked.get(code) ?? null;
      if (!coupon) {
        return { code, coupon, error: couponNotFound(code), reason: 'not_found' };
      }
      const refusal = couponRefusal(
        { ...coupon, storeIds: parseList(coupon.storeIds) },
        { at: sale.occurredAt, storeId: sale.storeId, memberId: sale.memberId, totalCents: sale.totalCents },
      );
      if (refusal === 'redeemed') {
        return { code, coupon, error: couponAlreadyRedeemed(code), reason: 'already_redeemed' };
      }
      if (refusal !== null) {
        return { code, coupon, error: couponNotValid(code, refusal), reason: refusal };
      }
      return { code, coupon, error: null as DomainError | null, reason: null as string | null };
    });
    const refused = checked.find((c) => c.error !== null)?.error;
    if (refused && !sale.offline) {
      throw refused;
    }
    const answers: PurchaseCouponAnswer[] = [];
    const uses: NewCouponUse[] = [];
    for (const c of checked) {
      const use = {
        purchaseId: sale.purchaseId,
        code: c.code,
        couponId: c.coupon?.id ?? null,
        memberId: sale.memberId,
        storeId: sale.storeId,
        receiptNo: sale.receiptNo,
        occurredAt: sale.occurredAt,
        createdAt: sale.now,
      };
      if (c.error !== null || !c.coupon) {
        answers.push({ code: c.code, status: 'rejected', reason: c.reason ?? 'not_found' });
        uses.push({ ...use, status: 'rejected', reason: c.reason, discountCents: null });
        continue;
      }
      if (!(await this.coupons.redeem(m, c.coupon.id, sale.purchaseId, sale.now))) {
        // Locked above and checked active: another writer changed it anyway. Fail the transaction, never half-redeem.
        throw new Error(`Coupon ${c.code} changed under its lock`);
      }
      const discountCents = c.coupon.kind === 'amount_off' ? c.coupon.valueCents : null;
      answers.push({ code: c.code, status: 'redeemed', discountCents });
      uses.push({ ...use, status: 'redeemed', reason: null, discountCents });
    }
    await this.coupons.insertUses(m, uses);
    return answers;
  }

  async purchaseRefunded(m: EntityManager, purchaseId: string, now: Date): Promise<void> {
    await this.coupons.returnUsesOf(m, purchaseId, now);
  }
}
