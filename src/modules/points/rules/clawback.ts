/**
 * Points clawed back for a receipt in total after refunds are
 * floor(pointsEarned × refundedEligibleCents / eligibleCents). Each refund
 * reverses the difference from what earlier refunds already reversed, so
 * several partial refunds add up exactly to a full one.
 */
export function clawbackForRefund(input: {
  pointsEarned: number;
  eligibleCents: number;
  refundedEligibleCentsBefore: number;
  refundedEligibleCentsNow: number;
  pointsReversedBefore: number;
}): number {
  if (input.eligibleCents <= 0 || input.pointsEarned <= 0) {
    return 0;
  }
  const refundedTotal = input.refundedEligibleCentsBefore + input.refundedEligibleCentsNow;
  if (refundedTotal > input.eligibleCents) {
    throw new RangeError('refunded eligible cents exceed the eligible cents of the purchase');
  }
  const totalClawback = Number((BigInt(input.pointsEarned) * BigInt(refundedTotal)) / BigInt(input.eligibleCents));
  return totalClawback - input.pointsReversedBefore;
}
