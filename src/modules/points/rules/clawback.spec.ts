import { campaignGiveBack, clawbackDebit, clawbackForRefund } from './clawback';

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

describe('campaign budget give-back on a refund', () => {
  const rows = [
    { campaignId: 'c1', points: 50 },
    { campaignId: 'c2', points: 33 },
  ];

  it('a full refund gives each campaign back all the points its rule gave', () => {
    expect(
      campaignGiveBack(
        rows,
        { eligibleCents: 12_000, refundedEligibleCentsBefore: 0, refundedEligibleCentsNow: 12_000 },
        { clawback: 203, debit: 203 },
      ),
    ).toEqual(rows);
  });

  it('partial refunds give back the row’s share, adding up exactly to the row', () => {
    const parts = [1, 3_333, 4_000, 17, 4_649];
    let before = 0;
    const total = new Map<string, number>();
    for (const part of parts) {
      for (const g of campaignGiveBack(
        rows,
        { eligibleCents: 12_000, refundedEligibleCentsBefore: before, refundedEligibleCentsNow: part },
        { clawback: 1, debit: 1 },
      )) {
        total.set(g.campaignId, (total.get(g.campaignId) ?? 0) + g.points);
      }
      before += part;
    }
    expect(before).toBe(12_000);
    expect(Object.fromEntries(total)).toEqual({ c1: 50, c2: 33 });
  });

  it('a half refund gives back half of the row, rounded down', () => {
    expect(
      campaignGiveBack(
        rows,
        { eligibleCents: 12_000, refundedEligibleCentsBefore: 0, refundedEligibleCentsNow: 6_000 },
        { clawback: 101, debit: 101 },
      ),
    ).toEqual([
      { campaignId: 'c1', points: 25 },
      { campaignId: 'c2', points: 16 },
    ]);
  });

  it('points forgiven (the balance may not go below zero) stay spent: the share shrinks to what was taken back', () => {
    expect(
      campaignGiveBack(
        rows,
        { eligibleCents: 12_000, refundedEligibleCentsBefore: 0, refundedEligibleCentsNow: 12_000 },
        { clawback: 200, debit: 100 },
      ),
    ).toEqual([
      { campaignId: 'c1', points: 25 },
      { campaignId: 'c2', points: 16 },
    ]);
    expect(
      campaignGiveBack(
        rows,
        { eligibleCents: 12_000, refundedEligibleCentsBefore: 0, refundedEligibleCentsNow: 12_000 },
        { clawback: 200, debit: 0 },
      ),
    ).toEqual([]);
  });

  it('a purchase without campaign rows gives nothing back', () => {
    expect(
      campaignGiveBack(
        [],
        { eligibleCents: 100, refundedEligibleCentsBefore: 0, refundedEligibleCentsNow: 100 },
        { clawback: 1, debit: 1 },
      ),
    ).toEqual([]);
  });
});
