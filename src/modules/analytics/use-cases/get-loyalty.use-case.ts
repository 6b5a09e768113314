import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { businessDayStart, ratio } from '../rules/figures';
import { customPeriod, PeriodRequest } from '../rules/period';
import { SnapshotFigures } from './snapshot-figures';

/**
 * Repeat-purchase rate, purchase frequency and redemption rate over a period. Buyers are a distinct count that does
 * not add up from days: the snapshot counts them for the presets (7, 30, 90 days); for a custom range buyers, repeat
 * buyers and the two rates built on them are null, while purchases and points (additive by day) are exact.
 */
@Injectable()
export class GetLoyaltyUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get(query: PeriodRequest = {}) {
    customPeriod(query);
    const s = await SnapshotFigures.load(this.repo, ['loyalty', 'daily']);
    const period = s.period(query);
    const series = period?.preset ? `period.${period.preset}` : null;
    const buyers = series ? s.get('loyalty', series, 'buyers') : null;
    const repeatBuyers = series ? s.get('loyalty', series, 'repeaters') : null;
    // Receipts not refunded in full, by the day of the sale: the preset's own count and the days' sum are the same set.
    const purchases = series ? s.get('loyalty', series, 'purchases') : s.sumDays('daily', 'receipts', period);
    const pointsIssued = s.sumDays('daily', 'issued', period);
    const pointsRedeemed = s.sumDays('daily', 'redeemed', period);
    return {
      ...s.stamp(),
      period,
      windowDays: period?.days ?? 0,
      windowFrom: period ? businessDayStart(period.from).toISOString() : null,
      buyers,
      repeatBuyers,
      purchases,
      pointsIssued,
      pointsRedeemed,
      repeatPurchaseRate: buyers === null || repeatBuyers === null ? null : ratio(repeatBuyers, buyers),
      purchaseFrequency: buyers === null ? null : ratio(purchases, buyers),
      redemptionRate: ratio(pointsRedeemed, pointsIssued),
    };
  }
}
