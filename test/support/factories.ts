import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

let adminToken: string | null = null;
let seq = 0;

export function uniq(prefix: string): string {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}-${seq}-${randomBytes(2).toString('hex')}`;
}

export function uniquePhone(): string {
  return `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

export async function loginAdmin(t: TestApp): Promise<string> {
  if (adminToken) {
    return adminToken;
  }
  const res = await t.http
    .post('/api/v1/admin/auth/login')
    .send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })
    .expect(200);
  adminToken = res.body.accessToken as string;
  return adminToken;
}

/** Polls GET admin/jobs/{jobId} until the job is no longer running, expects it completed, and answers its view. */
export async function finishedJob(t: TestApp, token: string, jobId: string): Promise<{ state: string; params: Record<string, unknown> }> {
  for (let i = 0; i < 600; i++) {
    const job = (await t.http.get(`/api/v1/admin/jobs/${jobId}`).set('Authorization', `Bearer ${token}`).expect(200)).body as {
      state: string;
      params: Record<string, unknown>;
    };
    if (job.state !== 'running') {
      expect(job.state).toBe('completed');
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not finish within 60 s`);
}

export interface TestStore {
  storeId: string;
  code: string;
  key: string;
  keyId: string;
}

/** A store with a fresh POS key, in one line. */
export async function createStore(t: TestApp): Promise<TestStore> {
  const token = await loginAdmin(t);
  const code = uniq('S').slice(0, 32);
  const store = await t.http
    .post('/api/v1/admin/stores')
    .set('Authorization', `Bearer ${token}`)
    .send({ code, name: `Store ${code}` })
    .expect(201);
  const key = await t.http.post(`/api/v1/admin/stores/${store.body.storeId}/api-keys`).set('Authorization', `Bearer ${token}`).expect(201);
  return { storeId: store.body.storeId, code, key: key.body.key, keyId: key.body.keyId };
}

export interface TestMember {
  memberId: string;
  cardNo: string;
  phone: string;
}

export async function createMember(t: TestApp, overrides: Record<string, unknown> = {}): Promise<TestMember> {
  const token = await loginAdmin(t);
  const phone = (overrides.phone as string) ?? uniquePhone();
  const res = await t.http
    .post('/api/v1/admin/members')
    .set('Authorization', `Bearer ${token}`)
    .send({ name: '张三', phone, ...overrides })
    .expect(201);
  return { memberId: res.body.memberId, cardNo: res.body.cardNo, phone };
}

/** A member who has earned `points` at the store (one purchase of points × ¥1). */
export async function memberWithPoints(t: TestApp, store: TestStore, points: number): Promise<TestMember> {
  const m = await createMember(t);
  await pos(t, store)
    .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: points * 100 }]))
    .expect(201);
  return m;
}

export interface LineSpec {
  sku?: string;
  category?: string;
  quantity?: number;
  amountCents: number;
}

export function purchaseBody(member: Record<string, string | undefined>, lines: LineSpec[], overrides: Record<string, unknown> = {}) {
  const full = lines.map((l, i) => ({
    sku: l.sku ?? `SKU-${i + 1}`,
    category: l.category ?? 'grocery',
    quantity: l.quantity ?? 1,
    amountCents: l.amountCents,
  }));
  return {
    receiptNo: uniq('R'),
    member,
    occurredAt: new Date().toISOString(),
    lines: full,
    totalCents: full.reduce((s, l) => s + l.amountCents, 0),
    ...overrides,
  };
}

export function pos(t: TestApp, store: TestStore) {
  const auth = (r: ReturnType<TestApp['http']['get']>) => r.set('Authorization', `Bearer ${store.key}`);
  return {
    lookup: (query: Record<string, string>) => auth(t.http.get('/api/v1/pos/members/lookup').query(query)),
    purchase: (body: unknown) => auth(t.http.post('/api/v1/pos/transactions')).send(body as object),
    batch: (body: unknown) => auth(t.http.post('/api/v1/pos/transactions/batch')).send(body as object),
    refund: (body: unknown) => auth(t.http.post('/api/v1/pos/refunds')).send(body as object),
    redeem: (body: unknown) => auth(t.http.post('/api/v1/pos/redemptions')).send(body as object),
    cancel: (redemptionNo: string) => auth(t.http.post(`/api/v1/pos/redemptions/${encodeURIComponent(redemptionNo)}/cancel`)),
    issueCard: () => auth(t.http.post('/api/v1/pos/cards')),
  };
}

/** Row counts of every table a posting writes: equal before and after means nothing was written. */
export async function writeCounts(db: DataSource): Promise<Record<string, number>> {
  const tables = [
    'purchases',
    'purchase_lines',
    'refunds',
    'redemptions',
    'point_entries',
    'point_lots',
    'lot_consumptions',
    'members',
    'cards',
    'tier_history',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const rows: Array<{ n: string | number }> = await db.query(`SELECT COUNT(*) AS n FROM ${table}`);
    out[table] = Number(rows[0].n);
  }
  const sums: Array<{ s: string | null }> = await db.query('SELECT SUM(balance) AS s FROM point_accounts');
  out.balances = Number(sums[0].s ?? 0);
  return out;
}

/** The ledger invariants of one member: balance = sum of entries; lots hold max(balance, 0), none negative. */
export async function ledgerInvariants(db: DataSource, memberId: string) {
  const [acct] = await db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [memberId]);
  const [entries] = await db.query('SELECT COALESCE(SUM(points), 0) AS s FROM point_entries WHERE member_id = ?', [memberId]);
  const [lots] = await db.query(
    'SELECT COALESCE(SUM(remaining), 0) AS s, COALESCE(MIN(remaining), 0) AS lowest FROM point_lots WHERE member_id = ?',
    [memberId],
  );
  return {
    balance: Number(acct.balance),
    entrySum: Number(entries.s),
    lotSum: Number(lots.s),
    lowestLot: Number(lots.lowest),
  };
}
