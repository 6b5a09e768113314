import {
  createMember,
  createStore,
  ledgerInvariants,
  pos,
  purchaseBody,
  TestMember,
  TestStore,
  uniq,
  writeCounts,
} from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('POS purchases', () => {
  let t: TestApp;
  let store: TestStore;
  let member: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
    member = await createMember(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('a purchase earns 1 point per ¥1 of eligible spend, tobacco and gift cards excluded, and answers 201 with the breakdown', async () => {
    const body = purchaseBody({ cardNo: member.cardNo }, [
      { sku: 'MILK-1L', category: 'dairy', quantity: 2, amountCents: 2590 },
      { sku: 'CIGS', category: 'tobacco', amountCents: 3000 },
      { sku: 'GIFT', category: 'gift_card', amountCents: 10000 },
    ]);
    const res = await pos(t, store).purchase(body).expect(201);
    expect(res.body).toMatchObject({
      receiptNo: body.receiptNo,
      memberId: member.memberId,
      pointsEarned: 25,
      breakdown: [{ rule: 'base', points: 25 }],
      points: { balance: 25, available: 25, pending: 0 },
      tier: { code: 'STANDARD', changed: false, previous: null },
    });
    expect(res.body.transactionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ledgerInvariants(t.db, member.memberId)).toEqual({ balance: 25, entrySum: 25, lotSum: 25, lowestLot: 25 });
  });

  it('replaying the same receipt with the same body returns 200 and the first answer, and posts nothing', async () => {
    const m = await createMember(t);
    const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 1000 }]);
    const first = await pos(t, store).purchase(body).expect(201);
    const before = await writeCounts(t.db);
    const again = await pos(t, store).purchase(body).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('the same receiptNo with a different body is 409 IDEMPOTENCY_CONFLICT and writes nothing', async () => {
    const m = await createMember(t);
    const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 1000 }]);
    await pos(t, store).purchase(body).expect(201);
    const before = await writeCounts(t.db);
    const res = await pos(t, store)
      .purchase({ ...body, lines: [{ ...body.lines[0], amountCents: 2000 }], totalCents: 2000 })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'IDEMPOTENCY_CONFLICT' });
    expect(typeof res.body.message).toBe('string');
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('receipt numbers are unique per store: two stores may both use R-0001', async () => {
    const other = await createStore(t);
    const m = await createMember(t);
    const receiptNo = uniq('R-0001');
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 500 }], { receiptNo }))
      .expect(201);
    await pos(t, other)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 700 }], { receiptNo }))
      .expect(201);
    expect((await ledgerInvariants(t.db, m.memberId)).balance).toBe(12);
  });

  it('a member can be named by phone or by memberId', async () => {
    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ phone: m.phone }, [{ amountCents: 300 }]))
      .expect(201);
    const res = await pos(t, store)
      .purchase(purchaseBody({ memberId: m.memberId }, [{ amountCents: 400 }]))
      .expect(201);
    expect(res.body.points.balance).toBe(7);
  });

  it('totalCents that is not the sum of the lines is 422 TOTAL_MISMATCH and writes nothing', async () => {
    const before = await writeCounts(t.db);
    const res = await pos(t, store)
      .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 1000 }, { amountCents: 250 }], { totalCents: 1200 }))
      .expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'TOTAL_MISMATCH' });
    expect(res.body.message).toContain('1250');
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('an unknown card is 404 MEMBER_NOT_FOUND; so are an unknown phone and memberId', async () => {
    // A well-formed card number (valid check digit) that was never issued.
    const unknownCard = '8000000000000000'.slice(0, 15);
    const { luhnCheckDigit } = await import('../src/modules/cards/card-number');
    const cardNo = unknownCard + String(luhnCheckDigit(unknownCard));
    for (const ref of [{ cardNo }, { phone: '+8613000000001' }, { memberId: '01a21201-0000-7000-8000-000000000000' }]) {
      const res = await pos(t, store)
        .purchase(purchaseBody(ref, [{ amountCents: 100 }]))
        .expect(404);
      expect(res.body.code).toBe('MEMBER_NOT_FOUND');
    }
  });

  it('a frozen, lost or closed card is 422 CARD_INACTIVE and writes nothing', async () => {
    for (const status of ['frozen', 'lost', 'closed']) {
      const m = await createMember(t);
      await t.db.query('UPDATE cards SET status = ? WHERE card_no = ?', [status, m.cardNo]);
      const before = await writeCounts(t.db);
      const res = await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100 }]))
        .expect(422);
      expect(res.body.code).toBe('CARD_INACTIVE');
      expect(res.body.message).toContain(status);
      expect(await writeCounts(t.db)).toEqual(before);
    }
  });

  it('the purchase that crosses ¥5,000 of qualifying spend upgrades to VIP, and VIP earns 1.5x from the next purchase', async () => {
    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 400_000 }]))
      .expect(201);
    const crossing = await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100_000 }]))
      .expect(201);
    // The tier held when the purchase arrives applies: this one still earns at STANDARD.
    expect(crossing.body.pointsEarned).toBe(1000);
    expect(crossing.body.tier).toEqual({ code: 'VIP', changed: true, previous: 'STANDARD' });
    const next = await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 10_150 }]))
      .expect(201);
    expect(next.body.breakdown).toEqual([
      { rule: 'base', points: 101 },
      { rule: 'tier', points: 50 },
    ]);
    expect(next.body.tier).toEqual({ code: 'VIP', changed: false, previous: null });
    const history = await t.db.query('SELECT from_tier, to_tier, reason FROM tier_history WHERE member_id = ? ORDER BY id', [m.memberId]);
    expect(history.map((h: { to_tier: string }) => h.to_tier)).toEqual(['STANDARD', 'VIP']);
  });

  it('refunds lower qualifying spend: a refunded ¥4,000 does not count toward VIP', async () => {
    const m = await createMember(t);
    const big = purchaseBody({ cardNo: m.cardNo }, [{ sku: 'TV', amountCents: 400_000 }]);
    await pos(t, store).purchase(big).expect(201);
    await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo: big.receiptNo, lines: [{ sku: 'TV', quantity: 1, amountCents: 400_000 }] })
      .expect(201);
    const res = await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 150_000 }]))
      .expect(201);
    expect(res.body.tier).toEqual({ code: 'STANDARD', changed: false, previous: null });
  });

  it('one purchase over ¥20,000 goes straight to SVIP', async () => {
    const m = await createMember(t);
    const res = await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 2_000_000 }]))
      .expect(201);
    expect(res.body.tier).toEqual({ code: 'SVIP', changed: true, previous: 'STANDARD' });
    const lookup = await pos(t, store).lookup({ cardNo: m.cardNo }).expect(200);
    expect(lookup.body.tier).toEqual({ code: 'SVIP', name: 'SVIP', priorityService: true });
  });

  describe('bad input gets 400 VALIDATION_FAILED with the fields named, and writes nothing', () => {
    const cases: Array<[string, (cardNo: string) => unknown, string]> = [
      [
        'a missing receiptNo',
        (c) => {
          const b: Record<string, unknown> = purchaseBody({ cardNo: c }, [{ amountCents: 100 }]);
          delete b.receiptNo;
          return b;
        },
        'receiptNo',
      ],
      ['an unknown field', (c) => ({ ...purchaseBody({ cardNo: c }, [{ amountCents: 100 }]), discount: 5 }), 'discount'],
      [
        'an unknown field inside a line',
        (c) => {
          const b = purchaseBody({ cardNo: c }, [{ amountCents: 100 }]);
          return { ...b, lines: [{ ...b.lines[0], price: 1 }] };
        },
        'lines[0].price',
      ],
      [
        'a string amount',
        (c) => {
          const b = purchaseBody({ cardNo: c }, [{ amountCents: 100 }]);
          return { ...b, lines: [{ ...b.lines[0], amountCents: '100' }], totalCents: '100' };
        },
        'lines[0].amountCents',
      ],
      ['a negative amount', (c) => purchaseBody({ cardNo: c }, [{ amountCents: -100 }]), 'lines[0].amountCents'],
      ['a fractional amount', (c) => purchaseBody({ cardNo: c }, [{ amountCents: 100.5 }]), 'lines[0].amountCents'],
      ['a huge amount', (c) => purchaseBody({ cardNo: c }, [{ amountCents: 1e20 }]), 'lines[0].amountCents'],
      [
        'more than 500 lines',
        (c) =>
          purchaseBody(
            { cardNo: c },
            Array.from({ length: 501 }, () => ({ amountCents: 1 })),
          ),
        'lines',
      ],
      ['no lines', (c) => ({ ...purchaseBody({ cardNo: c }, [{ amountCents: 1 }]), lines: [], totalCents: 0 }), 'lines'],
      ['an overlong receiptNo', (c) => purchaseBody({ cardNo: c }, [{ amountCents: 1 }], { receiptNo: 'R'.repeat(65) }), 'receiptNo'],
      ['an overlong sku', (c) => purchaseBody({ cardNo: c }, [{ sku: 'X'.repeat(65), amountCents: 1 }]), 'lines[0].sku'],
      ['two member references', (c) => purchaseBody({ cardNo: c, phone: '+8613800138000' }, [{ amountCents: 1 }]), 'member'],
      ['no member reference', () => purchaseBody({}, [{ amountCents: 1 }]), 'member'],
      [
        'a card number with a wrong check digit',
        (c) => purchaseBody({ cardNo: c.slice(0, 15) + String((Number(c[15]) + 1) % 10) }, [{ amountCents: 1 }]),
        'member.cardNo',
      ],
      ['a phone not in E.164', () => purchaseBody({ phone: '13800138000' }, [{ amountCents: 1 }]), 'member.phone'],
      [
        'a time without an offset',
        (c) => purchaseBody({ cardNo: c }, [{ amountCents: 1 }], { occurredAt: '2026-11-24T10:00:00' }),
        'occurredAt',
      ],
      ['a quantity of zero', (c) => purchaseBody({ cardNo: c }, [{ amountCents: 1, quantity: 0 }]), 'lines[0].quantity'],
      ['an array instead of an object', () => [1, 2, 3], ''],
    ];

    it.each(cases)('%s', async (_name, build, field) => {
      const before = await writeCounts(t.db);
      const res = await pos(t, store).purchase(build(member.cardNo)).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message.length).toBeGreaterThan(10);
      if (field) {
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect(await writeCounts(t.db)).toEqual(before);
    });

    it('malformed JSON', async () => {
      const before = await writeCounts(t.db);
      const res = await t.http
        .post('/api/v1/pos/transactions')
        .set('Authorization', `Bearer ${store.key}`)
        .set('Content-Type', 'application/json')
        .send('{"receiptNo": "R-1", "lines": [')
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details[0].field).toBe('body');
      expect(await writeCounts(t.db)).toEqual(before);
    });
  });
});
