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

/**
 * What a refund returns to each campaign whose bonus rule added a row to the
 * purchase: the row's share of the clawback, cumulative like the clawback
 * (floor(rowPoints × refundedEligibleCents / eligibleCents) less what earlier
 * refunds returned), so partial refunds add up to the whole row and the
 * campaigns never get back more than the refund took. Points forgiven (a
 * balance that may not go below zero) stay with the member, so stay spent:
 * the shares shrink to what was actually taken back.
 */
export function campaignGiveBack(
  rows: Array<{ campaignId: string; points: number }>,
  input: { eligibleCents: number; refundedEligibleCentsBefore: number; refundedEligibleCentsNow: number },
  taken: { clawback: number; debit: number },
): Array<{ campaignId: string; points: number }> {
  if (input.eligibleCents <= 0 || taken.clawback <= 0) {
    return [];
  }
  const share = (points: number, refunded: number) => Number((BigInt(points) * BigInt(refunded)) / BigInt(input.eligibleCents));
  const out: Array<{ campaignId: string; points: number }> = [];
  for (const row of rows) {
    const now =
      share(row.points, input.refundedEligibleCentsBefore + input.refundedEligibleCentsNow) -
      share(row.points, input.refundedEligibleCentsBefore);
    const points = taken.debit >= taken.clawback ? now : Number((BigInt(now) * BigInt(Math.max(taken.debit, 0))) / BigInt(taken.clawback));
    if (points > 0) {
      out.push({ campaignId: row.campaignId, points });
    }
  }
  return out;
}
