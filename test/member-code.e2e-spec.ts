import { Clock } from '../src/common/time';
import {
  createMember,
  createStore,
  loginAdmin,
  memberWithPoints,
  pos,
  purchaseBody,
  TestMember,
  TestStore,
  uniq,
  writeCounts,
} from './support/factories';
import { signInCodeSentTo } from './support/sign-in-codes';
import { startTestApp, TestApp } from './support/test-app';

type Body = Record<string, any>;

/** POS-API 1.2 "Member reference": the member code, from the portal's GET me/member-code to the till. */
describe('member code (portal me/member-code, POS memberCode)', () => {
  let t: TestApp;
  let store: TestStore;
  let adminToken: string;
  let clock: Clock;
  /** The start of a 30-second step a little in the past: "now" for the tests is T0 + some seconds. */
  let T0: number;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PORTAL_AUTH_PER_MINUTE: '100000' });
    adminToken = await loginAdmin(t);
    store = await createStore(t);
    clock = t.app.get(Clock, { strict: false });
    T0 = Math.floor(Date.now() / 30_000) * 30_000 - 10 * 60_000;
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await t.close();
  });

  /** The member codes' clock reads T0 + seconds. */
  const at = (seconds: number) => jest.spyOn(clock, 'now').mockImplementation(() => new Date(T0 + seconds * 1000));

  async function signIn(phone: string): Promise<string> {
    await t.http.post('/api/v1/portal/auth/code').send({ phone }).expect(200);
    const code = await signInCodeSentTo(t, phone);
    return (await t.http.post('/api/v1/portal/auth/login').send({ phone, code }).expect(200)).body.accessToken as string;
  }

  const memberCode = (token: string) => t.http.get('/api/v1/portal/me/member-code').set('Authorization', `Bearer ${token}`);

  /** The member's codes as the page gets them at T0 + seconds: [0] is the code of that step. */
  async function codesAt(m: TestMember, seconds: number): Promise<string[]> {
    at(seconds);
    const res = await memberCode(await signIn(m.phone)).expect(200);
    return (res.body.codes as Body[]).map((c) => c.code as string);
  }

  describe('GET portal/me/member-code', () => {
    it('answers 10 minutes of codes, one per 30 s step from the current one, and never the secret', async () => {
      const m = await createMember(t);
      const token = await signIn(m.phone);
      at(12);
      const res = await memberCode(token).expect(200);
      expect(res.body).toMatchObject({ serverTime: new Date(T0 + 12_000).toISOString(), stepSeconds: 30, acceptedForSeconds: 60 });
      const codes = res.body.codes as Body[];
      expect(codes).toHaveLength(20);
      codes.forEach((c, k) => {
        expect(c.code).toMatch(/^8\d{17}$/);
        expect(c.showFrom).toBe(new Date(T0 + k * 30_000).toISOString());
        expect(c.showUntil).toBe(new Date(T0 + (k + 1) * 30_000).toISOString());
      });
      expect(new Set(codes.map((c) => c.code)).size).toBe(20);
      expect(res.body.refreshBefore).toBe(codes[19].showUntil);
      expect(Object.keys(res.body).sort()).toEqual(['acceptedForSeconds', 'codes', 'refreshBefore', 'serverTime', 'stepSeconds']);

      // Asked again within the step: the same codes (the secret is made once); the secret is sealed at rest.
      expect((await memberCode(token).expect(200)).body.codes).toEqual(codes);
      const [row] = await t.db.query('SELECT secret, LENGTH(secret) AS n FROM member_codes WHERE member_id = ?', [m.memberId]);
      expect(Number(row.n)).toBe(60);
      // No admin route answers it.
      const detail = await t.http.get(`/api/v1/admin/members/${m.memberId}`).set('Authorization', `Bearer ${adminToken}`).expect(200);
      expect(JSON.stringify(detail.body)).not.toMatch(/secret|member_codes|codeIndex/i);
      expect(JSON.stringify(detail.body)).not.toContain((row.secret as Buffer).toString('base64'));
    });

    it('needs a member sign-in', async () => {
      expect((await t.http.get('/api/v1/portal/me/member-code').expect(401)).body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('POS lookup by memberCode', () => {
    it('a code at second 29 of its step and at second 31 (the next step) names the member; 61 s old is 422 MEMBER_CODE_EXPIRED', async () => {
      const m = await createMember(t);
      const [code] = await codesAt(m, 0);
      at(29);
      const found = await pos(t, store).lookup({ memberCode: code }).expect(200);
      expect(found.body).toMatchObject({ memberId: m.memberId, cardNo: m.cardNo, name: '张*' });
      at(31);
      expect((await pos(t, store).lookup({ memberCode: code }).expect(200)).body.memberId).toBe(m.memberId);
      at(59.999);
      await pos(t, store).lookup({ memberCode: code }).expect(200);
      at(61);
      const expired = await pos(t, store).lookup({ memberCode: code }).expect(422);
      expect(expired.body).toMatchObject({ code: 'MEMBER_CODE_EXPIRED', details: [{ field: 'memberCode', message: 'expired' }] });
      expect(expired.body.message).toMatch(/refresh the member page/);
    });

    it("another member's code names that member; a code shown too early is not valid yet", async () => {
      const a = await createMember(t);
      const b = await createMember(t);
      const [codeA] = await codesAt(a, 0);
      const codesB = await codesAt(b, 0);
      at(5);
      expect((await pos(t, store).lookup({ memberCode: codesB[0] }).expect(200)).body.memberId).toBe(b.memberId);
      expect((await pos(t, store).lookup({ memberCode: codeA }).expect(200)).body.memberId).toBe(a.memberId);
      const early = await pos(t, store).lookup({ memberCode: codesB[3] }).expect(422);
      expect(early.body).toMatchObject({ code: 'MEMBER_CODE_EXPIRED', details: [{ field: 'memberCode', message: 'not_yet_valid' }] });
    });

    it('a code that never existed (one digit changed, or digits no code has) is 404 MEMBER_NOT_FOUND; a malformed one 400', async () => {
      const m = await createMember(t);
      const [code] = await codesAt(m, 0);
      at(1);
      const forged = `${code.slice(0, 17)}${(Number(code[17]) + 1) % 10}`;
      expect((await pos(t, store).lookup({ memberCode: forged }).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
      expect((await pos(t, store).lookup({ memberCode: '899999999999999999' }).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
      expect((await pos(t, store).lookup({ memberCode: '812345678901234567' }).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
      for (const bad of ['712345678901234567', '81234567890123456', 'abc']) {
        expect((await pos(t, store).lookup({ memberCode: bad }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
      expect((await pos(t, store).lookup({ memberCode: code, cardNo: m.cardNo }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('reporting a card lost rotates the secret: codes fetched before are 404 at once, the new ones work', async () => {
      const m = await createMember(t);
      const token = await signIn(m.phone);
      at(0);
      const before = ((await memberCode(token).expect(200)).body.codes as Body[]).map((c) => c.code as string);
      await t.http.post(`/api/v1/portal/me/cards/${m.cardNo}/report-lost`).set('Authorization', `Bearer ${token}`).expect(200);
      const after = ((await memberCode(token).expect(200)).body.codes as Body[]).map((c) => c.code as string);
      expect(after[0]).not.toBe(before[0]);
      at(10);
      expect((await pos(t, store).lookup({ memberCode: before[0] }).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
      expect((await pos(t, store).lookup({ memberCode: after[0] }).expect(200)).body.memberId).toBe(m.memberId);
    });

    it("a merged member's code names the survivor, as its card does", async () => {
      const source = await createMember(t);
      const survivor = await createMember(t);
      const [code] = await codesAt(source, 0);
      await t.http
        .post(`/api/v1/admin/members/${survivor.memberId}/merge`)
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ sourceMemberId: source.memberId })
        .expect(201);
      at(3);
      expect((await pos(t, store).lookup({ memberCode: code }).expect(200)).body.memberId).toBe(survivor.memberId);
      const bought = await pos(t, store)
        .purchase(purchaseBody({ memberCode: code }, [{ amountCents: 1000 }]))
        .expect(201);
      expect(bought.body.memberId).toBe(survivor.memberId);
    });
  });

  describe('purchases named by memberCode', () => {
    it('a code names the member on several purchases within its minute; a replay after it expired returns the first answer', async () => {
      const m = await createMember(t);
      const [code] = await codesAt(m, 0);
      at(2);
      const body = purchaseBody({ memberCode: code }, [{ amountCents: 2590 }]);
      const first = await pos(t, store).purchase(body).expect(201);
      expect(first.body).toMatchObject({ memberId: m.memberId, pointsEarned: 25 });
      at(40);
      const second = await pos(t, store)
        .purchase(purchaseBody({ memberCode: code }, [{ amountCents: 1000 }]))
        .expect(201);
      expect(second.body.memberId).toBe(m.memberId);

      at(600);
      const replay = await pos(t, store).purchase(body).expect(200);
      expect(replay.body).toEqual(first.body);

      const counts = await writeCounts(t.db);
      const late = await pos(t, store)
        .purchase(purchaseBody({ memberCode: code }, [{ amountCents: 1000 }]))
        .expect(422);
      expect(late.body.code).toBe('MEMBER_CODE_EXPIRED');
      expect(await writeCounts(t.db)).toEqual(counts);
    });

    it('a code that never existed is 404 MEMBER_NOT_FOUND and writes nothing', async () => {
      const counts = await writeCounts(t.db);
      at(0);
      const res = await pos(t, store)
        .purchase(purchaseBody({ memberCode: '812345678901234567' }, [{ amountCents: 1000 }]))
        .expect(404);
      expect(res.body.code).toBe('MEMBER_NOT_FOUND');
      expect(await writeCounts(t.db)).toEqual(counts);
    });

    it('in the offline batch a code is judged at the receipt’s occurredAt (when it was scanned), not at the upload', async () => {
      const m = await createMember(t);
      const [code] = await codesAt(m, 0);
      at(3600);
      const scannedThen = purchaseBody({ memberCode: code }, [{ amountCents: 500 }], { occurredAt: new Date(T0 + 20_000).toISOString() });
      const tooLate = purchaseBody({ memberCode: code }, [{ amountCents: 500 }], { occurredAt: new Date(T0 + 65_000).toISOString() });
      const res = await pos(t, store)
        .batch({ transactions: [scannedThen, tooLate] })
        .expect(200);
      expect(res.body.results[0]).toMatchObject({ status: 201, body: { memberId: m.memberId } });
      expect(res.body.results[1]).toMatchObject({ status: 422, error: { code: 'MEMBER_CODE_EXPIRED' } });
      // Online, the same code an hour later is expired.
      const online = await pos(t, store)
        .purchase(purchaseBody({ memberCode: code }, [{ amountCents: 500 }]))
        .expect(422);
      expect(online.body.code).toBe('MEMBER_CODE_EXPIRED');
    });
  });

  describe('redemptions named by memberCode', () => {
    it('a code pays once: a second redemption with it is 422 MEMBER_CODE_EXPIRED and writes nothing; its replay returns the first answer', async () => {
      const m = await memberWithPoints(t, store, 50);
      const codes = await codesAt(m, 0);
      at(5);
      const first = { redemptionNo: uniq('D'), member: { memberCode: codes[0] }, points: 10 };
      const paid = await pos(t, store).redeem(first).expect(201);
      expect(paid.body).toMatchObject({ memberId: m.memberId, pointsRedeemed: 10 });

      const counts = await writeCounts(t.db);
      const again = await pos(t, store)
        .redeem({ redemptionNo: uniq('D'), member: { memberCode: codes[0] }, points: 10 })
        .expect(422);
      expect(again.body).toMatchObject({ code: 'MEMBER_CODE_EXPIRED', details: [{ field: 'memberCode', message: 'spent' }] });
      expect(await writeCounts(t.db)).toEqual(counts);

      at(300);
      expect((await pos(t, store).redeem(first).expect(200)).body).toEqual(paid.body);

      // The next step's code pays; then the older code cannot, even within its minute.
      at(31);
      await pos(t, store)
        .redeem({ redemptionNo: uniq('D'), member: { memberCode: codes[1] }, points: 10 })
        .expect(201);
      // (codes[0] is still within its 60 s at second 31, but a later code already paid)
      expect(
        (
          await pos(t, store)
            .redeem({ redemptionNo: uniq('D'), member: { memberCode: codes[0] }, points: 10 })
            .expect(422)
        ).body.code,
      ).toBe('MEMBER_CODE_EXPIRED');
      // A purchase may still name the member by it.
      await pos(t, store)
        .purchase(purchaseBody({ memberCode: codes[0] }, [{ amountCents: 100 }]))
        .expect(201);
    });

    it('a redemption refused for points does not use the code up', async () => {
      const m = await memberWithPoints(t, store, 20);
      const [code] = await codesAt(m, 0);
      at(1);
      const refused = await pos(t, store)
        .redeem({ redemptionNo: uniq('D'), member: { memberCode: code }, points: 500 })
        .expect(422);
      expect(refused.body.code).toBe('INSUFFICIENT_POINTS');
      await pos(t, store)
        .redeem({ redemptionNo: uniq('D'), member: { memberCode: code }, points: 20 })
        .expect(201);
    });

    it('two tills redeeming with one code at once: exactly one pays', async () => {
      const m = await memberWithPoints(t, store, 100);
      const [code] = await codesAt(m, 0);
      at(2);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => pos(t, store).redeem({ redemptionNo: uniq('D'), member: { memberCode: code }, points: 5 })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
      expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'MEMBER_CODE_EXPIRED')).toBe(true);
      const [acct] = await t.db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [m.memberId]);
      expect(Number(acct.balance)).toBe(95);
    });
  });
});
