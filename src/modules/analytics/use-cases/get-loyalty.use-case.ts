import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { DAY_MS, LOYALTY_WINDOW_DAYS, ratio } from '../rules/figures';
import { SnapshotFigures } from './snapshot-figures';

/** Repeat-purchase rate, purchase frequency and redemption rate over the 365 days before the snapshot. */
@Injectable()
export class GetLoyaltyUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get() {
    const s = await SnapshotFigures.load(this.repo, ['loyalty', 'points']);
    const buyers = s.get('loyalty', 'window', 'buyers');
    const repeatBuyers = s.get('loyalty', 'window', 'repeaters');
    const purchases = s.get('loyalty', 'window', 'purchases');
    const pointsIssued = s.get('points', 'window', 'issued');
    const pointsRedeemed = s.get('points', 'window', 'redeemed');
    return {
      ...s.stamp(),
      windowDays: LOYALTY_WINDOW_DAYS,
      windowFrom: s.snapshot ? new Date(s.snapshot.asOf.getTime() - LOYALTY_WINDOW_DAYS * DAY_MS).toISOString() : null,
      buyers,
      repeatBuyers,
      purchases,
      pointsIssued,
      pointsRedeemed,
      repeatPurchaseRate: ratio(repeatBuyers, buyers),
      purchaseFrequency: ratio(purchases, buyers),
      redemptionRate: ratio(pointsRedeemed, pointsIssued),
    };
  }
}
