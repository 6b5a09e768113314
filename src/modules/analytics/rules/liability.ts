/** Money value of points at the program's redemption rate, in cents, rounded down. */
export function moneyValueCents(points: number, redemptionCentsPer100Points: number): number {
  if (points <= 0) {
    return 0;
  }
  return Number((BigInt(points) * BigInt(redemptionCentsPer100Points)) / 100n);
}

/**
 * The historical redemption rate: of the points that ever left members'
 * balances by redemption or by expiry, the share that was redeemed
 * (redeemed ÷ (redeemed + expired)). With nothing redeemed or expired yet
 * there is no history, and the rate is taken as 1 (every point will be
 * redeemed): the cautious figure for finance.
 */
export function historicalRedemptionRate(redeemedPoints: number, expiredPoints: number): { numerator: number; denominator: number } {
  const resolved = redeemedPoints + expiredPoints;
  return resolved > 0 ? { numerator: Math.max(redeemedPoints, 0), denominator: resolved } : { numerator: 1, denominator: 1 };
}

/**
 * Redemption-rate-adjusted exposure: the money value of the outstanding
 * points times the historical redemption rate, in cents, rounded down —
 * what the outstanding points are expected to cost when redeemed.
 * Computed in integers: floor(outstanding × centsPer100 × redeemed ÷ (100 × (redeemed + expired))).
 */
export function exposureCents(
  outstandingPoints: number,
  redemptionCentsPer100Points: number,
  redeemedPoints: number,
  expiredPoints: number,
): number {
  if (outstandingPoints <= 0) {
    return 0;
  }
  const rate = historicalRedemptionRate(redeemedPoints, expiredPoints);
  return Number(
    (BigInt(outstandingPoints) * BigInt(redemptionCentsPer100Points) * BigInt(rate.numerator)) / (100n * BigInt(rate.denominator)),
  );
}
