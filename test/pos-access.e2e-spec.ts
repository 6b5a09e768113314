import { createHash } from 'node:crypto';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore, uniq, writeCounts } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('POS lookup, counter cards, offline batches', () => {
  let t: TestApp;
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('looks a member up by card or phone with the name and phone masked', async () => {
    const m = await createMember(t, { name: '张三', phone: `+86138${String(Date.now()).slice(-8)}` });
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 120_000 }]))
      .expect(201);
    const byCard = await pos(t, store).lookup({ cardNo: m.cardNo }).expect(200);
    expect(byCard.body).toEqual({
      memberId: m.memberId,
      cardNo: m.cardNo,
      name: '张*',
      phone: `${m.phone.slice(0, 6)}****${m.phone.slice(-4)}`,
      tier: { code: 'STANDARD', name: 'Standard', priorityService: false },
      points: { balance: 1200, available: 1200, pending: 0 },
      clubs: [],
    });
    const byPhone = await pos(t, store).lookup({ phone: m.phone }).expect(200);
    expect(byPhone.body).toEqual(byCard.body);
  });

  it('lists the clubs the member belongs to', async () => {
    const m = await createMember(t);
    const clubId = '01a21201-0000-7000-8000-0000000000b1';
    await t.db.query(
      "INSERT IGNORE INTO clubs (id, code, name, description, join_policy, status, created_at) VALUES (?, 'BABY', 'Baby Club', NULL, 'open', 'active', NOW(3))",
      [clubId],
    );
    await t.db.query("INSERT INTO club_members (member_id, club_id, status, joined_at, left_at) VALUES (?, ?, 'active', NOW(3), NULL)", [
      m.memberId,
      clubId,
    ]);
    expect((await pos(t, store).lookup({ cardNo: m.cardNo }).expect(200)).body.clubs).toEqual(['BABY']);
  });

  it('a lookup needs exactly one of cardNo or phone; unknown ones are 404', async () => {
    const m = await createMember(t);
    expect((await pos(t, store).lookup({ cardNo: m.cardNo, phone: m.phone }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await pos(t, store).lookup({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await pos(t, store).lookup({ phone: '+8613000000009' }).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
    expect((await pos(t, store).lookup({ cardNo: '1234' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('a card issued at the counter earns at once; the temporary member keeps the points', async () => {
    const issued = await pos(t, store).issueCard().expect(201);
    expect(issued.body.cardNo).toMatch(/^\d{16}$/);
    const res = await pos(t, store)
      .purchase(purchaseBody({ cardNo: issued.body.cardNo }, [{ amountCents: 999 }]))
      .expect(201);
    expect(res.body).toMatchObject({ memberId: issued.body.memberId, pointsEarned: 9 });
    const lookup = await pos(t, store).lookup({ cardNo: issued.body.cardNo }).expect(200);
    expect(lookup.body).toMatchObject({ name: null, phone: null, points: { balance: 9 } });
    const [member] = await t.db.query('SELECT status FROM members WHERE id = ?', [issued.body.memberId]);
    expect(member.status).toBe('temporary');
  });

  it('an offline batch answers each receipt in order exactly as if posted alone', async () => {
    const m = await createMember(t);
    const posted = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 1000 }]);
    await pos(t, store).purchase(posted).expect(201);
    const fresh = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 2000 }]);
    const mismatch = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100 }], { totalCents: 99 });
    const invalid = { ...purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100 }]), extra: true };
    const conflict = { ...posted, totalCents: 1001, lines: [{ ...posted.lines[0], amountCents: 1001 }] };
    const res = await pos(t, store)
      .batch({ transactions: [fresh, posted, mismatch, invalid, conflict, 'junk'] })
      .expect(200);
    const results = res.body.results as Array<{
      receiptNo: string | null;
      status: number;
      body?: { pointsEarned: number };
      error?: { code: string };
    }>;
    expect(results.map((r) => [r.receiptNo, r.status, r.error?.code ?? null])).toEqual([
      [fresh.receiptNo, 201, null],
      [posted.receiptNo, 200, null],
      [mismatch.receiptNo, 422, 'TOTAL_MISMATCH'],
      [invalid.receiptNo, 400, 'VALIDATION_FAILED'],
      [conflict.receiptNo, 409, 'IDEMPOTENCY_CONFLICT'],
      [null, 400, 'VALIDATION_FAILED'],
    ]);
    expect(results[0].body?.pointsEarned).toBe(20);
    // Replaying the whole batch posts nothing new.
    const before = await writeCounts(t.db);
    const again = await pos(t, store)
      .batch({ transactions: [fresh, posted] })
      .expect(200);
    expect(again.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200]);
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('a batch of more than 500 receipts is refused whole', async () => {
    const res = await pos(t, store)
      .batch({ transactions: Array.from({ length: 501 }, () => ({})) })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('transactions');
  });
});

describe('access control', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('no key, an unknown key and a revoked key all get 401 UNAUTHENTICATED', async () => {
    const store = await createStore(t);
    const m = await createMember(t);
    const noKey = await t.http.get('/api/v1/pos/members/lookup').query({ cardNo: m.cardNo }).expect(401);
    expect(noKey.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    await t.http.get('/api/v1/pos/members/lookup').query({ cardNo: m.cardNo }).set('Authorization', 'Bearer pos_nope').expect(401);
    await pos(t, store).lookup({ cardNo: m.cardNo }).expect(200);
    const token = await loginAdmin(t);
    await t.http.delete(`/api/v1/admin/api-keys/${store.keyId}`).set('Authorization', `Bearer ${token}`).expect(204);
    const revoked = await pos(t, store).lookup({ cardNo: m.cardNo }).expect(401);
    expect(revoked.body.code).toBe('UNAUTHENTICATED');
    const [key] = await t.db.query('SELECT key_hash FROM api_keys WHERE id = ?', [store.keyId]);
    // Stored as its SHA-256 only: the key itself is nowhere in the table.
    expect(key.key_hash).toBe(createHash('sha256').update(store.key).digest('hex'));
    const [{ n }] = await t.db.query('SELECT COUNT(*) AS n FROM api_keys WHERE key_hash = ? OR key_prefix = ?', [store.key, store.key]);
    expect(Number(n)).toBe(0);
  });

  it('a store key cannot call admin routes, and an admin token cannot call POS routes', async () => {
    const store = await createStore(t);
    const res = await t.http
      .post('/api/v1/admin/stores')
      .set('Authorization', `Bearer ${store.key}`)
      .send({ code: uniq('X').slice(0, 30), name: 'x' })
      .expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    await t.http.get(`/api/v1/admin/members/${store.storeId}/ledger`).set('Authorization', `Bearer ${store.key}`).expect(401);
    const token = await loginAdmin(t);
    await t.http.post('/api/v1/pos/cards').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('a wrong admin password is 401 INVALID_CREDENTIALS', async () => {
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ email: process.env.ADMIN_EMAIL, password: 'wrong-password' })
      .expect(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('an unknown route is a 404 in the same error shape', async () => {
    const res = await t.http.get('/api/v1/pos/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('health reports MySQL and Redis up, and /docs-json documents every POS route', async () => {
    const health = await t.http.get('/health').expect(200);
    // @nestjs/terminus 12 adds the ping's responseTime (ms) to the database check.
    expect(health.body.info).toEqual({ mysql: { status: 'up', responseTime: expect.any(Number) }, redis: { status: 'up' } });
    const docs = await t.http.get('/docs-json').expect(200);
    for (const path of [
      '/api/v1/pos/members/lookup',
      '/api/v1/pos/transactions',
      '/api/v1/pos/transactions/batch',
      '/api/v1/pos/refunds',
      '/api/v1/pos/redemptions',
      '/api/v1/pos/redemptions/{redemptionNo}/cancel',
      '/api/v1/pos/cards',
    ]) {
      expect(Object.keys(docs.body.paths)).toContain(path);
    }
  });
});

describe('rate limiting', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_POS_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('a key past its per-minute limit gets 429 RATE_LIMITED; another store’s key is not affected', async () => {
    const a = await createStore(t);
    const b = await createStore(t);
    const m = await createMember(t);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await pos(t, a).lookup({ cardNo: m.cardNo })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await pos(t, a).lookup({ cardNo: m.cardNo }).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    await pos(t, b).lookup({ cardNo: m.cardNo }).expect(200);
  });
});
