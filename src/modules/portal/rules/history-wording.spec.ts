import { describeEntry, LedgerFact, money } from './history-wording';

const fact = (over: Partial<LedgerFact>): LedgerFact => ({
  entryId: 7,
  type: 'accrual',
  points: 0,
  balanceAfter: 100,
  refType: 'purchase',
  refId: 'p-1',
  createdAt: new Date('2026-11-25T10:00:00Z'),
  ...over,
});

describe('history wording', () => {
  it('names the store, the receipt, the total and each rule of a purchase', () => {
    const item = describeEntry(fact({ points: 87 }), {
      storeName: 'Jing An',
      receiptNo: 'R-1',
      totalCents: 5000,
      occurredAt: new Date('2026-11-12T06:40:00.000Z'),
      breakdown: [
        { rule: 'base', points: 50 },
        { rule: 'tier', points: 25 },
        { rule: 'campaign', points: 12, name: 'Double Tuesday' },
      ],
    });
    expect(item.kind).toBe('purchase');
    expect(item.title).toBe('Purchase at Jing An, receipt R-1 (¥50.00): 87 points earned');
    expect(item.breakdown).toEqual([
      { rule: 'base', label: 'Base points', name: null, points: 50 },
      { rule: 'tier', label: 'Tier bonus', name: null, points: 25 },
      { rule: 'campaign', label: 'Campaign bonus: Double Tuesday', name: 'Double Tuesday', points: 12 },
    ]);
    expect(item.breakdown.reduce((s, b) => s + b.points, 0)).toBe(item.points);
    expect(item.amountCents).toBe(5000);
    expect(item.at).toBe('2026-11-25T10:00:00.000Z'); // posted
    expect(item.occurredAt).toBe('2026-11-12T06:40:00.000Z'); // at the till: an offline receipt keeps its day
  });

  it('words a refund, a redemption, its cancel and an expiry', () => {
    expect(describeEntry(fact({ type: 'refund_clawback', points: -12 }), { storeName: 'A', receiptNo: 'R-1', refundNo: 'F-1' }).title).toBe(
      'Refund at A, receipt R-1 (refund F-1): 12 points taken back',
    );
    expect(describeEntry(fact({ type: 'redemption', points: -500 }), { storeName: 'A', discountCents: 500 }).title).toBe(
      'Redeemed 500 points at A for ¥5.00 off',
    );
    expect(describeEntry(fact({ type: 'redemption_cancel', points: 500 }), { storeName: 'A' }).title).toBe(
      'Redemption cancelled at A: 500 points returned',
    );
    expect(describeEntry(fact({ type: 'expiry', points: -30 }), { earnedAt: new Date('2024-11-02T00:00:00Z') }).title).toBe(
      '30 points expired (earned 2024-11-02)',
    );
  });

  it('words bonuses by campaign name or birthday', () => {
    expect(describeEntry(fact({ type: 'bonus', points: 100, refType: 'campaign' }), { campaignName: 'Welcome' }).title).toBe(
      'Bonus from Welcome: 100 points',
    );
    expect(describeEntry(fact({ type: 'bonus', points: 88, refType: 'birthday' }), {}).title).toBe('Birthday bonus: 88 points');
  });

  it('never shows staff text or another member: adjustments and merges in neutral words', () => {
    const adj = describeEntry(fact({ type: 'adjustment', points: -40, refType: 'adjustment', refId: 'key-1' }), {});
    expect(adj).toMatchObject({ kind: 'adjustment', title: 'Adjusted by customer service: -40 points' });
    const merged = describeEntry(fact({ type: 'merge_in', points: 300, refType: 'merge', refId: 'other-member-id' }), {});
    expect(merged.title).toBe('Points moved in from another account of yours: 300 points');
    expect(JSON.stringify(merged)).not.toContain('other-member-id');
    expect(describeEntry(fact({ type: 'adjustment', points: 500, refType: 'import' }), {}).kind).toBe('opening_balance');
  });

  it('formats money in yuan with two decimals', () => {
    expect(money(0)).toBe('¥0.00');
    expect(money(2590)).toBe('¥25.90');
    expect(money(-5)).toBe('-¥0.05');
  });

  it('names the reward a points exchange and a voided coupon are for', () => {
    const exchange = describeEntry(fact({ type: 'reward_exchange', points: -500, refType: 'reward' }), {
      rewardName: '满50减10 / ¥10 off ¥50',
    });
    expect(exchange.kind).toBe('reward');
    expect(exchange.title).toBe('Exchanged for 满50减10 / ¥10 off ¥50: 500 points');
    const back = describeEntry(fact({ type: 'reward_return', points: 500, refType: 'reward' }), { rewardName: '满50减10 / ¥10 off ¥50' });
    expect(back.kind).toBe('reward_return');
    expect(back.title).toBe('Coupon voided (满50减10 / ¥10 off ¥50): 500 points returned');
  });

  it('words goodwill points as given for the member’s complaint, without the staff reason', () => {
    const item = describeEntry(fact({ type: 'goodwill', points: 200, refType: 'complaint' }), {});
    expect(item.kind).toBe('goodwill');
    expect(item.title).toBe('Goodwill points for your complaint: 200 points');
  });
});
