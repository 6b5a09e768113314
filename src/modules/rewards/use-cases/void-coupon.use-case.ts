import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { LedgerWriter } from '../../points/ledger/ledger-writer';
import { CouponsRepository } from '../coupons.repository';
import { VoidCouponResponse } from '../dto/reward.response';
import { RewardsRepository } from '../rewards.repository';
import { adminCouponView } from '../reward-views';
import { couponNotFound, couponNotVoidable } from '../rewards.errors';
import { normalizeCouponCode } from '../rules/coupon-code';

/**
 * Support voids an active coupon with a reason, in one transaction: the
 * coupon goes active → void by a guarded UPDATE; a coupon bought with points
 * gives them back through the ledger writer (a `reward_return` entry, into the
 * lots they came from), and its stock and the member's count return. Audited.
 */
@Injectable()
export class VoidCouponUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly coupons: CouponsRepository,
    private readonly rewards: RewardsRepository,
    private readonly ledger: LedgerWriter,
    private readonly audit: AuditService,
  ) {}

  async void(actor: Actor, codeInput: string, reason: string): Promise<VoidCouponResponse> {
    const code = normalizeCouponCode(codeInput);
    const found = await this.coupons.findByCode(code);
    if (!found) {
      throw couponNotFound(code);
    }
    return this.transactions.retrying(async (m) => {
      const session = await this.ledger.open(m, [found.memberId]);
      const coupon = (await this.coupons.lockByCodes(m, [code])).get(code);
      if (!coupon || coupon.status !== 'active') {
        throw couponNotVoidable(code, coupon?.status ?? 'gone');
      }
      if (!(await this.coupons.void(m, coupon.id, reason, session.now))) {
        throw couponNotVoidable(code, 'changed');
      }
      let pointsReturned = 0;
      if (coupon.pointsPaid > 0 && coupon.exchangeEntryId !== null) {
        await session.restore(coupon.memberId, {
          type: 'reward_return',
          points: coupon.pointsPaid,
          storeId: null,
          refType: 'reward',
          refId: coupon.sourceRef ?? coupon.id,
          takenBy: coupon.exchangeEntryId,
        });
        pointsReturned = coupon.pointsPaid;
      }
      await session.flush();
      if (coupon.source === 'exchange') {
        await this.rewards.returnStock(m, coupon.rewardId);
        await this.rewards.returnMemberSlot(m, coupon.rewardId, coupon.memberId);
      }
      await this.audit.record(actor, 'coupon.void', { type: 'coupon', id: coupon.id }, { code, reason, pointsReturned }, m);
      const voided = { ...coupon, status: 'void' as const, voidReason: reason, voidedAt: session.now };
      return { coupon: adminCouponView(voided, session.now), pointsReturned };
    });
  }
}
