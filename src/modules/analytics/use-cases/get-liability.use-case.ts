import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { monthKeys, MONTHS, ratio } from '../rules/figures';
import { exposureCents, historicalRedemptionRate, moneyValueCents } from '../rules/liability';
import { SnapshotFigures } from './snapshot-figures';

export type LiabilityView = Awaited<ReturnType<GetLiabilityUseCase['get']>>;

/** Points liability for finance: outstanding, pending, expiring by month, money value and the redemption-rate-adjusted exposure. */
@Injectable()
export class GetLiabilityUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get() {
    const s = await SnapshotFigures.load(this.repo, ['points', 'liability']);
    const rate = s.snapshot?.redemptionCentsPer100Points ?? 0;
    const outstanding = s.get('points', 'balances', 'outstanding');
    const pending = s.get('points', 'balances', 'pending');
    const redeemed = s.get('points', 'lifetime', 'redeemed');
    const expired = s.get('points', 'lifetime', 'expired');
    const expiringBy = new Map(s.list('liability', 'expiring').map((e) => [e.key, e.value]));
    const expiring = s.snapshot
      ? monthKeys(s.snapshot.asOf, 0, MONTHS).map((month) => {
          const points = expiringBy.get(month) ?? 0;
          return { month, points, valueCents: moneyValueCents(points, rate) };
        })
      : [];
    const history = historicalRedemptionRate(redeemed, expired);
    return {
      ...s.stamp(),
      redemptionCentsPer100Points: rate,
      outstandingPoints: outstanding,
      outstandingValueCents: moneyValueCents(outstanding, rate),
      pendingPoints: pending,
      pendingValueCents: moneyValueCents(pending, rate),
      debtPoints: s.get('points', 'balances', 'debt'),
      expiring,
      expiringPoints: expiring.reduce((sum, e) => sum + e.points, 0),
      expiringValueCents: expiring.reduce((sum, e) => sum + e.valueCents, 0),
      redeemedPoints: redeemed,
      expiredPoints: expired,
      historicalRedemptionRate: ratio(history.numerator, history.denominator),
      exposureCents: exposureCents(outstanding, rate, redeemed, expired),
    };
  }
}
