import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createMember, createStore, loginAdmin, pos, purchaseBody, uniq, uniquePhone } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('admin set-up routes', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await loginAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const admin = (method: 'get' | 'post' | 'delete', path: string) => t.http[method](path).set('Authorization', `Bearer ${token}`);

  it('creates a store; a second store with the same code is 409 STORE_CODE_TAKEN', async () => {
    const code = uniq('S').slice(0, 30);
    const res = await admin('post', '/api/v1/admin/stores').send({ code, name: 'Nanjing Road' }).expect(201);
    expect(res.body).toMatchObject({ code, name: 'Nanjing Road', status: 'active' });
    expect(res.body.storeId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await admin('post', '/api/v1/admin/stores').send({ code, name: 'Again' }).expect(409)).body.code).toBe('STORE_CODE_TAKEN');
  });

  it('a key is shown once: listing keys shows only its prefix', async () => {
    const store = await createStore(t);
    const list = await admin('get', `/api/v1/admin/stores/${store.storeId}/api-keys`).expect(200);
    expect(list.body.keys).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(store.key);
    expect(store.key.startsWith(list.body.keys[0].keyPrefix)).toBe(true);
  });

  it('a key for an unknown store is 404, revoking an unknown key is 404', async () => {
    expect((await admin('post', '/api/v1/admin/stores/01a21201-0000-7000-8000-000000000000/api-keys').expect(404)).body.code).toBe(
      'STORE_NOT_FOUND',
    );
    expect((await admin('delete', '/api/v1/admin/api-keys/01a21201-0000-7000-8000-000000000000').expect(404)).body.code).toBe(
      'API_KEY_NOT_FOUND',
    );
  });

  it('registers a member with a valid card; the same phone again is 409 PHONE_TAKEN; bad fields are 400', async () => {
    const phone = uniquePhone();
    const res = await admin('post', '/api/v1/admin/members')
      .send({ name: 'Anna Smith', phone, email: 'anna@example.com', birthday: '1990-02-28', consents: { sms: true } })
      .expect(201);
    expect(res.body).toMatchObject({ name: 'Anna Smith', phone, email: 'anna@example.com', birthday: '1990-02-28', tier: 'STANDARD' });
    const { isValidCardNo } = await import('../src/modules/cards/card-number');
    expect(isValidCardNo(res.body.cardNo)).toBe(true);
    expect((await admin('post', '/api/v1/admin/members').send({ name: 'Other', phone }).expect(409)).body.code).toBe('PHONE_TAKEN');
    const bad = await admin('post', '/api/v1/admin/members').send({ name: '', phone: '12345', birthday: '1990-13-45' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(expect.arrayContaining(['birthday', 'name', 'phone']));
    const [audit] = await t.db.query("SELECT actor_type, changes FROM audit_log WHERE entity_id = ? AND action = 'member.created'", [
      res.body.memberId,
    ]);
    expect(audit.actor_type).toBe('admin');
    expect(audit.changes).not.toContain(phone);
  });

  it('the ledger view lists entries newest first, with the balance, page by page', async () => {
    const store = await createStore(t);
    const m = await createMember(t);
    for (const cents of [1000, 2000, 3000]) {
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: cents }]))
        .expect(201);
    }
    await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 15 })
      .expect(201);
    const page1 = await admin('get', `/api/v1/admin/members/${m.memberId}/ledger?limit=2`).expect(200);
    expect(page1.body.balance).toBe(45);
    expect(
      page1.body.entries.map((e: { type: string; points: number; balanceAfter: number }) => [e.type, e.points, e.balanceAfter]),
    ).toEqual([
      ['redemption', -15, 45],
      ['accrual', 30, 60],
    ]);
    const page2 = await admin('get', `/api/v1/admin/members/${m.memberId}/ledger?limit=2&before=${page1.body.nextBefore}`).expect(200);
    expect(page2.body.entries.map((e: { points: number }) => e.points)).toEqual([20, 10]);
    expect(page2.body.nextBefore).toBeNull();
    const profile = await admin('get', `/api/v1/admin/members/${m.memberId}`).expect(200);
    expect(profile.body).toMatchObject({ memberId: m.memberId, points: { balance: 45 }, tier: { code: 'STANDARD' } });
    expect(profile.body.cards).toEqual([expect.objectContaining({ cardNo: m.cardNo, status: 'active', kind: 'standard' })]);
  });

  it('console routes need a token', async () => {
    expect((await t.http.post('/api/v1/admin/stores').send({ code: 'X', name: 'X' }).expect(401)).body.code).toBe('UNAUTHENTICATED');
  });
});

describe('schema', () => {
  it('the migrations build exactly the schema the entities describe (nothing left to generate)', async () => {
    const config = loadConfig();
    const [version] = await (async () => {
      const probe = new DataSource(dataSourceOptions(config.database));
      await probe.initialize();
      try {
        return await probe.query<Array<{ v: string }>>('SELECT VERSION() AS v');
      } finally {
        await probe.destroy();
      }
    })();
    // TypeORM's mysql driver misreads MariaDB's column defaults; compare with the driver made for the server at hand.
    const type = version.v.includes('MariaDB') ? 'mariadb' : 'mysql';
    const ds = new DataSource({ ...dataSourceOptions(config.database), type });
    await ds.initialize();
    try {
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
