import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isDuplicateKey } from '../../../common/errors/mysql-errors';
import { newId } from '../../../common/ids';
import { OutboxService } from '../../messages/outbox.service';
import { TemplatesService } from '../../messages/templates.service';
import { CouponsRepository } from '../coupons.repository';
import { Coupon, CouponSource } from '../entities/coupon.entity';
import { Reward } from '../entities/reward.entity';
import { newCouponCode } from '../rules/coupon-code';
import { couponValidity } from '../rules/coupon-validity';

/** Template code of the "coupon issued" notice (a system template; no template saved: no notice). */
export const COUPON_ISSUED_TEMPLATE = 'notice.coupon-issued';

export interface IssueCouponCommand {
  reward: Reward;
  memberId: string;
  source: CouponSource;
  /** What issued it: the exchange id, or e.g. `campaign:occurrence` for a campaign grant. */
  sourceRef: string | null;
  pointsPaid: number;
  exchangeEntryId: number | null;
  now: Date;
}

const CODE_ATTEMPTS = 5;

/**
 * Issues one coupon of a reward (its template) to a member, inside the
 * caller's transaction: its own row with a fresh CSPRNG code, the reward's
 * terms copied in, its validity computed from the moment of issue. After the
 * commit, notifyIssued queues the "coupon issued" notices. The exchange uses
 * it; a campaign's "grant a coupon" action is meant to call it the same way
 * (issue per member in its batch transaction, notifyIssued after; stock and
 * limits are the caller's).
 */
@Injectable()
export class IssueCoupon {
  constructor(
    private readonly coupons: CouponsRepository,
    private readonly outbox: OutboxService,
    private readonly templates: TemplatesService,
  ) {}

  async issue(m: EntityManager, cmd: IssueCouponCommand): Promise<Coupon> {
    const { reward } = cmd;
    const { validFrom, validUntil } = couponValidity(reward, cmd.now);
    const coupon: Coupon = {
      id: newId(),
      code: '',
      rewardId: reward.id,
      memberId: cmd.memberId,
      source: cmd.source,
      sourceRef: cmd.sourceRef,
      pointsPaid: cmd.pointsPaid,
      exchangeEntryId: cmd.exchangeEntryId,
      nameZh: reward.nameZh,
      nameEn: reward.nameEn,
      kind: reward.kind,
      valueCents: reward.valueCents,
      percentOff: reward.percentOff,
      giftSku: reward.giftSku,
      minSpendCents: reward.minSpendCents,
      storeIds: reward.storeIds,
      validFrom,
      validUntil,
      status: 'active',
      issuedAt: cmd.now,
      redeemedPurchaseId: null,
      redeemedAt: null,
      voidReason: null,
      voidedAt: null,
      expiredAt: null,
      expiryNoticeAt: null,
    };
    for (let attempt = 1; ; attempt++) {
      coupon.code = newCouponCode();
      try {
        // A failed statement leaves the transaction open (InnoDB rolls back the statement only): a new code is tried.
        await this.coupons.insert(m, coupon);
        break;
      } catch (err) {
        if (!isDuplicateKey(err, 'ux_coupons_code') || attempt >= CODE_ATTEMPTS) {
          throw err;
        }
      }
    }
    return coupon;
  }

  /**
   * The "coupon issued" notices, once the coupons' transaction has committed (the outbox applies consent; keyed per
   * coupon, so calling twice queues one). Not inside the transaction: the template and tier reads take a pool
   * connection of their own, which a rush of exchanges holding the reward's row lock could leave none of.
   */
  async notifyIssued(coupons: Array<Pick<Coupon, 'id' | 'memberId' | 'nameZh' | 'validUntil'>>, timeZone: string): Promise<void> {
    if (coupons.length === 0 || !(await this.templates.latestOrNull(COUPON_ISSUED_TEMPLATE))) {
      return;
    }
    await this.outbox.enqueueMany(
      coupons.map((c) => ({
        source: `coupon-issued:${c.id}`,
        memberId: c.memberId,
        templateCode: COUPON_ISSUED_TEMPLATE,
        variables: { coupon: c.nameZh, validUntil: localDay(c.validUntil, timeZone) },
      })),
    );
  }
}

/** The calendar date of an instant in a zone, e.g. 2027-01-06. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
