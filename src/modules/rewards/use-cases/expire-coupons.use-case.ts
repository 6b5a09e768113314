import { Injectable } from '@nestjs/common';
import { addDays } from '../../../common/time';
import { Transactions } from '../../../database/transactions';
import { OutboxService } from '../../messages/outbox.service';
import { TemplatesService } from '../../messages/templates.service';
import { CouponsRepository } from '../coupons.repository';
import { localDay } from './issue-coupon';

export const COUPON_EXPIRING_TEMPLATE = 'notice.coupon-expiring';
/** Coupons ending within this many days are announced once. */
export const COUPON_EXPIRY_NOTICE_DAYS = 3;
const PAGE = 1000;

/**
 * The daily coupon job over one member-id range: active coupons past their
 * validity become `expired` (points are not returned: the member had the
 * coupon's whole validity to use it), and coupons ending within 3 days get
 * one "expiring" notice each (the outbox applies consent). Safe to run twice:
 * both steps are guarded UPDATEs and the notice is keyed per coupon.
 */
@Injectable()
export class ExpireCouponsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly coupons: CouponsRepository,
    private readonly outbox: OutboxService,
    private readonly templates: TemplatesService,
  ) {}

  async expire(range: { fromId: string; toId: string | null }, asOf: Date): Promise<{ expired: number; noticed: number }> {
    let expired = 0;
    for (;;) {
      const due = await this.coupons.expiredIn(range.fromId, range.toId, asOf, PAGE);
      expired += await this.coupons.expire(
        due.map((d) => d.id),
        asOf,
      );
      if (due.length < PAGE) {
        break;
      }
    }
    let noticed = 0;
    if (await this.templates.latestOrNull(COUPON_EXPIRING_TEMPLATE)) {
      const until = addDays(asOf, COUPON_EXPIRY_NOTICE_DAYS);
      for (;;) {
        const soon = await this.coupons.expiringUnnoticed(range.fromId, range.toId, asOf, until, PAGE);
        if (soon.length === 0) {
          break;
        }
        await this.transactions.retrying(async (m) => {
          await this.outbox.enqueueMany(
            soon.map((c) => ({
              source: `coupon-expiring:${c.id}`,
              memberId: c.memberId,
              templateCode: COUPON_EXPIRING_TEMPLATE,
              variables: { coupon: c.nameZh, validUntil: localDay(c.validUntil, 'Asia/Shanghai') },
            })),
            m,
          );
          await this.coupons.markExpiryNoticed(
            m,
            soon.map((c) => c.id),
            asOf,
          );
        });
        noticed += soon.length;
        if (soon.length < PAGE) {
          break;
        }
      }
    }
    return { expired, noticed };
  }
}
