import { INestApplicationContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { loadConfig } from '../src/config/app-config';
import { signInKeys } from '../src/modules/portal/auth/sign-in-codes.service';
import { REDIS } from '../src/queue/redis.module';
import { TiersService } from '../src/modules/tiers/tiers.service';
import { WorkerModule } from '../src/worker.module';
import { createClubWith } from './support/campaign-fixtures';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, TestStore, uniq, uniquePhone } from './support/factories';
import { signInCodeSentTo } from './support/sign-in-codes';
import { startTestApp, TestApp } from './support/test-app';

type Body = Record<string, any>;

/** The terms and privacy notice in force, agreed to (GET auth/agreements). */
const AGREED = { agreements: { terms: '2026-06', privacy: '2026-06' } };

describe('member portal (/api/v1/portal)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let redis: Redis;
  let store: TestStore;
  let adminToken: string;
  const config = loadConfig();

  beforeAll(async () => {
    // The per-address limit on sign-in routes is tested on its own below; here every test shares one address.
    t = await startTestApp({ RATE_LIMIT_PORTAL_AUTH_PER_MINUTE: '100000' });
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    redis = t.app.get<Redis>(REDIS);
    adminToken = await loginAdmin(t);
    store = await createStore(t);
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const auth = {
    code: (phone: string) => t.http.post('/api/v1/portal/auth/code').send({ phone }),
    login: (phone: string, code: string) => t.http.post('/api/v1/portal/auth/login').send({ phone, code }),
    register: (body: object) => t.http.post('/api/v1/portal/auth/register').send(body),
    refresh: (refreshToken: string) => t.http.post('/api/v1/portal/auth/refresh').send({ refreshToken }),
  };
  const me = (token: string) => ({
    get: (path = '') => t.http.get(`/api/v1/portal/me${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) =>
      t.http
        .post(`/api/v1/portal/me${path}`)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
    patch: (body: object) => t.http.patch('/api/v1/portal/me').set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => t.http.put(`/api/v1/portal/me${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const admin = {
    get: (path: string) => t.http.get(`/api/v1/admin${path}`).set('Authorization', `Bearer ${adminToken}`),
    post: (path: string, body?: object) =>
      t.http
        .post(`/api/v1/admin${path}`)
        .set('Authorization', `Bearer ${adminToken}`)
        .send(body ?? {}),
  };

  /** The newest sign-in code sent to the phone, as its SMS carries it (the outbox row keeps only {{code}}). */
  const codeFromOutbox = (phone: string) => signInCodeSentTo(t, phone);

  async function sendCode(phone: string): Promise<string> {
    await auth.code(phone).expect(200);
    return codeFromOutbox(phone);
  }

  async function signIn(phone: string): Promise<Body> {
    const code = await sendCode(phone);
    return (await auth.login(phone, code).expect(200)).body as Body;
  }

  async function waitFor<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const v = await probe();
      if (done(v)) {
        return v;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  describe('sign-in with a one-time code', () => {
    it('a code sent through the outbox signs the member in; only its hash is kept; it works once', async () => {
      const m = await createMember(t);
      const sent = await auth.code(m.phone).expect(200);
      expect(sent.body).toEqual({ sent: true, expiresIn: 300 });
      const [row] = await t.db.query(
        "SELECT member_id, to_address, channel, transactional, status FROM outbox_messages WHERE template_code = 'portal.sign-in-code' AND member_id = ?",
        [m.memberId],
      );
      expect(row).toMatchObject({ member_id: m.memberId, to_address: null, channel: 'sms', transactional: 1 });
      expect(['queued', 'sending', 'sent']).toContain(row.status);
      const code = await codeFromOutbox(m.phone);
      const stored = await redis.get(signInKeys(config.queuePrefix, config.jwt.secret, m.phone).code);
      expect(stored).toMatch(/^[0-9a-f]{64}$/);
      expect(stored).not.toContain(code);

      const session = await auth.login(m.phone, code).expect(200);
      expect(session.body).toMatchObject({ memberId: m.memberId, expiresIn: 900, refreshExpiresIn: 2592000 });
      expect(session.headers['cache-control']).toBe('no-store');
      expect((await me(session.body.accessToken).get().expect(200)).body).toMatchObject({ memberId: m.memberId, phone: m.phone });

      const reused = await auth.login(m.phone, code).expect(401);
      expect(reused.body.code).toBe('SIGN_IN_CODE_INVALID');
    });

    it('an expired code is refused', async () => {
      const m = await createMember(t);
      const code = await sendCode(m.phone);
      // Five minutes pass: the code's key lapses in Redis.
      await redis.pexpire(signInKeys(config.queuePrefix, config.jwt.secret, m.phone).code, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await auth.login(m.phone, code).expect(401)).body.code).toBe('SIGN_IN_CODE_INVALID');
    });

    it('a new code replaces the last one', async () => {
      const m = await createMember(t);
      const first = await sendCode(m.phone);
      let second = await sendCode(m.phone);
      while (second === first) {
        second = await sendCode(m.phone);
      }
      expect((await auth.login(m.phone, first).expect(401)).body.code).toBe('SIGN_IN_CODE_INVALID');
      await auth.login(m.phone, second).expect(200);
    });

    it('five wrong codes lock the phone for 15 minutes (429 SIGN_IN_LOCKED with Retry-After), even for the right code and for new codes', async () => {
      const m = await createMember(t);
      const code = await sendCode(m.phone);
      const wrong = code === '000000' ? '111111' : '000000';
      for (const left of [4, 3, 2, 1]) {
        const res = await auth.login(m.phone, wrong).expect(401);
        expect(res.body).toMatchObject({ code: 'SIGN_IN_CODE_INVALID', details: [{ field: 'code', message: `${left} tries left` }] });
      }
      const locked = await auth.login(m.phone, wrong).expect(429);
      expect(locked.body.code).toBe('SIGN_IN_LOCKED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(890);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(900);
      expect((await auth.login(m.phone, code).expect(429)).body.code).toBe('SIGN_IN_LOCKED');
      expect((await auth.code(m.phone).expect(429)).body.code).toBe('SIGN_IN_LOCKED');
      // Another phone is not affected.
      const other = await createMember(t);
      await signIn(other.phone);
    });

    it('codes are limited per phone: the sixth in an hour is 429 RATE_LIMITED with Retry-After', async () => {
      const phone = uniquePhone();
      for (let i = 0; i < 5; i++) {
        await auth.code(phone).expect(200);
      }
      const limited = await auth.code(phone).expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const sent: Array<{ n: string }> = await t.db.query('SELECT COUNT(*) AS n FROM outbox_messages WHERE to_address = ?', [phone]);
      expect(Number(sent[0].n)).toBe(5);
    });

    it('in development with the log SMS adapter, the code shows in the log; in other environments it does not', async () => {
      const lines: string[] = [];
      const dev = await startTestApp(
        { NODE_ENV: 'development', LOG_LEVEL: 'info' },
        { logTo: { write: (chunk: string) => void lines.push(chunk) } },
      );
      try {
        const m = await createMember(t);
        await dev.http.post('/api/v1/portal/auth/code').send({ phone: m.phone }).expect(200);
        const code = await codeFromOutbox(m.phone);
        const logged = lines.map((l) => JSON.parse(l) as Body).filter((l) => l.msg === 'sign-in code (development, log SMS adapter)');
        expect(logged.map((l) => l.signInCode)).toEqual([code]);
        expect(lines.join('')).not.toContain(m.phone);
      } finally {
        await dev.close();
      }
      const quiet: string[] = [];
      const prod = await startTestApp({ LOG_LEVEL: 'info' }, { logTo: { write: (chunk: string) => void quiet.push(chunk) } });
      try {
        const m = await createMember(t);
        await prod.http.post('/api/v1/portal/auth/code').send({ phone: m.phone }).expect(200);
        expect(quiet.join('')).not.toContain('signInCode');
        expect(quiet.length).toBeGreaterThan(0);
      } finally {
        await prod.close();
      }
    });

    it('refuses malformed input with 400 naming the field, writing nothing', async () => {
      const before = await t.db.query('SELECT COUNT(*) AS n FROM outbox_messages');
      const res = await auth.code('13800138000').expect(400);
      expect(res.body.details).toEqual([{ field: 'phone', message: 'phone must be in E.164 form, e.g. +8613800138000' }]);
      expect((await auth.login('+8613800138000', '12345').expect(400)).body.details[0].field).toBe('code');
      await t.http.post('/api/v1/portal/auth/code').send({ phone: '+8613800138000', extra: 1 }).expect(400);
      expect(await t.db.query('SELECT COUNT(*) AS n FROM outbox_messages')).toEqual(before);
    });
  });

  describe('registration', () => {
    it('a phone nobody holds gets the same answer; its code says PHONE_NOT_REGISTERED at login and then registers a new member and card', async () => {
      const phone = uniquePhone();
      const sent = await auth.code(phone).expect(200);
      expect(sent.body).toEqual({ sent: true, expiresIn: 300 });
      const [row] = await t.db.query(
        "SELECT member_id, to_address FROM outbox_messages WHERE to_address = ? AND template_code = 'portal.sign-in-code'",
        [phone],
      );
      expect(row).toEqual({ member_id: null, to_address: phone });
      const code = await codeFromOutbox(phone);
      expect((await auth.login(phone, code).expect(404)).body.code).toBe('PHONE_NOT_REGISTERED');

      const reg = await auth.register({ ...AGREED, phone, code, name: '李四', city: 'Hangzhou', consents: { sms: true } }).expect(201);
      expect(reg.body).toMatchObject({ outcome: 'created' });
      expect(reg.body.cardNo).toMatch(/^\d{16}$/);
      const profile = await me(reg.body.accessToken).get().expect(200);
      expect(profile.body).toMatchObject({
        memberId: reg.body.memberId,
        name: '李四',
        phone,
        city: 'Hangzhou',
        tier: { code: 'STANDARD', benefits: { earnMultiplier: 1 } },
        points: { balance: 0, available: 0, pending: 0 },
        cards: [{ cardNo: reg.body.cardNo, status: 'active' }],
      });
      // The code was used by the registration.
      expect((await auth.login(phone, code).expect(401)).body.code).toBe('SIGN_IN_CODE_INVALID');
      // The terms and the privacy notice agreed to are kept as consents with their version, beside the marketing ones.
      const rows = await t.db.query(
        "SELECT channel, granted, version, source FROM member_consents WHERE member_id = ? AND channel IN ('terms', 'privacy', 'sms') ORDER BY channel",
        [reg.body.memberId],
      );
      expect(rows).toEqual([
        { channel: 'privacy', granted: 1, version: '2026-06', source: 'member' },
        { channel: 'sms', granted: 1, version: null, source: 'member' },
        { channel: 'terms', granted: 1, version: '2026-06', source: 'member' },
      ]);
      const consents = await me(reg.body.accessToken).get('/consents').expect(200);
      expect(consents.body.agreements).toEqual([
        { document: 'privacy', version: '2026-06', at: expect.any(String) },
        { document: 'terms', version: '2026-06', at: expect.any(String) },
      ]);
      expect(consents.body.consents.map((c: Body) => c.channel)).toEqual(['sms', 'email', 'push', 'mail']);
    });

    it('registering needs agreement to the terms and the privacy notice in force: without it, or to an old version, 400 naming the version, nothing written', async () => {
      const inForce = await t.http.get('/api/v1/portal/auth/agreements').expect(200);
      expect(inForce.body).toEqual({
        documents: [
          { document: 'terms', version: '2026-06' },
          { document: 'privacy', version: '2026-06' },
        ],
      });
      const phone = uniquePhone();
      const code = await sendCode(phone);
      const none = await auth.register({ phone, code, name: '钱七' }).expect(400);
      expect(none.body.code).toBe('VALIDATION_FAILED');
      const old = await auth.register({ phone, code, name: '钱七', agreements: { terms: '2025-01', privacy: '2026-06' } }).expect(400);
      expect(old.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'agreements.terms', message: 'version 2026-06 is in force' }],
      });
      expect(old.body.message).toContain('agreements.terms = "2026-06"');
      expect(await t.db.query('SELECT id FROM members WHERE phone = ?', [phone])).toEqual([]);
      // The refused registrations did not use the code: agreeing, it registers.
      const reg = await auth.register({ ...AGREED, phone, code, name: '钱七' }).expect(201);
      const [binding] = await t.db.query(
        "SELECT COUNT(*) AS n FROM member_changes WHERE member_id = ? AND field IN ('agreement.terms', 'agreement.privacy') AND new_value = '2026-06'",
        [reg.body.memberId],
      );
      expect(Number(binding.n)).toBe(2);
    });

    it('binding a counter card keeps its points and history; binding it again or registering a taken phone is refused', async () => {
      const counter = await pos(t, store).issueCard().expect(201);
      const cardNo = counter.body.cardNo as string;
      await pos(t, store)
        .purchase(purchaseBody({ cardNo }, [{ amountCents: 12_300 }]))
        .expect(201);
      const phone = uniquePhone();
      const code = await sendCode(phone);
      const reg = await auth.register({ ...AGREED, phone, code, cardNo, name: '王五' }).expect(201);
      expect(reg.body).toMatchObject({ outcome: 'bound', cardNo, memberId: counter.body.memberId });
      const points = await me(reg.body.accessToken).get('/points').expect(200);
      expect(points.body).toMatchObject({ balance: 123, available: 123, pending: 0 });
      const history = await me(reg.body.accessToken).get('/history').expect(200);
      expect(history.body.items[0]).toMatchObject({ kind: 'purchase', points: 123 });
      const [member] = await t.db.query('SELECT status, phone, name, registered_at FROM members WHERE id = ?', [counter.body.memberId]);
      expect(member).toMatchObject({ status: 'active', phone, name: '王五' });
      expect(member.registered_at).not.toBeNull();
      const changes = await t.db.query(
        "SELECT field, actor_type, actor_id FROM member_changes WHERE member_id = ? AND field IN ('name', 'phone')",
        [counter.body.memberId],
      );
      expect(changes).toHaveLength(2);
      expect(changes.every((c: Body) => c.actor_type === 'member' && c.actor_id === counter.body.memberId)).toBe(true);
      expect(
        await t.db.query(
          "SELECT channel, version FROM member_consents WHERE member_id = ? AND channel IN ('terms', 'privacy') ORDER BY channel",
          [counter.body.memberId],
        ),
      ).toEqual([
        { channel: 'privacy', version: '2026-06' },
        { channel: 'terms', version: '2026-06' },
      ]);

      const members = await t.db.query('SELECT COUNT(*) AS n FROM members');
      const otherPhone = uniquePhone();
      const otherCode = await sendCode(otherPhone);
      const bound = await auth.register({ ...AGREED, phone: otherPhone, code: otherCode, cardNo, name: 'X' }).expect(409);
      expect(bound.body.code).toBe('CARD_ALREADY_BOUND');
      const taken = await auth.register({ ...AGREED, phone, code: await sendCode(phone), name: 'Y' }).expect(409);
      expect(taken.body.code).toBe('PHONE_TAKEN');
      expect(await t.db.query('SELECT COUNT(*) AS n FROM members')).toEqual(members);
      // The refused card check did not use the other phone's code: it still registers.
      await auth.register({ ...AGREED, phone: otherPhone, code: otherCode, name: 'Z' }).expect(201);
    });
  });

  describe('sessions', () => {
    it('refresh rotates; a reused refresh token revokes the whole sign-in at once; logout ends it', async () => {
      const m = await createMember(t);
      const first = await signIn(m.phone);
      const second = (await auth.refresh(first.refreshToken).expect(200)).body as Body;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      await me(second.accessToken).get().expect(200);
      // The first refresh token again: someone else holds a copy. Everything of this sign-in stops.
      expect((await auth.refresh(first.refreshToken).expect(401)).body.code).toBe('UNAUTHENTICATED');
      await auth.refresh(second.refreshToken).expect(401);
      await me(second.accessToken).get().expect(401);
      await me(first.accessToken).get().expect(401);

      const other = await signIn(m.phone);
      await me(other.accessToken).get().expect(200);
      await t.http.post('/api/v1/portal/auth/logout').set('Authorization', `Bearer ${other.accessToken}`).expect(204);
      await me(other.accessToken).get().expect(401);
      await auth.refresh(other.refreshToken).expect(401);
      const stored = await t.db.query('SELECT token_hash FROM member_refresh_tokens WHERE member_id = ?', [m.memberId]);
      expect(stored.length).toBeGreaterThanOrEqual(3);
      expect(stored.every((r: Body) => !other.refreshToken.includes(r.token_hash))).toBe(true);
    });
  });

  describe('points, history and tier', () => {
    let m: TestMember;
    let token: string;

    beforeAll(async () => {
      m = await createMember(t);
      token = (await signIn(m.phone)).accessToken;
    });

    it('a member sees the purchase the POS just posted, with store, receipt and points by rule; refunds and redemptions in words; paged newest first', async () => {
      // ¥5,000 reaches VIP: the next purchase earns the tier bonus.
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 500_000 }]))
        .expect(201);
      const body = purchaseBody({ cardNo: m.cardNo }, [
        { amountCents: 10_000, quantity: 2 },
        { category: 'tobacco', amountCents: 5_000 },
      ]);
      const posted = await pos(t, store).purchase(body).expect(201);
      expect(posted.body.breakdown).toEqual([
        { rule: 'base', points: 100 },
        { rule: 'tier', points: 50 },
      ]);
      const latest = await me(token).get('/history?limit=1').expect(200);
      expect(latest.body.items).toEqual([
        {
          entryId: expect.any(Number),
          kind: 'purchase',
          title: `Purchase at Store ${store.code}, receipt ${body.receiptNo} (¥150.00): 150 points earned`,
          points: 150,
          balanceAfter: 5150,
          storeName: `Store ${store.code}`,
          receiptNo: body.receiptNo,
          breakdown: [
            { rule: 'base', label: 'Base points', name: null, points: 100 },
            { rule: 'tier', label: 'Tier bonus', name: null, points: 50 },
          ],
          amountCents: 15_000,
          campaignName: null,
          at: expect.any(String),
          occurredAt: body.occurredAt,
        },
      ]);
      expect(latest.body.nextCursor).toEqual(String(latest.body.items[0].entryId));

      await pos(t, store)
        .refund({ refundNo: uniq('F'), receiptNo: body.receiptNo, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 5_000 }] })
        .expect(201);
      await pos(t, store)
        .redeem({ redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 500 })
        .expect(201);
      const page1 = await me(token).get('/history?limit=2').expect(200);
      expect(page1.body.items.map((i: Body) => [i.kind, i.points])).toEqual([
        ['redemption', -500],
        ['refund', -75],
      ]);
      expect(page1.body.items[0].title).toBe(`Redeemed 500 points at Store ${store.code} for ¥5.00 off`);
      expect(page1.body.items[1].title).toContain(`receipt ${body.receiptNo}`);
      const page2 = await me(token).get(`/history?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
      expect(page2.body.items.map((i: Body) => [i.kind, i.points])).toEqual([
        ['purchase', 150],
        ['purchase', 5000],
      ]);
      expect(page2.body.nextCursor).toBeNull();
      const [ledger] = await t.db.query('SELECT COUNT(*) AS n, SUM(points) AS s FROM point_entries WHERE member_id = ?', [m.memberId]);
      const all = [...page1.body.items, ...page2.body.items];
      expect(all).toHaveLength(Number(ledger.n));
      expect(all.reduce((s: number, i: Body) => s + i.points, 0)).toBe(Number(ledger.s));
      expect(all[0].balanceAfter).toBe(Number(ledger.s));
      // Nothing of another person: no member ids, no staff email, no store ids.
      const text = JSON.stringify(all);
      expect(text).not.toContain(m.memberId);
      expect(text).not.toContain(store.storeId);
      expect(text).not.toContain(String(process.env.ADMIN_EMAIL));
    });

    it('an offline receipt is dated by when it happened at the till, with the amount spent; earned and spent filter the history', async () => {
      const member = await createMember(t);
      const memberToken = (await signIn(member.phone)).accessToken;
      const twelveDaysAgo = new Date(Date.now() - 12 * 86_400_000);
      twelveDaysAgo.setUTCHours(4, 0, 0, 0);
      const offline = { ...purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 8_800 }]), occurredAt: twelveDaysAgo.toISOString() };
      await pos(t, store).purchase(offline).expect(201);
      await pos(t, store)
        .redeem({ redemptionNo: uniq('D'), member: { cardNo: member.cardNo }, points: 50 })
        .expect(201);
      const all = (await me(memberToken).get('/history').expect(200)).body.items as Body[];
      expect(all.map((i) => [i.kind, i.points])).toEqual([
        ['redemption', -50],
        ['purchase', 88],
      ]);
      const purchase = all[1];
      expect(purchase).toMatchObject({ receiptNo: offline.receiptNo, amountCents: 8_800, occurredAt: twelveDaysAgo.toISOString() });
      expect(Date.parse(purchase.at) - Date.parse(purchase.occurredAt)).toBeGreaterThan(11 * 86_400_000); // posted today
      expect(all[0].occurredAt).toBe(all[0].at);
      expect(all[0].amountCents).toBeNull();
      const earned = (await me(memberToken).get('/history?direction=earned').expect(200)).body;
      expect(earned.items.map((i: Body) => i.kind)).toEqual(['purchase']);
      const spent = (await me(memberToken).get('/history?direction=spent&limit=1').expect(200)).body;
      expect(spent.items.map((i: Body) => i.kind)).toEqual(['redemption']);
      expect(spent.nextCursor).toBeNull();
      const bad = await me(memberToken).get('/history?direction=both').expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });

    it('a campaign bonus rule shows as its own line with the campaign name, and its id is not shown', async () => {
      const member = await createMember(t);
      const memberToken = (await signIn(member.phone)).accessToken;
      const clubId = await createClubWith(t.db, [member.memberId]);
      const now = Date.now();
      const created = await admin
        .post('/campaigns', {
          name: 'Portal basket bonus',
          audience: { include: [{ type: 'club', clubIds: [clubId] }] },
          bonusRule: {
            kind: 'fixed_bonus',
            minSpendCents: 1_000,
            points: 30,
            startsAt: new Date(now - 3_600_000).toISOString(),
            endsAt: new Date(now + 3_600_000).toISOString(),
          },
          schedule: { kind: 'now' },
        })
        .expect(201);
      const id = created.body.campaignId as string;
      await admin.post(`/campaigns/${id}/launch`).expect(200);
      await waitFor(
        'the launch',
        async () => (await admin.get(`/campaigns/${id}/results`).expect(200)).body as Body,
        (r) => r.state === 'running' || r.state === 'active',
      );
      await new Promise((resolve) => setTimeout(resolve, 3_100)); // the API's bonus-rule cache (3 s) sees the launch
      const posted = await pos(t, store)
        .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 2_000 }]))
        .expect(201);
      expect(posted.body.breakdown).toEqual([
        { rule: 'base', points: 20 },
        { rule: 'campaign', campaignId: id, name: 'Portal basket bonus', points: 30 },
      ]);
      const [item] = (await me(memberToken).get('/history?limit=1').expect(200)).body.items as Body[];
      expect(item).toMatchObject({ kind: 'purchase', points: 50 });
      expect(item.breakdown).toEqual([
        { rule: 'base', label: 'Base points', name: null, points: 20 },
        { rule: 'campaign', label: 'Campaign bonus: Portal basket bonus', name: 'Portal basket bonus', points: 30 },
      ]);
      expect(JSON.stringify(item)).not.toContain(id);
    });

    it('tier progress figures match the purchases and the ledger', async () => {
      const tier = await me(token).get('/tier').expect(200);
      const [q] = await t.db.query(
        'SELECT SUM(total_cents - refunded_cents) AS spend, COUNT(*) AS n, SUM(points_earned - points_reversed) AS pts FROM purchases WHERE member_id = ?',
        [m.memberId],
      );
      const [member] = await t.db.query('SELECT tier_code, tier_review_at FROM members WHERE id = ?', [m.memberId]);
      expect(member.tier_code).toBe('VIP');
      expect(tier.body).toMatchObject({
        tier: { code: 'VIP', benefits: { earnMultiplier: 1.5, priorityService: false } },
        window: { months: 12 },
        qualifying: { spendCents: Number(q.spend), purchases: Number(q.n), points: Number(q.pts) },
        next: {
          code: 'SVIP',
          met: false,
          criteria: [{ criterion: 'spend', required: 2_000_000, current: Number(q.spend), missing: 2_000_000 - Number(q.spend) }],
        },
        review: {
          reviewAt: new Date(member.tier_review_at).toISOString(),
          keep: { code: 'VIP', met: true, criteria: [{ criterion: 'spend', required: 500_000, missing: 0 }] },
          grant: null,
        },
      });
      expect(Number(q.spend)).toBe(500_000 + 15_000 - 5_000);
    });

    it('a rank tier (SVIP by place): its holder sees the seats, their place and the last review; a member below sees it as the next step', async () => {
      const top = await createMember(t);
      const below = await createMember(t);
      const job = async (path: string) => {
        const started = await t.http.post(`/api/v1/admin${path}`).set('Authorization', `Bearer ${adminToken}`).expect(202);
        return waitFor(
          path,
          async () => (await admin.get(`/jobs/${started.body.jobId as string}`).expect(200)).body as Body,
          (v) => v.state !== 'running',
        );
      };
      try {
        await pos(t, store)
          .purchase(purchaseBody({ cardNo: top.cardNo }, [{ amountCents: 90_000_000 }]))
          .expect(201);
        await pos(t, store)
          .purchase(purchaseBody({ cardNo: below.cardNo }, [{ amountCents: 510_000 }]))
          .expect(201); // VIP: no threshold tier left above it
        await t.db.query(
          "UPDATE tiers SET kind = 'rank', rank_top_n = 1, rank_top_permille = NULL, min_spend_cents = 1000000, min_points = NULL, min_purchases = NULL, qualify_mode = 'any' WHERE code = 'SVIP'",
        );
        t.app.get(TiersService).invalidate();
        expect((await job('/analytics/value-runs')).state).toBe('completed');
        expect((await job('/tiers/rank-reviews')).state).toBe('completed');
        const [pick] = await t.db.query(
          `SELECT p.member_id, mv.score, mv.value_rank FROM rank_review_picks p JOIN member_values mv ON mv.member_id = p.member_id
            WHERE p.tier_code = 'SVIP' ORDER BY p.run_id DESC LIMIT 1`,
        );
        expect(pick.member_id).toBe(top.memberId); // ¥900,000 in the window: the most valuable member of this database

        const held = (
          await me((await signIn(top.phone)).accessToken)
            .get('/tier')
            .expect(200)
        ).body;
        expect(held.tier.code).toBe('SVIP');
        expect(held.rank).toMatchObject({
          code: 'SVIP',
          held: true,
          seats: 1,
          place: pick.value_rank,
          score: Number(pick.score),
          minimum: { code: 'SVIP', met: true },
          lastReview: { picked: 1, cutoffScore: Number(pick.score), memberPicked: true, at: expect.any(String) },
        });
        const mine = (
          await me((await signIn(below.phone)).accessToken)
            .get('/tier')
            .expect(200)
        ).body;
        expect(mine.tier.code).toBe('VIP');
        expect(mine.next).toBeNull(); // nothing to earn by thresholds…
        expect(mine.rank).toMatchObject({
          code: 'SVIP',
          held: false, // …but SVIP is the next step
          seats: 1,
          minimum: { met: false, criteria: [{ criterion: 'spend', required: 1_000_000, current: 510_000, missing: 490_000 }] },
          lastReview: { picked: 1, cutoffScore: Number(pick.score), memberPicked: false },
        });
        expect(mine.rank.place).toBeGreaterThan(1);
      } finally {
        await t.db.query(
          "UPDATE tiers SET kind = 'threshold', rank_top_n = NULL, rank_top_permille = NULL, min_spend_cents = 2000000, min_points = NULL, min_purchases = NULL, qualify_mode = 'any' WHERE code = 'SVIP'",
        );
        await t.db.query("UPDATE members SET tier_code = 'VIP' WHERE tier_code = 'SVIP' AND id IN (?, ?)", [top.memberId, below.memberId]);
        t.app.get(TiersService).invalidate();
      }
    });

    it('points: balance, available and pending from the ledger, and what expires in each of the next 6 months with its value', async () => {
      const now = new Date();
      const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
      await admin
        .post(`/members/${m.memberId}/adjustments`, {
          points: 300,
          reason: 'Goodwill',
          expiresAt: nextMonth.toISOString(),
          idempotencyKey: uniq('adj'),
        })
        .expect(201);
      const points = await me(token).get('/points').expect(200);
      const [acct] = await t.db.query('SELECT balance, pending FROM point_accounts WHERE member_id = ?', [m.memberId]);
      expect(points.body).toMatchObject({
        balance: Number(acct.balance),
        available: Number(acct.balance) - Number(acct.pending),
        pending: Number(acct.pending),
        redemptionRate: { points: 100, cents: 100 },
      });
      expect(points.body.expiring).toHaveLength(6);
      const month = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      expect(points.body.expiring[0].month).toBe(month(now));
      expect(points.body.expiring[1]).toEqual({ month: month(nextMonth), points: 300, valueCents: 300 });
      expect(points.body.expiring.reduce((s: number, e: Body) => s + e.points, 0)).toBe(300);
      const adj = (await me(token).get('/history?limit=1').expect(200)).body.items[0];
      expect(adj).toMatchObject({ kind: 'adjustment', title: 'Adjusted by customer service: +300 points' });
      expect(JSON.stringify(adj)).not.toContain('Goodwill');
    });
  });

  describe('profile, cards, clubs and consents', () => {
    it('a profile edit is kept in the change history with the member as the actor and audited; the phone is not editable online', async () => {
      const m = await createMember(t);
      const token = (await signIn(m.phone)).accessToken;
      const res = await me(token).patch({ email: 'New.Mail@Example.com', city: 'Suzhou', preferredStoreId: store.storeId }).expect(200);
      expect(res.body.changed.sort()).toEqual(['city', 'email', 'preferredStoreId']);
      expect(res.body.profile).toMatchObject({
        email: 'new.mail@example.com',
        city: 'Suzhou',
        preferredStore: { name: `Store ${store.code}` },
      });
      const history = await admin.get(`/members/${m.memberId}/history`).expect(200);
      const email = (history.body.items as Body[]).find((c) => c.field === 'email');
      expect(email).toMatchObject({ by: { type: 'member', id: m.memberId }, newValue: 'new.mail@example.com' });
      const [audit] = await t.db.query(
        "SELECT actor_type, actor_id FROM audit_log WHERE action = 'member.profile_updated' AND entity_id = ?",
        [m.memberId],
      );
      expect(audit).toEqual({ actor_type: 'member', actor_id: m.memberId });
      expect((await me(token).patch({ phone: uniquePhone() }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await me(token).patch({ preferredStoreId: '0193b7e2-0000-7000-8000-000000000001' }).expect(404)).body.code).toBe(
        'STORE_NOT_FOUND',
      );
    });

    it('report lost: the card is refused at the POS at once, the replacement works for a purchase, the balance stays', async () => {
      const m = await createMember(t);
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 4_200 }]))
        .expect(201);
      const token = (await signIn(m.phone)).accessToken;
      const lost = await me(token).post(`/cards/${m.cardNo}/report-lost`).expect(200);
      expect(lost.body).toMatchObject({ cardNo: m.cardNo, status: 'lost', points: { balance: 42 } });
      const replacement = lost.body.replacementCardNo as string;
      expect(replacement).toMatch(/^\d{16}$/);
      expect(
        (
          await pos(t, store)
            .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100 }]))
            .expect(422)
        ).body.code,
      ).toBe('CARD_INACTIVE');
      const bought = await pos(t, store)
        .purchase(purchaseBody({ cardNo: replacement }, [{ amountCents: 1_000 }]))
        .expect(201);
      expect(bought.body).toMatchObject({ memberId: m.memberId, points: { balance: 52 } });
      const cards = await me(token).get('/cards').expect(200);
      expect(cards.body.items.map((c: Body) => [c.cardNo, c.status])).toEqual([
        [replacement, 'active'],
        [m.cardNo, 'lost'],
      ]);
      // Asking again answers the same replacement.
      expect((await me(token).post(`/cards/${m.cardNo}/report-lost`).expect(200)).body.replacementCardNo).toBe(replacement);
    });

    it('clubs: open clubs to join, join and leave; an automatic club left by the member does not take them back at a regroup', async () => {
      const city = uniq('city');
      const phone = uniquePhone();
      const reg = await auth.register({ ...AGREED, phone, code: await sendCode(phone), name: '赵六', city }).expect(201);
      const token = reg.body.accessToken as string;
      const open = await admin
        .post('/clubs', {
          code: uniq('O')
            .toUpperCase()
            .replace(/[^A-Z0-9]/g, '')
            .slice(0, 32),
          nameZh: '开放俱乐部',
          nameEn: 'Open club',
          joinPolicy: 'open',
        })
        .expect(201);
      const auto = await admin
        .post('/clubs', {
          code: uniq('A')
            .toUpperCase()
            .replace(/[^A-Z0-9]/g, '')
            .slice(0, 32),
          nameZh: '城市俱乐部',
          nameEn: 'City club',
          joinPolicy: 'automatic',
          rule: { combine: 'all', conditions: [{ type: 'city', cities: [city] }] },
        })
        .expect(201);
      const listed = await me(token).get('/clubs?limit=100').expect(200);
      expect((listed.body.items as Body[]).find((c) => c.clubId === open.body.clubId)).toMatchObject({
        name: '开放俱乐部',
        membership: 'none',
        canJoin: true,
      });
      expect((listed.body.items as Body[]).some((c) => c.clubId === auto.body.clubId)).toBe(false);
      expect((await me(token).post(`/clubs/${auto.body.clubId}/join`).expect(422)).body.code).toBe('CLUB_NOT_JOINABLE');
      const joined = await me(token).post(`/clubs/${open.body.clubId}/join`).expect(200);
      expect(joined.body).toMatchObject({ membership: 'member', canLeave: true, changed: true });

      const regroup = async () => {
        const job = await admin.post(`/clubs/${auto.body.clubId}/regroup`).expect(202);
        return waitFor(
          'the regroup',
          async () => (await admin.get(`/jobs/${job.body.jobId}`).expect(200)).body as Body,
          (v) => v.state !== 'running',
        );
      };
      expect((await regroup()).totals).toMatchObject({ joined: 1 });
      const inAuto = (await me(token).get('/clubs?limit=100').expect(200)).body.items.find((c: Body) => c.clubId === auto.body.clubId);
      expect(inAuto).toMatchObject({ membership: 'member', joinPolicy: 'automatic', canLeave: true });
      expect((await me(token).post(`/clubs/${auto.body.clubId}/leave`).expect(200)).body).toMatchObject({
        membership: 'left',
        changed: true,
      });
      expect((await regroup()).totals).toMatchObject({ joined: 0 });
      const after = (await me(token).get('/clubs?limit=100').expect(200)).body.items.find((c: Body) => c.clubId === auto.body.clubId);
      expect(after).toMatchObject({ membership: 'left', canJoin: false });
      const audit = await t.db.query(
        "SELECT action FROM audit_log WHERE actor_type = 'member' AND actor_id = ? AND action LIKE 'club.member.%' ORDER BY id",
        [reg.body.memberId],
      );
      expect(audit.map((a: Body) => a.action)).toEqual(['club.member.join', 'club.member.leave']);
    });

    it('consents per channel with history; a message campaign skips the member who withdrew', async () => {
      const a = await createMember(t, { consents: { sms: true } });
      const b = await createMember(t, { consents: { sms: true } });
      const tokenB = (await signIn(b.phone)).accessToken;
      const before = await me(tokenB).get('/consents').expect(200);
      expect(before.body.consents.find((c: Body) => c.channel === 'sms')).toMatchObject({ granted: true });
      const set = await me(tokenB).put('/consents', { sms: false, email: true }).expect(200);
      expect(set.body.changed.sort()).toEqual(['email', 'sms']);
      expect(set.body.consents.filter((c: Body) => c.granted).map((c: Body) => c.channel)).toEqual(['email']);
      expect(
        set.body.history
          .slice(0, 2)
          .map((h: Body) => [h.channel, h.granted, h.changedBy])
          .sort(),
      ).toEqual([
        ['email', true, 'you'],
        ['sms', false, 'you'],
      ]);

      const template = uniq('hello').toLowerCase();
      await admin
        .post('/message-templates', { code: template, channel: 'sms', variants: { 'zh-CN': { body: '{{name}}，您好' } } })
        .expect(201);
      const clubId = await createClubWith(t.db, [a.memberId, b.memberId]);
      const campaign = await admin
        .post('/campaigns', {
          name: 'Portal consent check',
          audience: { include: [{ type: 'club', clubIds: [clubId] }] },
          message: { channel: 'sms', template },
          schedule: { kind: 'now' },
        })
        .expect(201);
      const id = campaign.body.campaignId as string;
      await admin.post(`/campaigns/${id}/launch`).expect(200);
      await waitFor(
        'the campaign',
        async () => (await admin.get(`/campaigns/${id}/results`).expect(200)).body as Body,
        (r) => r.state === 'completed',
      );
      const rows = await t.db.query('SELECT member_id FROM outbox_messages WHERE source LIKE ?', [`campaign:${id}:%`]);
      expect(rows.map((r: Body) => r.member_id)).toEqual([a.memberId]);
    });
  });

  describe('my data: export and erasure', () => {
    it('a member downloads their own data (and nobody else’s), then asks to be forgotten: signed out at once, anonymised by the worker', async () => {
      const a = await createMember(t, { name: '李四' });
      const b = await createMember(t, { name: '王五' });
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: a.cardNo }, [{ amountCents: 4200 }]))
        .expect(201);
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: b.cardNo }, [{ amountCents: 9900 }]))
        .expect(201);
      const session = await signIn(a.phone);

      const exported = await me(session.accessToken).get('/export').expect(200);
      expect(exported.headers['content-disposition']).toBe(`attachment; filename="member-${a.memberId}.json"`);
      const text = JSON.stringify(exported.body);
      expect(exported.body.memberId).toBe(a.memberId);
      expect(text).toContain(a.cardNo);
      expect(text).toContain(a.phone);
      expect(text).toContain('4200');
      for (const other of [b.memberId, b.cardNo, b.phone, '王五']) {
        expect(text).not.toContain(other);
      }

      const requested = await me(session.accessToken).post('/erasure').expect(202);
      expect(requested.body).toMatchObject({ memberId: a.memberId, state: 'requested' });
      // Erasing from this moment: the token stops working and the refresh token with it.
      expect((await me(session.accessToken).get().expect(401)).body.code).toBe('UNAUTHENTICATED');
      const erased = await waitFor(
        'the erasure worker',
        async () => (await t.db.query('SELECT status, name, phone FROM members WHERE id = ?', [a.memberId]))[0],
        (row: { status: string; name: string | null; phone: string | null }) => row.status === 'erased',
      );
      expect(erased.name).toBeNull();
      expect(erased.phone).toBeNull();
      await auth.refresh(session.refreshToken).expect(401);
      const [sessions] = await t.db.query('SELECT COUNT(*) AS n FROM member_refresh_tokens WHERE member_id = ?', [a.memberId]);
      expect(Number(sessions.n)).toBe(0);
      const [ledger] = await t.db.query('SELECT SUM(points) AS sum FROM point_entries WHERE member_id = ?', [a.memberId]);
      const [account] = await t.db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [a.memberId]);
      expect(Number(ledger.sum)).toBe(Number(account.balance));
      expect(Number(account.balance)).toBeGreaterThan(0);
      // The sign-in codes sent to the phone keep neither the code nor the phone.
      const [codes] = await t.db.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE to_address = ? OR (member_id = ? AND body <> '')", [
        a.phone,
        a.memberId,
      ]);
      expect(Number(codes.n)).toBe(0);
    });
  });

  describe('security', () => {
    it('a member token reaches only that member: not another member’s card, not admin routes, not POS routes', async () => {
      const a = await createMember(t);
      const b = await createMember(t);
      const tokenA = (await signIn(a.phone)).accessToken;
      const res = await me(tokenA).post(`/cards/${b.cardNo}/report-lost`).expect(404);
      expect(res.body.code).toBe('CARD_NOT_FOUND');
      const [card] = await t.db.query('SELECT status FROM cards WHERE card_no = ?', [b.cardNo]);
      expect(card.status).toBe('active');
      expect((await me(tokenA).get().expect(200)).body.memberId).toBe(a.memberId);

      for (const path of [
        `/api/v1/admin/members/${a.memberId}`,
        `/api/v1/admin/members/${b.memberId}`,
        '/api/v1/admin/members',
        '/api/v1/admin/audit',
      ]) {
        expect((await t.http.get(path).set('Authorization', `Bearer ${tokenA}`).expect(401)).body.code).toBe('UNAUTHENTICATED');
      }
      expect(
        (await t.http.get('/api/v1/pos/members/lookup').query({ cardNo: a.cardNo }).set('Authorization', `Bearer ${tokenA}`).expect(401))
          .body.code,
      ).toBe('UNAUTHENTICATED');
      await t.http
        .post('/api/v1/pos/transactions')
        .set('Authorization', `Bearer ${tokenA}`)
        .send(purchaseBody({ cardNo: a.cardNo }, [{ amountCents: 100 }]))
        .expect(401);
    });

    it('an admin token is refused on portal routes, and tokens signed for one audience never pass for the other', async () => {
      const m = await createMember(t);
      for (const path of ['', '/points', '/history', '/tier', '/clubs', '/cards', '/consents']) {
        expect((await me(adminToken).get(path).expect(401)).body.code).toBe('UNAUTHENTICATED');
      }
      const jwt = t.app.get(JwtService, { strict: false });
      // Right secret, admin-shaped claims naming the member: no portal audience.
      const adminShaped = await jwt.signAsync({ sub: m.memberId, typ: 'access' }, { expiresIn: 60 });
      await me(adminShaped).get().expect(401);
      // A member token whose subject is an admin id: refused by the console.
      const [adminUser] = await t.db.query('SELECT id FROM admin_users WHERE email = ?', [String(process.env.ADMIN_EMAIL).toLowerCase()]);
      const memberShaped = await jwt.signAsync(
        { sub: adminUser.id, typ: 'member', sid: 'x' },
        { expiresIn: 60, audience: 'loyalty-portal' },
      );
      await t.http.get('/api/v1/admin/members').set('Authorization', `Bearer ${memberShaped}`).expect(401);
      // A forged member token (another secret) is refused.
      const forged = new JwtService({ secret: 'x'.repeat(40) });
      const fake = await forged.signAsync({ sub: m.memberId, typ: 'member', sid: 'x' }, { expiresIn: 60, audience: 'loyalty-portal' });
      await me(fake).get().expect(401);
      await me('not-a-token').get().expect(401);
      await t.http.get('/api/v1/portal/me').expect(401);
    });

    it('sign-in routes are limited per client address (429 RATE_LIMITED with Retry-After)', async () => {
      const limited = await startTestApp({ RATE_LIMIT_PORTAL_AUTH_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
      try {
        const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const res = await limited.http.post('/api/v1/portal/auth/code').set('X-Forwarded-For', address).send({ phone: uniquePhone() });
          statuses.push(res.status);
          if (res.status === 429) {
            expect(res.body.code).toBe('RATE_LIMITED');
            expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          }
        }
        expect(statuses).toEqual([200, 200, 200, 429]);
        // Another address is not affected.
        await limited.http
          .post('/api/v1/portal/auth/code')
          .set('X-Forwarded-For', '198.51.100.7')
          .send({ phone: uniquePhone() })
          .expect(200);
      } finally {
        await limited.close();
      }
    });
  });
});
