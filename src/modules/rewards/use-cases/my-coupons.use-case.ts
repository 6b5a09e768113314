import { Injectable } from '@nestjs/common';
import { CouponsQueries } from '../coupons.queries';
import { MyCouponsResponse } from '../dto/reward.response';
import { couponView } from '../reward-views';

/** GET portal me/coupons: active first (soonest to expire first), then used, then expired and voided. */
@Injectable()
export class MyCouponsUseCase {
  constructor(private readonly queries: CouponsQueries) {}

  async list(memberId: string, now = new Date()): Promise<MyCouponsResponse> {
    const views = (await this.queries.ofMember(memberId)).map((c) => couponView(c, now));
    const by = (status: string) => views.filter((v) => v.status === status);
    return {
      active: by('active').sort((a, b) => a.validUntil.localeCompare(b.validUntil)),
      used: by('redeemed').sort((a, b) => (b.redeemedAt ?? '').localeCompare(a.redeemedAt ?? '')),
      expired: views.filter((v) => v.status === 'expired' || v.status === 'void'),
    };
  }
}
