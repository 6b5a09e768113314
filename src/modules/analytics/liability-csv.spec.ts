import { liabilityCsv } from './liability-csv';
import type { LiabilityView } from './use-cases/get-liability.use-case';

describe('liability CSV', () => {
  it('one CRLF line per figure and expiry month, header first, the outstanding coupons last', () => {
    const view: LiabilityView = {
      snapshotAt: '2026-11-25T05:00:41.120Z',
      asOf: '2026-11-25T05:00:00.000Z',
      period: { from: '2026-10-27', to: '2026-11-25', days: 30, preset: 30, complete: true },
      periodPoints: {
        issued: 500,
        redeemed: 120,
        expired: 30,
        net: 350,
        issuedValueCents: 500,
        redeemedValueCents: 120,
        expiredValueCents: 30,
      },
      redemptionCentsPer100Points: 100,
      outstandingPoints: 6_255,
      outstandingValueCents: 6_255,
      pendingPoints: 0,
      pendingValueCents: 0,
      debtPoints: 100,
      expiring: [{ month: '2026-12', points: 90, valueCents: 90 }],
      expiringPoints: 90,
      expiringValueCents: 90,
      redeemedPoints: 160,
      expiredPoints: 30,
      historicalRedemptionRate: 0.8421,
      exposureCents: 5_267,
      coupons: {
        asOf: '2026-11-25T06:00:00.000Z',
        count: 3,
        faceValueCents: 2_000,
        withoutFaceValue: 1,
        expiring: [
          { month: '2026-12', count: 2, faceValueCents: 2_000 },
          { month: '2027-01', count: 1, faceValueCents: 0 },
        ],
      },
    };
    expect(liabilityCsv(view).split('\r\n')).toEqual([
      'figure,month,points,value_cents',
      'snapshot_at,2026-11-25T05:00:41.120Z,,',
      'as_of,2026-11-25T05:00:00.000Z,,',
      'period_from,2026-10-27,,',
      'period_to,2026-11-25,,',
      'issued_in_period,,500,500',
      'redeemed_in_period,,120,120',
      'expired_in_period,,30,30',
      'redemption_cents_per_100_points,,,100',
      'outstanding,,6255,6255',
      'pending,,0,0',
      'debt,,100,',
      'expiring,2026-12,90,90',
      'expiring_12_months,,90,90',
      'redeemed_lifetime,,160,',
      'expired_lifetime,,30,',
      'historical_redemption_rate,,0.8421,',
      'exposure,,,5267',
      'coupons_as_of,2026-11-25T06:00:00.000Z,,',
      'coupons_outstanding,,3,2000',
      'coupons_without_face_value,,1,',
      'coupons_expiring,2026-12,2,2000',
      'coupons_expiring,2027-01,1,0',
      '',
    ]);
  });
});
