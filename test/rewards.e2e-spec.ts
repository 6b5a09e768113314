import { MemberTokensService } from '../src/modules/portal/auth/member-tokens.service';
import { newId } from '../src/common/ids';
import {
  createMember,
  createStore,
  ledgerInvariants,
  loginAdmin,
  memberWithPoints,
  pos,
  purchaseBody,
  TestStore,
  uniq,
} from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Rewards and coupons end to end: the console's catalog, the member's exchange, the till, the expiry job's rule. */
describe('rewards and coupons (admin, portal, POS)', () => {
  let t: TestApp;
  let admin: string;
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const asAdmin = {
    post: (path: string, body: object) => t.http.post(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${admin}`).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${admin}`).send(body),
    get: (path: string) => t.http.get(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${admin}`),
  };
  const memberToken = async (memberId: string) => (await t.app.get(MemberTokensService).issue(memberId)).accessToken;
  const portal = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1/portal/${path}`).set('Authorization', `Bearer ${token}`),
    exchange: (rewardId: string, idempotencyKey = newId()) =>
      t.http.post(`/api/v1/portal/rewards/${rewardId}/exchange`).set('Authorization', `Bearer ${token}`).send({ idempotencyKey }),
  });
  const tenOff = (overrides: Record<string, unknown> = {}) => ({
    nameZh: '满50减10',
    nameEn: '¥10 off ¥50',
    kind: 'amount_off',
    valueCents: 1000,
    minSpendCents: 5000,
    validDays: 30,
    pointsPrice: 500,
    stockTotal: 100,
    perMemberLimit: 3,
    ...overrides,
  });
  const createReward = async (overrides: Record<string, unknown> = {}) =>
    (await asAdmin.post('rewards', tenOff(overrides)).expect(201)).body as { rewardId: string; stockLeft: number };

  /** A member with points and a coupon of a fresh reward bought with 500 of them. */
  async function memberWithCoupon(overrides: Record<string, unknown> = {}) {
    const reward = await createReward(overrides);
    const m = await memberWithPoints(t, store, 2000);
    const token = await memberToken(m.memberId);
    const res = await portal(token).exchange(reward.rewardId).expect(201);
    return { m, token, reward, code: res.body.coupon.code as string, exchange: res.body };
  }

  describe('admin catalog', () => {
    it('creates, edits and archives a reward; each step is audited', async () => {
      const reward = await createReward();
      expect(reward).toMatchObject({ stockLeft: 100, status: 'active', validDays: 30, timezone: 'Asia/Shanghai' });
      const edited = await asAdmin.patch(`rewards/${reward.rewardId}`, { stockTotal: 120, nameEn: '¥10 off' }).expect(200);
      expect(edited.body).toMatchObject({ stockTotal: 120, stockLeft: 120, nameEn: '¥10 off' });
      await asAdmin.patch(`rewards/${reward.rewardId}`, { status: 'archived' }).expect(200);
      const audit = await t.db.query("SELECT action FROM audit_log WHERE entity_type = 'reward' AND entity_id = ? ORDER BY id", [
        reward.rewardId,
      ]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['reward.create', 'reward.update', 'reward.archive']);
      const listed = await asAdmin.get('rewards?status=archived&limit=200').expect(200);
      expect(listed.body.items.map((r: { rewardId: string }) => r.rewardId)).toContain(reward.rewardId);
    });

    it('refuses terms that disagree (amount_off without a value, a window and days) with 400 and writes nothing', async () => {
      const before = await t.db.query('SELECT COUNT(*) AS n FROM rewards');
      const res = await asAdmin.post('rewards', tenOff({ valueCents: null })).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details[0].field).toBe('valueCents');
      const both = await asAdmin
        .post('rewards', tenOff({ validFrom: '2026-12-01T00:00:00+08:00', validUntil: '2026-12-31T00:00:00+08:00' }))
        .expect(400);
      expect(both.body.details[0].field).toBe('validDays');
      expect(await t.db.query('SELECT COUNT(*) AS n FROM rewards')).toEqual(before);
    });
  });

  describe('admin catalog: eligibility by tier and club', () => {
    it('refuses an unknown tier or club code with 422 REWARD_ELIGIBILITY_UNKNOWN naming each, on create and on edit, and writes nothing', async () => {
      const rewardsBefore = await t.db.query('SELECT COUNT(*) AS n FROM rewards');
      const auditBefore = await t.db.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'reward'");
      const tier = await asAdmin.post('rewards', tenOff({ eligibleTiers: ['VIP', 'GOLDX'] })).expect(422);
      expect(tier.body).toMatchObject({
        code: 'REWARD_ELIGIBILITY_UNKNOWN',
        details: [{ field: 'eligibleTiers', message: 'unknown tier code GOLDX' }],
      });
      expect(tier.body.message).toContain('GOLDX');
      const club = await asAdmin.post('rewards', tenOff({ eligibleClubs: ['NO_SUCH_CLUB'] })).expect(422);
      expect(club.body).toMatchObject({ code: 'REWARD_ELIGIBILITY_UNKNOWN', details: [{ field: 'eligibleClubs' }] });
      expect(await t.db.query('SELECT COUNT(*) AS n FROM rewards')).toEqual(rewardsBefore);
      expect(await t.db.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'reward'")).toEqual(auditBefore);

      const reward = await createReward({ eligibleTiers: ['VIP'] });
      const edit = await asAdmin
        .patch(`rewards/${reward.rewardId}`, { eligibleTiers: ['SVIP', 'PLATINUMX'], nameEn: 'changed' })
        .expect(422);
      expect(edit.body.code).toBe('REWARD_ELIGIBILITY_UNKNOWN');
      const after = (await asAdmin.get(`rewards/${reward.rewardId}`).expect(200)).body;
      expect(after).toMatchObject({ eligibleTiers: ['VIP'], nameEn: '¥10 off ¥50' });
    });

    it('keeps known codes in their stored spelling, so eligibility (an exact comparison) still matches', async () => {
      const code = uniq('BABY').toUpperCase().slice(0, 20);
      await asAdmin.post('clubs', { code, nameZh: '母婴俱乐部', nameEn: 'Baby club', joinPolicy: 'open' }).expect(201);
      const res = await asAdmin
        .post('rewards', tenOff({ eligibleTiers: ['vip', 'Standard'], eligibleClubs: [code.toLowerCase()] }))
        .expect(201);
      expect(res.body).toMatchObject({ eligibleTiers: ['VIP', 'STANDARD'], eligibleClubs: [code] });
      const m = await memberWithPoints(t, store, 1000);
      const catalog = await portal(await memberToken(m.memberId))
        .get('rewards')
        .expect(200);
      const item = catalog.body.items.find((i: { rewardId: string }) => i.rewardId === res.body.rewardId);
      // A STANDARD member outside the club: the tier matches (stored as STANDARD), the club does not.
      expect(item.blockers).toEqual(['club']);
    });

    it('store-options names every store for the scope picker, for a marketer too (GET stores needs stores.manage)', async () => {
      const email = `${uniq('mkt')}@test.local`.toLowerCase();
      await asAdmin.post('users', { email, password: 'marketer-password-1', role: 'marketer' }).expect(201);
      const login = await t.http.post('/api/v1/admin/auth/login').send({ email, password: 'marketer-password-1' }).expect(200);
      const marketer = login.body.accessToken as string;
      await t.http.get('/api/v1/admin/stores').set('Authorization', `Bearer ${marketer}`).expect(403);
      const res = await t.http.get('/api/v1/admin/rewards/store-options').set('Authorization', `Bearer ${marketer}`).expect(200);
      expect(res.body.stores).toContainEqual(
        expect.objectContaining({ storeId: store.storeId, code: store.code, name: expect.any(String) }),
      );
    });
  });

  describe('portal exchange', () => {
    it('takes the points through the ledger, issues a coupon with an unguessable code, shows it with the reward name in history', async () => {
      const { m, token, reward, exchange } = await memberWithCoupon();
      expect(exchange).toMatchObject({
        pointsSpent: 500,
        pointsBefore: 2000,
        pointsAfter: 1500,
        coupon: { status: 'active', valueCents: 1000 },
      });
      expect(exchange.coupon.code).toMatch(/^[2-9A-HJKMNP-Z]{16}$/);
      const inv = await ledgerInvariants(t.db, m.memberId);
      expect(inv.balance).toBe(1500);
      expect(inv.entrySum).toBe(1500);
      expect(inv.lotSum).toBe(1500);
      const history = await portal(token).get('me/history').expect(200);
      expect(history.body.items[0]).toMatchObject({
        kind: 'reward',
        points: -500,
        title: 'Exchanged for 满50减10 / ¥10 off ¥50: 500 points',
      });
      const mine = await portal(token).get('me/coupons').expect(200);
      expect(mine.body.active.map((c: { code: string }) => c.code)).toEqual([exchange.coupon.code]);
      expect((await asAdmin.get(`rewards/${reward.rewardId}`).expect(200)).body.stockLeft).toBe(99);
    });

    it('the same idempotency key answers the first result and issues no second coupon; for another reward it is 409', async () => {
      const reward = await createReward();
      const other = await createReward();
      const m = await memberWithPoints(t, store, 2000);
      const token = await memberToken(m.memberId);
      const key = uniq('key');
      const first = await portal(token).exchange(reward.rewardId, key).expect(201);
      const again = await portal(token).exchange(reward.rewardId, key).expect(200);
      expect(again.body).toEqual(first.body);
      expect((await portal(token).exchange(other.rewardId, key).expect(409)).body.code).toBe('IDEMPOTENCY_CONFLICT');
      const [n] = await t.db.query('SELECT COUNT(*) AS n FROM coupons WHERE member_id = ?', [m.memberId]);
      expect(Number(n.n)).toBe(1);
      expect((await ledgerInvariants(t.db, m.memberId)).balance).toBe(1500);
    });

    it('the catalog says why not (points, tier, limit, stock), and the exchange refuses with that reason, writing nothing', async () => {
      const dear = await createReward({ pointsPrice: 5000 });
      const vipOnly = await createReward({ eligibleTiers: ['SVIP'] });
      const once = await createReward({ perMemberLimit: 1 });
      const none = await createReward({ stockTotal: 0 });
      const m = await memberWithPoints(t, store, 1000);
      const token = await memberToken(m.memberId);
      await portal(token).exchange(once.rewardId).expect(201);
      const catalog = await portal(token).get('rewards').expect(200);
      const why = (id: string) => catalog.body.items.find((i: { rewardId: string }) => i.rewardId === id)?.blockers;
      expect(why(dear.rewardId)).toEqual(['points']);
      expect(why(vipOnly.rewardId)).toEqual(['tier']);
      expect(why(once.rewardId)).toEqual(['limit']);
      expect(why(none.rewardId)).toEqual(['stock']);
      const before = await ledgerInvariants(t.db, m.memberId);
      expect((await portal(token).exchange(dear.rewardId).expect(422)).body.code).toBe('INSUFFICIENT_POINTS');
      const refusals = await Promise.all([vipOnly, once, none].map((r) => portal(token).exchange(r.rewardId).expect(422)));
      expect(refusals.map((r) => r.body.details[0].reason)).toEqual(['tier', 'limit', 'stock']);
      expect(await ledgerInvariants(t.db, m.memberId)).toEqual(before);
    });
  });

  describe('at the till', () => {
    it('GET coupons/{code} answers the contract shape; an unknown code is 404 COUPON_NOT_FOUND', async () => {
      const { m, code } = await memberWithCoupon();
      const res = await t.http.get(`/api/v1/pos/coupons/${code.toLowerCase()}`).set('Authorization', `Bearer ${store.key}`).expect(200);
      expect(res.body).toEqual({
        code,
        status: 'active',
        kind: 'amount_off',
        valueCents: 1000,
        percentOff: null,
        giftSku: null,
        minSpendCents: 5000,
        validFrom: expect.any(String),
        validUntil: expect.any(String),
        memberId: m.memberId,
        name: '满50减10',
        usable: true,
        reason: null,
      });
      const unknown = await t.http.get('/api/v1/pos/coupons/ZZZZZZZZZZZZZZZZ').set('Authorization', `Bearer ${store.key}`).expect(404);
      expect(unknown.body.code).toBe('COUPON_NOT_FOUND');
    });

    it('a purchase with the coupon redeems it; a replay answers the same; another receipt gets 409; a full refund gives it back', async () => {
      const { m, code } = await memberWithCoupon();
      const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 6000 }], { coupons: [code] });
      const first = await pos(t, store).purchase(body).expect(201);
      expect(first.body.coupons).toEqual([{ code, status: 'redeemed', discountCents: 1000 }]);
      const replay = await pos(t, store).purchase(body).expect(200);
      expect(replay.body).toEqual(first.body);
      const other = await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 6000 }], { coupons: [code] }))
        .expect(409);
      expect(other.body.code).toBe('COUPON_ALREADY_REDEEMED');
      await pos(t, store)
        .refund({ refundNo: uniq('F'), receiptNo: body.receiptNo, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 6000 }] })
        .expect(201);
      const back = await t.http.get(`/api/v1/pos/coupons/${code}`).set('Authorization', `Bearer ${store.key}`).expect(200);
      expect(back.body).toMatchObject({ status: 'active', usable: true });
    });

    it('two receipts racing for one coupon: exactly one gets it, the other 409', async () => {
      const { m, code } = await memberWithCoupon();
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => pos(t, store).purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 6000 }], { coupons: [code] }))),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      const [uses] = await t.db.query(
        "SELECT COUNT(*) AS n FROM coupon_uses u JOIN coupons c ON c.id = u.coupon_id WHERE c.code = ? AND u.status = 'redeemed'",
        [code],
      );
      expect(Number(uses.n)).toBe(1);
    });

    it.each([
      ['min_spend', (m: { cardNo: string }) => purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 4999 }])],
      [
        'not_yet_valid',
        (m: { cardNo: string }) =>
          purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 6000 }], { occurredAt: new Date(Date.now() - 3_600_000).toISOString() }),
      ],
    ])(
      'a coupon that cannot be used (%s) refuses the whole purchase with 422 COUPON_NOT_VALID and writes nothing',
      async (reason, make) => {
        const { m, code } = await memberWithCoupon();
        const before = await ledgerInvariants(t.db, m.memberId);
        const res = await pos(t, store)
          .purchase({ ...make(m), coupons: [code] })
          .expect(422);
        expect(res.body).toMatchObject({ code: 'COUPON_NOT_VALID', details: [{ reason }] });
        expect(await ledgerInvariants(t.db, m.memberId)).toEqual(before);
        const [c] = await t.db.query('SELECT status FROM coupons WHERE code = ?', [code]);
        expect(c.status).toBe('active');
      },
    );

    it("another member's coupon is other_member; a coupon of another store is store", async () => {
      const { code } = await memberWithCoupon();
      const stranger = await createMember(t);
      const res = await pos(t, store)
        .purchase(purchaseBody({ cardNo: stranger.cardNo }, [{ amountCents: 6000 }], { coupons: [code] }))
        .expect(422);
      expect(res.body.details[0].reason).toBe('other_member');
      const elsewhere = await createStore(t);
      const scoped = await memberWithCoupon({ storeIds: [elsewhere.storeId] });
      const inStore = await pos(t, store)
        .purchase(purchaseBody({ cardNo: scoped.m.cardNo }, [{ amountCents: 6000 }], { coupons: [scoped.code] }))
        .expect(422);
      expect(inStore.body.details[0].reason).toBe('store');
      const check = await t.http.get(`/api/v1/pos/coupons/${scoped.code}`).set('Authorization', `Bearer ${store.key}`).expect(200);
      expect(check.body).toMatchObject({ usable: false, reason: 'store' });
    });

    it('an offline batch posts the receipt with the coupon rejected and keeps the conflict for admin coupons/conflicts', async () => {
      const { m, code } = await memberWithCoupon();
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 6000 }], { coupons: [code] }))
        .expect(201);
      const offline = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 6000 }], { coupons: [code] });
      const res = await pos(t, store)
        .batch({ transactions: [offline] })
        .expect(200);
      expect(res.body.results[0]).toMatchObject({
        status: 201,
        body: { pointsEarned: 60, coupons: [{ code, status: 'rejected', reason: 'already_redeemed' }] },
      });
      const conflicts = await asAdmin.get(`coupons/conflicts?storeId=${store.storeId}`).expect(200);
      expect(conflicts.body.items[0]).toMatchObject({
        code,
        receiptNo: offline.receiptNo,
        reason: 'already_redeemed',
        memberId: m.memberId,
      });
    });
  });

  describe('void and liability', () => {
    it('support voids a coupon with a reason: the points come back through the ledger, audited; voiding again is 409', async () => {
      const { m, code, token } = await memberWithCoupon();
      const res = await asAdmin.post(`coupons/${code}/void`, { reason: 'exchanged by mistake' }).expect(200);
      expect(res.body).toMatchObject({ pointsReturned: 500, coupon: { status: 'void', voidReason: 'exchanged by mistake' } });
      const inv = await ledgerInvariants(t.db, m.memberId);
      expect(inv).toMatchObject({ balance: 2000, entrySum: 2000, lotSum: 2000 });
      expect((await asAdmin.post(`coupons/${code}/void`, { reason: 'again' }).expect(409)).body.code).toBe('COUPON_NOT_VOIDABLE');
      const [a] = await t.db.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'coupon.void' AND changes LIKE ?", [`%${code}%`]);
      expect(Number(a.n)).toBe(1);
      const history = await portal(token).get('me/history').expect(200);
      expect(history.body.items[0]).toMatchObject({ kind: 'reward_return', points: 500 });
      const till = await t.http.get(`/api/v1/pos/coupons/${code}`).set('Authorization', `Bearer ${store.key}`).expect(200);
      expect(till.body).toMatchObject({ status: 'void', usable: false, reason: 'void' });
    });

    it('the liability report and its CSV count outstanding coupons and their face value', async () => {
      await memberWithCoupon();
      const res = await asAdmin.get('analytics/liability').expect(200);
      const [live] = await t.db.query(
        "SELECT COUNT(*) AS n, SUM(value_cents) AS face FROM coupons WHERE status = 'active' AND valid_until >= NOW(3)",
      );
      expect(res.body.coupons).toMatchObject({ count: Number(live.n), faceValueCents: Number(live.face) });
      const csv = await asAdmin.get('analytics/liability?format=csv').expect(200);
      expect(csv.text).toContain(`coupons_outstanding,,${live.n},${live.face}`);
    });
  });
});
