import { CsvValue, toCsv } from '../../common/csv';
import type { LiabilityView } from './use-cases/get-liability.use-case';

/**
 * The liability as CSV for finance: one line per figure, columns
 * figure, month, points, value_cents (money in cents at the program's
 * redemption rate), plus the rate lines; the snapshot's instant first, then the period (its first and last business
 * day, in the month column) and the points issued, redeemed and expired in it. The coupon lines
 * put a count of coupons in the points column and their face value in value_cents.
 */
export function liabilityCsv(view: LiabilityView): string {
  const lines: CsvValue[][] = [
    ['figure', 'month', 'points', 'value_cents'],
    ['snapshot_at', view.snapshotAt, null, null],
    ['as_of', view.asOf, null, null],
    ['period_from', view.period?.from ?? null, null, null],
    ['period_to', view.period?.to ?? null, null, null],
    ['issued_in_period', null, view.periodPoints.issued, view.periodPoints.issuedValueCents],
    ['redeemed_in_period', null, view.periodPoints.redeemed, view.periodPoints.redeemedValueCents],
    ['expired_in_period', null, view.periodPoints.expired, view.periodPoints.expiredValueCents],
    ['redemption_cents_per_100_points', null, null, view.redemptionCentsPer100Points],
    ['outstanding', null, view.outstandingPoints, view.outstandingValueCents],
    ['pending', null, view.pendingPoints, view.pendingValueCents],
    ['debt', null, view.debtPoints, null],
    ...view.expiring.map((e) => ['expiring', e.month, e.points, e.valueCents]),
    ['expiring_12_months', null, view.expiringPoints, view.expiringValueCents],
    ['redeemed_lifetime', null, view.redeemedPoints, null],
    ['expired_lifetime', null, view.expiredPoints, null],
    ['historical_redemption_rate', null, view.historicalRedemptionRate, null],
    ['exposure', null, null, view.exposureCents],
    ['coupons_as_of', view.coupons.asOf, null, null],
    ['coupons_outstanding', null, view.coupons.count, view.coupons.faceValueCents],
    ['coupons_without_face_value', null, view.coupons.withoutFaceValue, null],
    ...view.coupons.expiring.map((e) => ['coupons_expiring', e.month, e.count, e.faceValueCents]),
  ];
  return toCsv(lines);
}
