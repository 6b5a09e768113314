import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { addDays, businessDay } from '../src/modules/analytics/rules/figures';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, finishedJob, loginAdmin, pos, purchaseBody, TestMember, TestStore, uniq } from './support/factories';
import { momentOf } from './support/business-days';
import { ownDatabase } from './support/own-database';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The dashboard's period read (GET analytics/overview) over a population whose every figure is worked out by hand.
 * Own database: the population is the whole program.
 *
 * Days are business days (Asia/Shanghai); D0 = the snapshot's day. Events moved into the past sit at noon of their day.
 *   A  joined D0; buys ¥100 on D0                                   (7-day period)
 *   B  joined D0; buys ¥200 on D0, ¥50 of it refunded on D0         (7-day period)
 *   C  joined D−40; buys ¥300 on D−9                                 (the 7 days before)
 *   D  joined D−10; buys ¥50 on D−3 and redeems 20 points on D−3
 *   coupons used: one on D0, one returned by a refund on D0 (not counted), one on D−9
 *   clubs: K with A, B, C; L with D
 */
describe('analytics overview (own database, known population)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let store: TestStore;
  const m: Record<string, TestMember> = {};
  let today: string;
  const clubs: Record<string, string> = {};

  const own = ownDatabase('ov');

  beforeAll(async () => {
    await own.enter();
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    token = await loginAdmin(t);
    store = await createStore(t);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await own.leave();
  });

  const get = (path: string) => t.http.get(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body?: object) =>
    t.http
      .post(`/api/v1/admin/${path}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body ?? {});

  async function snapshot(): Promise<Date> {
    const job = await finishedJob(t, token, (await post('analytics/snapshots').expect(202)).body.jobId as string);
    return new Date(job.params.asOf as string);
  }

  const buy = async (member: TestMember, cents: number) =>
    (
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: cents }]))
        .expect(201)
    ).body as { receiptNo: string; transactionId: string };

  it('before the first snapshot: no period and no KPIs (not zeros), and nothing live', async () => {
    const res = await get('analytics/overview').expect(200);
    expect(res.body).toEqual({
      snapshotAt: null,
      asOf: null,
      period: null,
      kpis: null,
      daily: [],
      topClubs: [],
      liveCampaigns: [],
      liveCampaignCount: 0,
    });
  });

  it('a bad period is 400 VALIDATION_FAILED naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-03-10&to=2026-03-01', 'from'],
      ['from=2026-01-01&to=2026-07-31', 'to'],
      ['from=2026-01-01', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
    ] as const) {
      const res = await get(`analytics/overview?${query}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field }] });
    }
    expect((await get('analytics/overview?days=8').expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('builds the population', async () => {
    today = businessDay(new Date());
    for (const name of ['A', 'B', 'C', 'D']) {
      m[name] = await createMember(t);
    }
    await buy(m.A, 10_000);
    const b = await buy(m.B, 20_000);
    await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo: b.receiptNo, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 5_000 }] })
      .expect(201);
    await buy(m.C, 30_000);
    await buy(m.D, 5_000);
    await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: m.D.cardNo }, points: 20 })
      .expect(201);

    const move = async (member: TestMember, day: string) => {
      await t.db.query('UPDATE purchases SET occurred_at = ? WHERE member_id = ?', [momentOf(day), member.memberId]);
      await t.db.query('UPDATE point_entries SET created_at = ? WHERE member_id = ?', [momentOf(day), member.memberId]);
    };
    await move(m.C, addDays(today, -9));
    await move(m.D, addDays(today, -3));
    await t.db.query('UPDATE members SET created_at = ? WHERE id = ?', [momentOf(addDays(today, -40)), m.C.memberId]);
    await t.db.query('UPDATE members SET created_at = ? WHERE id = ?', [momentOf(addDays(today, -10)), m.D.memberId]);

    // Coupon uses as the till records them (the rewards suites cover how they come about).
    const use = (member: TestMember, status: string, at: Date, n: number) =>
      t.db.query(
        `INSERT INTO coupon_uses (purchase_id, code, coupon_id, member_id, store_id, receipt_no, status, reason, discount_cents, occurred_at, created_at)
         VALUES (?, ?, NULL, ?, ?, ?, ?, NULL, 500, ?, ?)`,
        [`00000000-0000-4000-8000-00000000000${n}`, `CODE${n}`, member.memberId, store.storeId, `R${n}`, status, at, at],
      );
    await use(m.A, 'redeemed', new Date(), 1);
    await use(m.B, 'returned', new Date(), 2);
    await use(m.C, 'redeemed', momentOf(addDays(today, -9)), 3);

    for (const [code, members] of [
      ['K', ['A', 'B', 'C']],
      ['L', ['D']],
    ] as const) {
      const club = await post('clubs', { code, nameZh: `俱乐部${code}`, nameEn: `Club ${code}`, joinPolicy: 'open' }).expect(201);
      clubs[code] = club.body.clubId as string;
      for (const name of members) {
        await post(`clubs/${clubs[code]}/members/${m[name].memberId}`).expect(200);
      }
    }
  });

  it('the last 7 days beside the 7 before: every KPI and its change as worked out by hand', async () => {
    const asOf = await snapshot();
    expect(businessDay(asOf)).toBe(today);
    const res = (await get('analytics/overview?days=7').expect(200)).body;
    expect(res.period).toEqual({
      from: addDays(today, -6),
      to: today,
      days: 7,
      previousFrom: addDays(today, -13),
      previousTo: addDays(today, -7),
      preset: 7,
      complete: true,
    });
    expect(res.kpis).toEqual({
      // 4 members now; at the end of the week before, C and D had joined.
      members: { value: 4, previous: 2, change: 1 },
      // A, B, D bought this week; C the week before.
      activeMembers: { value: 3, previous: 1, change: 2 },
      // 100 + (200 − 50) + 50 against C's 300.
      salesCents: { value: 30_000, previous: 30_000, change: 0 },
      receipts: { value: 3, previous: 1, change: 2 },
      // 100 + 200 − 50 clawed back + 50 against 300.
      pointsIssued: { value: 300, previous: 300, change: 0 },
      pointsRedeemed: { value: 20, previous: 0, change: null },
      redemptionRate: { value: 0.0667, previous: 0, change: 0.0667 },
      // The returned use does not count.
      couponsUsed: { value: 1, previous: 1, change: 0 },
    });
    expect(res.daily).toHaveLength(7);
    expect(res.daily[0].day).toBe(addDays(today, -6));
    expect(res.daily[3]).toEqual({
      day: addDays(today, -3),
      joined: 0,
      receipts: 1,
      salesCents: 5_000,
      pointsIssued: 50,
      pointsRedeemed: 20,
      couponsUsed: 0,
    });
    expect(res.daily[6]).toEqual({
      day: today,
      joined: 2,
      receipts: 2,
      salesCents: 25_000,
      pointsIssued: 250,
      pointsRedeemed: 0,
      couponsUsed: 1,
    });
    expect(res.topClubs).toEqual([
      { clubId: clubs.K, code: 'K', nameZh: '俱乐部K', nameEn: 'Club K', members: 3, active90: 3 },
      { clubId: clubs.L, code: 'L', nameZh: '俱乐部L', nameEn: 'Club L', members: 1, active90: 1 },
    ]);
    expect(res.liveCampaigns).toEqual([]);
  });

  it('the last 30 days: D and C joined inside it, nobody bought in the 30 before', async () => {
    const res = (await get('analytics/overview?days=30').expect(200)).body;
    expect(res.period).toMatchObject({ from: addDays(today, -29), previousFrom: addDays(today, -59), previousTo: addDays(today, -30) });
    expect(res.kpis.members).toEqual({ value: 4, previous: 1, change: 3 });
    expect(res.kpis.activeMembers).toEqual({ value: 4, previous: 0, change: null });
    expect(res.kpis.salesCents).toEqual({ value: 60_000, previous: 0, change: null });
    expect(res.kpis.couponsUsed).toEqual({ value: 2, previous: 0, change: null });
    expect(res.daily).toHaveLength(30);
  });

  it('a custom period (the week before): sums of its days, members at its end, no active count', async () => {
    const from = addDays(today, -13);
    const to = addDays(today, -7);
    const res = (await get(`analytics/overview?from=${from}&to=${to}`).expect(200)).body;
    expect(res.period).toEqual({
      from,
      to,
      days: 7,
      previousFrom: addDays(today, -20),
      previousTo: addDays(today, -14),
      preset: null,
      complete: true,
    });
    expect(res.kpis).toEqual({
      members: { value: 2, previous: 1, change: 1 },
      activeMembers: { value: null, previous: null, change: null },
      salesCents: { value: 30_000, previous: 0, change: null },
      receipts: { value: 1, previous: 0, change: null },
      pointsIssued: { value: 300, previous: 0, change: null },
      pointsRedeemed: { value: 0, previous: 0, change: null },
      redemptionRate: { value: 0, previous: null, change: null },
      couponsUsed: { value: 1, previous: 0, change: null },
    });
    expect(res.daily.map((d: { salesCents: number }) => d.salesCents)).toEqual([0, 0, 0, 0, 30_000, 0, 0]);
    // A period reaching past the snapshot's day is marked incomplete.
    const later = (await get(`analytics/overview?from=${addDays(today, -2)}&to=${addDays(today, 1)}`).expect(200)).body;
    expect(later.period.complete).toBe(false);
  });
});
