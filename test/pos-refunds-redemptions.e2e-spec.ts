import {
  createMember,
  createStore,
  ledgerInvariants,
  pos,
  purchaseBody,
  TestStore,
  uniq,
  writeCounts,
  memberWithPoints,
} from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('POS refunds', () => {
  let t: TestApp;
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  async function buy(lines: Array<{ sku: string; category?: string; quantity?: number; amountCents: number }>) {
    const m = await createMember(t);
    const body = purchaseBody({ cardNo: m.cardNo }, lines);
    const res = await pos(t, store).purchase(body).expect(201);
    return { member: m, receiptNo: body.receiptNo, pointsEarned: res.body.pointsEarned as number };
  }

  it('partial refunds claw back proportionally and together return the balance exactly to where the purchase found it', async () => {
    const { member, receiptNo, pointsEarned } = await buy([
      { sku: 'MILK-1L', category: 'dairy', quantity: 3, amountCents: 3885 },
      { sku: 'CIGS', category: 'tobacco', amountCents: 3000 },
    ]);
    expect(pointsEarned).toBe(38);
    const r1 = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'MILK-1L', quantity: 1, amountCents: 1295 }] })
      .expect(201);
    expect(r1.body).toMatchObject({ receiptNo, pointsReversed: 12, points: { balance: 26, available: 26, pending: 0 } });
    expect(r1.body.refundId).toMatch(/^[0-9a-f-]{36}$/);
    // Refunding the tobacco line gives no points back: it earned none.
    const r2 = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'CIGS', quantity: 1, amountCents: 3000 }] })
      .expect(201);
    expect(r2.body.pointsReversed).toBe(0);
    const r3 = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'MILK-1L', quantity: 1, amountCents: 1295 }] })
      .expect(201);
    const r4 = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'MILK-1L', quantity: 1, amountCents: 1295 }] })
      .expect(201);
    expect(12 + r3.body.pointsReversed + r4.body.pointsReversed).toBe(38);
    expect(r4.body.points.balance).toBe(0);
    expect(await ledgerInvariants(t.db, member.memberId)).toEqual({ balance: 0, entrySum: 0, lotSum: 0, lowestLot: 0 });
  });

  it('a replayed refund returns 200 and the same body; the same refundNo with another body is 409', async () => {
    const { receiptNo } = await buy([{ sku: 'A', quantity: 2, amountCents: 2000 }]);
    const body = { refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 1000 }] };
    const first = await pos(t, store).refund(body).expect(201);
    const before = await writeCounts(t.db);
    const again = await pos(t, store).refund(body).expect(200);
    expect(again.body).toEqual(first.body);
    const conflict = await pos(t, store)
      .refund({ ...body, lines: [{ sku: 'A', quantity: 1, amountCents: 999 }] })
      .expect(409);
    expect(conflict.body.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('refunding more than was bought, in one refund or over several, is 422 REFUND_EXCEEDS_PURCHASE and writes nothing', async () => {
    const { receiptNo } = await buy([{ sku: 'A', quantity: 2, amountCents: 2000 }]);
    const before = await writeCounts(t.db);
    const tooMuch = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 2001 }] })
      .expect(422);
    expect(tooMuch.body.code).toBe('REFUND_EXCEEDS_PURCHASE');
    const tooMany = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 3, amountCents: 10 }] })
      .expect(422);
    expect(tooMany.body.code).toBe('REFUND_EXCEEDS_PURCHASE');
    const notBought = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'B', quantity: 1, amountCents: 10 }] })
      .expect(422);
    expect(notBought.body.code).toBe('REFUND_EXCEEDS_PURCHASE');
    expect(await writeCounts(t.db)).toEqual(before);
    await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 1500 }] })
      .expect(201);
    const second = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 501 }] })
      .expect(422);
    expect(second.body.code).toBe('REFUND_EXCEEDS_PURCHASE');
  });

  it('an unknown receipt is 404 TRANSACTION_NOT_FOUND, and a store cannot refund another store’s receipt', async () => {
    const { receiptNo } = await buy([{ sku: 'A', amountCents: 1000 }]);
    const other = await createStore(t);
    const before = await writeCounts(t.db);
    const res = await pos(t, other)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 1000 }] })
      .expect(404);
    expect(res.body.code).toBe('TRANSACTION_NOT_FOUND');
    await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo: uniq('NOPE'), lines: [{ sku: 'A', quantity: 1, amountCents: 1 }] })
      .expect(404);
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('when the points were already spent, a refund takes the balance below zero and later earning pays the debt first', async () => {
    const { member, receiptNo } = await buy([{ sku: 'A', amountCents: 10_000 }]);
    await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: member.cardNo }, points: 100 })
      .expect(201);
    const refund = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 10_000 }] })
      .expect(201);
    expect(refund.body.pointsReversed).toBe(100);
    expect(refund.body.points).toEqual({ balance: -100, available: -100, pending: 0 });
    const redeem = await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: member.cardNo }, points: 1 })
      .expect(422);
    expect(redeem.body.code).toBe('INSUFFICIENT_POINTS');
    const next = await pos(t, store)
      .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 15_000 }]))
      .expect(201);
    expect(next.body.points.balance).toBe(50);
    expect(await ledgerInvariants(t.db, member.memberId)).toEqual({ balance: 50, entrySum: 50, lotSum: 50, lowestLot: 0 });
  });

  it('with negative balances switched off, the clawback stops at zero and the rest is noted as forgiven', async () => {
    await t.db.query('UPDATE program_settings SET allow_negative_balance = 0 WHERE id = 1');
    const { ProgramSettingsService } = await import('../src/modules/program/program-settings.service');
    t.app.get(ProgramSettingsService).invalidate();
    try {
      const { member, receiptNo } = await buy([{ sku: 'A', amountCents: 10_000 }]);
      await pos(t, store)
        .redeem({ redemptionNo: uniq('D'), member: { cardNo: member.cardNo }, points: 60 })
        .expect(201);
      const refund = await pos(t, store)
        .refund({ refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 10_000 }] })
        .expect(201);
      expect(refund.body.pointsReversed).toBe(40);
      expect(refund.body.points.balance).toBe(0);
      const [entry] = await t.db.query("SELECT note FROM point_entries WHERE member_id = ? AND type = 'refund_clawback'", [
        member.memberId,
      ]);
      expect(entry.note).toContain('60 points forgiven');
    } finally {
      await t.db.query('UPDATE program_settings SET allow_negative_balance = 1 WHERE id = 1');
      t.app.get(ProgramSettingsService).invalidate();
    }
  });
});

describe('POS redemptions', () => {
  let t: TestApp;
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const memberWith = (points: number) => memberWithPoints(t, store, points);

  it('redeeming 500 points gives ¥5 off; a replay returns 200 and the same body; another body with that number is 409', async () => {
    const m = await memberWith(1200);
    const body = { redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 500 };
    const first = await pos(t, store).redeem(body).expect(201);
    expect(first.body).toMatchObject({
      redemptionNo: body.redemptionNo,
      pointsRedeemed: 500,
      discountCents: 500,
      points: { balance: 700, available: 700, pending: 0 },
    });
    const before = await writeCounts(t.db);
    expect((await pos(t, store).redeem(body).expect(200)).body).toEqual(first.body);
    expect(
      (
        await pos(t, store)
          .redeem({ ...body, points: 501 })
          .expect(409)
      ).body.code,
    ).toBe('IDEMPOTENCY_CONFLICT');
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('redeeming more than the available points returns 422 INSUFFICIENT_POINTS and writes nothing', async () => {
    const m = await memberWith(100);
    const before = await writeCounts(t.db);
    const res = await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { phone: m.phone }, points: 101 })
      .expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'INSUFFICIENT_POINTS' });
    expect(res.body.message).toContain('100');
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('redeeming on a frozen card is 422 CARD_INACTIVE', async () => {
    const m = await memberWith(100);
    await t.db.query("UPDATE cards SET status = 'frozen' WHERE card_no = ?", [m.cardNo]);
    const res = await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 10 })
      .expect(422);
    expect(res.body.code).toBe('CARD_INACTIVE');
  });

  it('points are spent from the soonest-expiring lot first and a cancel returns them to the same lots', async () => {
    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 30_000 }]))
      .expect(201);
    // An older lot: it expires 300 days before the next one.
    await t.db.query(
      'UPDATE point_lots SET earned_at = DATE_SUB(earned_at, INTERVAL 300 DAY), expires_at = DATE_SUB(expires_at, INTERVAL 300 DAY) WHERE member_id = ?',
      [m.memberId],
    );
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 50_000 }]))
      .expect(201);
    const redemptionNo = uniq('D');
    await pos(t, store)
      .redeem({ redemptionNo, member: { cardNo: m.cardNo }, points: 400 })
      .expect(201);
    const lots = async () =>
      (await t.db.query('SELECT points, remaining FROM point_lots WHERE member_id = ? ORDER BY expires_at', [m.memberId])).map(
        (l: { remaining: string }) => Number(l.remaining),
      );
    expect(await lots()).toEqual([0, 400]);
    const cancel = await pos(t, store).cancel(redemptionNo).expect(200);
    expect(cancel.body).toEqual({ redemptionNo, pointsReturned: 400, points: { balance: 800, available: 800, pending: 0 } });
    expect(await lots()).toEqual([300, 500]);
    const before = await writeCounts(t.db);
    expect((await pos(t, store).cancel(redemptionNo).expect(200)).body).toEqual(cancel.body);
    expect(await writeCounts(t.db)).toEqual(before);
    expect(await ledgerInvariants(t.db, m.memberId)).toEqual({ balance: 800, entrySum: 800, lotSum: 800, lowestLot: 300 });
  });

  it('cancelling an unknown redemption, or another store’s, is 404 REDEMPTION_NOT_FOUND', async () => {
    const m = await memberWith(100);
    const redemptionNo = uniq('D');
    await pos(t, store)
      .redeem({ redemptionNo, member: { cardNo: m.cardNo }, points: 50 })
      .expect(201);
    const other = await createStore(t);
    expect((await pos(t, other).cancel(redemptionNo).expect(404)).body.code).toBe('REDEMPTION_NOT_FOUND');
    expect((await pos(t, store).cancel(uniq('D')).expect(404)).body.code).toBe('REDEMPTION_NOT_FOUND');
  });

  it.each([
    ['zero points', { points: 0 }, 'points'],
    ['fractional points', { points: 1.5 }, 'points'],
    ['negative points', { points: -5 }, 'points'],
    ['points as a string', { points: '5' }, 'points'],
    ['an unknown field', { points: 5, reason: 'x' }, 'reason'],
  ])('a redemption with %s is 400 VALIDATION_FAILED', async (_name, extra, field) => {
    const m = await memberWith(10);
    const before = await writeCounts(t.db);
    const res = await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, ...extra })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await writeCounts(t.db)).toEqual(before);
  });
});
