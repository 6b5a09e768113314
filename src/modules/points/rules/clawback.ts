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

/**
 * What a clawback actually takes from the balance. With negative balances
 * allowed (the default) it is the whole clawback and may leave a visible
 * debt; otherwise it stops at zero and the rest is forgiven.
 */
export function clawbackDebit(clawback: number, balance: number, allowNegativeBalance: boolean): { debit: number; forgiven: number } {
  const debit = allowNegativeBalance ? clawback : Math.min(clawback, Math.max(balance, 0));
  return { debit, forgiven: clawback - debit };
}
