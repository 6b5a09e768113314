import { clawbackDebit, clawbackForRefund } from './clawback';

describe('refund clawback', () => {
  it('claws back proportionally to the refunded eligible amount, rounded down', () => {
    // 25 points on 2590 eligible cents; refund 1295 → floor(25 × 1295 / 2590) = 12
    expect(
      clawbackForRefund({
        pointsEarned: 25,
        eligibleCents: 2590,
        refundedEligibleCentsBefore: 0,
        refundedEligibleCentsNow: 1295,
        pointsReversedBefore: 0,
      }),
    ).toBe(12);
  });

  it('several partial refunds add up exactly to the points of the purchase', () => {
    const pointsEarned = 151;
    const eligibleCents = 10150;
    const parts = [1, 333, 4000, 17, 2999, 2800];
    expect(parts.reduce((a, b) => a + b, 0)).toBe(eligibleCents);
    let refunded = 0;
    let reversed = 0;
    for (const part of parts) {
      const claw = clawbackForRefund({
        pointsEarned,
        eligibleCents,
        refundedEligibleCentsBefore: refunded,
        refundedEligibleCentsNow: part,
        pointsReversedBefore: reversed,
      });
      expect(claw).toBeGreaterThanOrEqual(0);
      refunded += part;
      reversed += claw;
    }
    expect(reversed).toBe(pointsEarned);
  });

  it('a full refund in one go reverses everything earned', () => {
    expect(
      clawbackForRefund({
        pointsEarned: 77,
        eligibleCents: 5190,
        refundedEligibleCentsBefore: 0,
        refundedEligibleCentsNow: 5190,
        pointsReversedBefore: 0,
      }),
    ).toBe(77);
  });

  it('refunding only excluded lines reverses nothing', () => {
    expect(
      clawbackForRefund({
        pointsEarned: 10,
        eligibleCents: 1000,
        refundedEligibleCentsBefore: 0,
        refundedEligibleCentsNow: 0,
        pointsReversedBefore: 0,
      }),
    ).toBe(0);
  });

  it('refuses a refund larger than the eligible amount', () => {
    expect(() =>
      clawbackForRefund({
        pointsEarned: 10,
        eligibleCents: 1000,
        refundedEligibleCentsBefore: 600,
        refundedEligibleCentsNow: 500,
        pointsReversedBefore: 6,
      }),
    ).toThrow(RangeError);
  });

  it('with negative balances allowed the whole clawback is taken, leaving a visible debt', () => {
    expect(clawbackDebit(50, 20, true)).toEqual({ debit: 50, forgiven: 0 });
  });

  it('with negative balances off the clawback stops at zero and the rest is forgiven', () => {
    expect(clawbackDebit(50, 20, false)).toEqual({ debit: 20, forgiven: 30 });
    expect(clawbackDebit(50, 80, false)).toEqual({ debit: 50, forgiven: 0 });
    expect(clawbackDebit(50, -10, false)).toEqual({ debit: 0, forgiven: 50 });
  });
});
