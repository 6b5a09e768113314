import { Injectable } from '@nestjs/common';
import { CouponsQueries } from '../../rewards/coupons.queries';
import { AnalyticsRepository } from '../analytics.repository';
import { monthKeys, MONTHS, ratio } from '../rules/figures';
import { exposureCents, historicalRedemptionRate, moneyValueCents } from '../rules/liability';
import { customPeriod, PeriodRequest } from '../rules/period';
import { SnapshotFigures } from './snapshot-figures';

export type LiabilityView = Awaited<ReturnType<GetLiabilityUseCase['get']>>;

/**
 * Points liability for finance: outstanding, pending, expiring by month, money value and the redemption-rate-adjusted
 * exposure (from the snapshot); the points issued, redeemed and expired in the period (what moved the balance); beside
 * them the outstanding coupons (count, face value, expiring by month), read live.
 */
@Injectable()
export class GetLiabilityUseCase {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly coupons: CouponsQueries,
  ) {}

  async get(query: PeriodRequest = {}) {
    customPeriod(query);
    const s = await SnapshotFigures.load(this.repo, ['points', 'liability', 'daily']);
    const period = s.period(query);
    const issuedInPeriod = s.sumDays('daily', 'issued', period);
    const redeemedInPeriod = s.sumDays('daily', 'redeemed', period);
    const expiredInPeriod = s.sumDays('daily', 'expired', period);
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
    const couponsAsOf = new Date();
    const coupons = await this.coupons.outstanding(couponsAsOf);
    return {
      ...s.stamp(),
      period,
      periodPoints: {
        issued: issuedInPeriod,
        redeemed: redeemedInPeriod,
        expired: expiredInPeriod,
        net: issuedInPeriod - redeemedInPeriod - expiredInPeriod,
        issuedValueCents: moneyValueCents(issuedInPeriod, rate),
        redeemedValueCents: moneyValueCents(redeemedInPeriod, rate),
        expiredValueCents: moneyValueCents(expiredInPeriod, rate),
      },
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
      coupons: { asOf: couponsAsOf.toISOString(), ...coupons },
    };
  }
}
