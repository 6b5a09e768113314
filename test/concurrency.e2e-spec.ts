import request from 'supertest';
import { createMember, createStore, ledgerInvariants, purchaseBody, TestStore, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Many terminals at the same instant: the database settles every race. */
describe('concurrent postings for one member', () => {
  let t: TestApp;
  let url: string;
  let storeA: TestStore;
  let storeB: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    storeA = await createStore(t);
    storeB = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (store: TestStore, path: string, body: unknown) =>
    request(url)
      .post(`/api/v1/pos/${path}`)
      .set('Authorization', `Bearer ${store.key}`)
      .send(body as object);

  it('many concurrent purchases and replays across two stores end with the exact balance', async () => {
    const m = await createMember(t);
    const receipts = Array.from({ length: 30 }, (_, i) => ({
      store: i % 2 === 0 ? storeA : storeB,
      body: purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100 * (i + 1) + 37 }]),
    }));
    // Every receipt three times, all at once, shuffled.
    const sends = receipts.flatMap((r) => [r, r, r]).sort(() => Math.random() - 0.5);
    const responses = await Promise.all(sends.map((s) => post(s.store, 'transactions', s.body).then((res) => ({ s, res }))));
    for (const r of receipts) {
      const mine = responses.filter((x) => x.s === r);
      expect(mine.map((x) => x.res.status).sort()).toEqual([200, 200, 201]);
      expect(mine[1].res.body).toEqual(mine[0].res.body);
      expect(mine[2].res.body).toEqual(mine[0].res.body);
    }
    const expected = receipts.reduce((sum, _r, i) => sum + Math.floor((100 * (i + 1) + 37) / 100), 0);
    const inv = await ledgerInvariants(t.db, m.memberId);
    expect(inv).toEqual({ balance: expected, entrySum: expected, lotSum: expected, lowestLot: expect.any(Number) });
    const [count] = await t.db.query('SELECT COUNT(*) AS n FROM purchases WHERE member_id = ?', [m.memberId]);
    expect(Number(count.n)).toBe(30);
  });

  it('one receiptNo sent at once with different bodies posts once; the others get 409', async () => {
    const m = await createMember(t);
    const receiptNo = uniq('R');
    const bodies = Array.from({ length: 8 }, (_, i) =>
      purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 1000 + i * 100 }], { receiptNo }),
    );
    const responses = await Promise.all(bodies.map((b) => post(storeA, 'transactions', b)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const winner = responses.find((r) => r.status === 201);
    expect((await ledgerInvariants(t.db, m.memberId)).balance).toBe(winner?.body.pointsEarned);
  });

  it('20 concurrent redemptions of 100 points from a balance of 1000 succeed exactly 10 times', async () => {
    const m = await createMember(t);
    await post(storeA, 'transactions', purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100_000 }])).expect(201);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(i % 2 ? storeA : storeB, 'redemptions', { redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 100 }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = responses.filter((r) => r.status === 422);
    expect(refused).toHaveLength(10);
    for (const r of refused) {
      expect(r.body.code).toBe('INSUFFICIENT_POINTS');
    }
    expect(await ledgerInvariants(t.db, m.memberId)).toEqual({ balance: 0, entrySum: 0, lotSum: 0, lowestLot: 0 });
  });

  it('purchases, refunds, redemptions, cancels and their replays racing together keep balance = ledger and no lot below zero', async () => {
    const m = await createMember(t);
    const seed = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(storeA, 'transactions', purchaseBody({ cardNo: m.cardNo }, [{ sku: 'A', quantity: 4, amountCents: 40_000 }])),
      ),
    );
    const seedReceipts = seed.map((r) => r.body.receiptNo as string);
    const redemptionNos = Array.from({ length: 10 }, () => uniq('D'));
    const ops: Array<() => Promise<request.Response>> = [];
    for (let i = 0; i < 10; i++) {
      const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 5_000 + i }]);
      ops.push(
        () => post(storeB, 'transactions', body),
        () => post(storeB, 'transactions', body),
      );
    }
    for (const receiptNo of seedReceipts) {
      const body = { refundNo: uniq('F'), receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 10_000 }] };
      ops.push(
        () => post(storeA, 'refunds', body),
        () => post(storeA, 'refunds', body),
      );
    }
    for (const redemptionNo of redemptionNos) {
      const body = { redemptionNo, member: { cardNo: m.cardNo }, points: 250 };
      ops.push(
        () => post(storeA, 'redemptions', body),
        () => post(storeA, 'redemptions', body),
      );
    }
    const results = await Promise.all(ops.sort(() => Math.random() - 0.5).map((op) => op()));
    for (const r of results) {
      expect([200, 201, 422]).toContain(r.status);
    }
    const cancels = await Promise.all(
      redemptionNos
        .slice(0, 5)
        .flatMap((no) =>
          [0, 1].map(() => request(url).post(`/api/v1/pos/redemptions/${no}/cancel`).set('Authorization', `Bearer ${storeA.key}`)),
        ),
    );
    for (const c of cancels) {
      expect([200, 404]).toContain(c.status);
    }
    const inv = await ledgerInvariants(t.db, m.memberId);
    expect(inv.entrySum).toBe(inv.balance);
    expect(inv.lotSum).toBe(Math.max(inv.balance, 0));
    expect(inv.lowestLot).toBeGreaterThanOrEqual(0);
    // 6 × 400 + 10 × 50 earned; 6 × 100 clawed back; the redemptions that went through are still out unless cancelled.
    const [redeemed] = await t.db.query(
      "SELECT COALESCE(SUM(points), 0) AS s FROM redemptions WHERE member_id = ? AND status = 'completed'",
      [m.memberId],
    );
    expect(inv.balance).toBe(2400 + 500 - 600 - Number(redeemed.s));
  });
});
