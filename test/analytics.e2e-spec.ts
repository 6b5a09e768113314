import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { addDays, businessDay, businessDayStart } from '../src/modules/analytics/rules/figures';
import { RefreshSnapshotUseCase } from '../src/modules/analytics/use-cases/refresh-snapshot.use-case';
import { JobName, QueueName } from '../src/queue/queue.constants';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, TestStore, uniq } from './support/factories';
import { ownDatabase } from './support/own-database';
import { startTestApp, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const monthKey = (at: Date) => at.toISOString().slice(0, 7);
const monthStart = (at: Date, offset: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));

/**
 * The analytics routes over a small population whose every figure is worked
 * out by hand below. The suite runs on a database (and queue prefix) of its
 * own, so that the population is the whole program and the figures are exact.
 *
 * The population (T = now):
 *   A  buys ¥100 and ¥50 (150 points); redeems 60; redeems 10 and cancels it  → balance 90
 *   B  buys ¥200 (200); refund ¥50 of it (−50)                                   → 150
 *   C  buys ¥6,000 (6,000, up to VIP); the receipt moved to T − 100 days          → 6,000 (+5 campaign)
 *   D  never buys; joined T − 400 days                                            → 0 (+5 campaign)
 *   E  never buys; joined now                                                     → 0 (+5 campaign)
 *   F  buys ¥30 (30); receipt moved to T − 200 days; the lot expires (−30)        → 0
 *   G  buys ¥100 (100); redeems 100; the whole receipt refunded (−100)            → −100 (debt)
 *   club K: C, D, E; a campaign grants 5 points to K (15 bonus points).
 */
describe('analytics (own database, known population)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let store: TestStore;
  const m: Record<string, TestMember> = {};
  let clubId: string;
  let T: Date;

  const own = ownDatabase('an');

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

  const as = (bearer: string) => ({
    get: (path: string) => t.http.get(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${bearer}`),
    post: (path: string, body?: object) =>
      t.http
        .post(`/api/v1/admin/${path}`)
        .set('Authorization', `Bearer ${bearer}`)
        .send(body ?? {}),
  });
  const admin = () => as(token);

  async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 600; i++) {
      const value = await read();
      if (done(value)) {
        return value;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what} did not happen`);
  }

  async function finishJob(jobId: string): Promise<void> {
    const view = await until(
      `job ${jobId}`,
      async () => (await admin().get(`jobs/${jobId}`).expect(200)).body as { state: string },
      (v) => v.state !== 'running',
    );
    expect(view.state).toBe('completed');
  }

  async function snapshot(): Promise<string> {
    const res = await admin().post('analytics/snapshots').expect(202);
    await finishJob(res.body.jobId as string);
    return res.body.jobId as string;
  }

  async function userToken(role: string): Promise<string> {
    const email = `${uniq(role)}@example.com`.toLowerCase();
    await admin().post('users', { email, password: 'a long enough password', role }).expect(201);
    return (await t.http.post('/api/v1/admin/auth/login').send({ email, password: 'a long enough password' }).expect(200)).body
      .accessToken as string;
  }

  const buy = async (member: TestMember, cents: number) =>
    (
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: cents }]))
        .expect(201)
    ).body as {
      receiptNo: string;
      pointsEarned: number;
    };

  it('before any snapshot every route answers 200 with snapshotAt null and empty figures', async () => {
    const dashboard = await admin().get('analytics/dashboard').expect(200);
    expect(dashboard.body).toEqual({
      snapshotAt: null,
      asOf: null,
      members: 0,
      activeMembers90d: 0,
      pointsIssued: 0,
      pointsRedeemed: 0,
      pointsExpired: 0,
      pointsOutstanding: 0,
      runningCampaigns: 0,
    });
    const liability = await admin().get('analytics/liability').expect(200);
    expect(liability.body).toMatchObject({ snapshotAt: null, outstandingPoints: 0, expiring: [], exposureCents: 0 });
    const churn = await admin().get('analytics/churn').expect(200);
    expect(churn.body.snapshotAt).toBeNull();
    expect(churn.body.windows.map((w: { days: number; churned: number }) => [w.days, w.churned])).toEqual([
      [90, 0],
      [180, 0],
      [365, 0],
    ]);
    const rfm = await admin().get('analytics/rfm').expect(200);
    expect(rfm.body).toMatchObject({ snapshotAt: null, members: 0, valueRunId: null });
    expect(rfm.body.grid).toEqual([0, 0, 0, 0, 0].map(() => [0, 0, 0, 0, 0]));
  });

  it('support is refused every analytics route; analyst and marketer may read and refresh', async () => {
    const support = as(await userToken('support'));
    for (const path of [
      'dashboard',
      'churn',
      'loyalty',
      'liability',
      'liability?format=csv',
      'rfm',
      'tier-movements',
      'club-growth',
      'campaigns',
    ]) {
      const res = await support.get(`analytics/${path}`).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    await support.post('analytics/snapshots').expect(403);
    await t.http.get('/api/v1/admin/analytics/dashboard').expect(401);
    for (const role of ['analyst', 'marketer']) {
      const user = as(await userToken(role));
      await user.get('analytics/dashboard').expect(200);
      await user.get('analytics/liability?format=csv').expect(200);
      await user.get('analytics/campaigns').expect(200);
      const started = await user.post('analytics/snapshots').expect(202);
      await finishJob(started.body.jobId as string);
    }
  });

  it('builds the population through the POS, the worker and the console', async () => {
    T = new Date();
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
      m[name] = await createMember(t);
    }
    // A
    await buy(m.A, 10_000);
    await buy(m.A, 5_000);
    await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: m.A.cardNo }, points: 60 })
      .expect(201);
    const cancelled = uniq('D');
    await pos(t, store)
      .redeem({ redemptionNo: cancelled, member: { cardNo: m.A.cardNo }, points: 10 })
      .expect(201);
    await pos(t, store).cancel(cancelled).expect(200);
    // B: a partial refund
    const b = await buy(m.B, 20_000);
    const refundB = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo: b.receiptNo, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 5_000 }] })
      .expect(201);
    expect(refundB.body.pointsReversed).toBe(50);
    // C: up to VIP, earning at the STANDARD rate
    const c = await buy(m.C, 600_000);
    expect(c.pointsEarned).toBe(6_000);
    // F: its points expire
    await buy(m.F, 3_000);
    // G: redeems everything, then the whole receipt is refunded: a debt of 100
    const g = await buy(m.G, 10_000);
    await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: m.G.cardNo }, points: 100 })
      .expect(201);
    const refundG = await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo: g.receiptNo, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 10_000 }] })
      .expect(201);
    expect(refundG.body.pointsReversed).toBe(100);

    // Time: C's receipt 100 days back, F's 200; D joined 400 days ago.
    await t.db.query('UPDATE purchases SET occurred_at = ? WHERE member_id = ?', [new Date(T.getTime() - 100 * DAY_MS), m.C.memberId]);
    await t.db.query('UPDATE purchases SET occurred_at = ? WHERE member_id = ?', [new Date(T.getTime() - 200 * DAY_MS), m.F.memberId]);
    await t.db.query('UPDATE members SET created_at = ? WHERE id = ?', [new Date(T.getTime() - 400 * DAY_MS), m.D.memberId]);

    // F's lot is due: the expiry job takes its 30 points.
    await t.db.query('UPDATE point_lots SET expires_at = ? WHERE member_id = ?', [new Date(Date.now() - 60_000), m.F.memberId]);
    await worker.get<Queue>(getQueueToken(QueueName.PointsExpiry)).add(JobName.PlanExpiry, {});
    await until(
      "F's expiry",
      async () => Number((await t.db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [m.F.memberId]))[0].balance),
      (balance) => balance === 0,
    );

    // Club K with C, D and E; a campaign grants each of them 5 points.
    const club = await admin().post('clubs', { code: 'K', nameZh: '测试俱乐部', nameEn: 'Club K', joinPolicy: 'open' }).expect(201);
    clubId = club.body.clubId as string;
    for (const name of ['C', 'D', 'E']) {
      await admin().post(`clubs/${clubId}/members/${m[name].memberId}`).expect(200);
    }
    const campaign = await admin()
      .post('campaigns', {
        name: 'Analytics grant',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points: 5, reason: 'Analytics test' },
        schedule: { kind: 'now' },
      })
      .expect(201);
    await admin().post(`campaigns/${campaign.body.campaignId}/launch`).expect(200);
    await until(
      'the campaign',
      async () => (await admin().get(`campaigns/${campaign.body.campaignId}`).expect(200)).body.state as string,
      (state) => state === 'completed',
    );

    // Lots: A's 90 left points expire next month, B's 150 in three months.
    await t.db.query('UPDATE point_lots SET expires_at = ? WHERE member_id = ?', [
      new Date(monthStart(T, 1).getTime() + 2 * DAY_MS),
      m.A.memberId,
    ]);
    await t.db.query('UPDATE point_lots SET expires_at = ? WHERE member_id = ?', [
      new Date(monthStart(T, 3).getTime() + 5 * DAY_MS),
      m.B.memberId,
    ]);

    // The premises of the arithmetic, from the ledger.
    const ids = Object.values(m).map((x) => x.memberId);
    const rows = await t.db.query<Array<{ member_id: string; balance: string }>>(
      `SELECT member_id, balance FROM point_accounts WHERE member_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    const balances = Object.fromEntries(rows.map((r) => [r.member_id, Number(r.balance)]));
    expect(Object.fromEntries(Object.entries(m).map(([name, x]) => [name, balances[x.memberId]]))).toEqual({
      A: 90,
      B: 150,
      C: 6_005,
      D: 5,
      E: 5,
      F: 0,
      G: -100,
    });

    // Grades and RFM scores for the churn-by-grade and the heat map.
    const valueRun = await admin().post('analytics/value-runs').expect(202);
    await finishJob(valueRun.body.jobId as string);
  });

  it('a snapshot gives every figure as worked out by hand', async () => {
    const jobId = await snapshot();
    const asOf = new Date((await admin().get(`jobs/${jobId}`).expect(200)).body.params.asOf as string);

    // Dashboard: 7 members; A, B and G bought within 90 days (G's receipt, though refunded, is a visit).
    // Issued: accruals 150 + 200 + 6,000 + 30 + 100, clawbacks −50 − 100, campaign bonus 15 = 6,345.
    // Redeemed: 60 (+10 −10 cancelled) + 100 = 160. Expired: 30. Outstanding: 90 + 150 + 6,005 + 5 + 5 = 6,255.
    const dashboard = (await admin().get('analytics/dashboard').expect(200)).body;
    expect(dashboard).toEqual({
      snapshotAt: expect.any(String),
      asOf: asOf.toISOString(),
      members: 7,
      activeMembers90d: 3,
      pointsIssued: 6_345,
      pointsRedeemed: 160,
      pointsExpired: 30,
      pointsOutstanding: 6_255,
      runningCampaigns: 0,
    });
    // The ledger identity: issued − redeemed − expired = outstanding − debt.
    expect(6_345 - 160 - 30).toBe(6_255 - 100);

    // Loyalty over the default period, the 30 business days to the snapshot's: buyers A and B (C's and F's receipts lie
    // 100 and 200 days back, G's was refunded in full); A bought twice: 3 purchases. Every ledger entry is dated now.
    const today = businessDay(asOf);
    const period30 = { from: addDays(today, -29), to: today, days: 30, preset: 30, complete: true };
    const loyalty = (await admin().get('analytics/loyalty').expect(200)).body;
    expect(loyalty).toEqual({
      snapshotAt: dashboard.snapshotAt,
      asOf: asOf.toISOString(),
      period: period30,
      windowDays: 30,
      windowFrom: businessDayStart(period30.from).toISOString(),
      buyers: 2,
      repeatBuyers: 1,
      purchases: 3,
      pointsIssued: 6_345,
      pointsRedeemed: 160,
      repeatPurchaseRate: 0.5,
      purchaseFrequency: 1.5,
      redemptionRate: 0.0252, // 160 / 6,345 = 0.02522
    });

    // Liability at 100 cents per 100 points; exposure = floor(6,255 × 100 × 160 / (100 × 190)) = floor(5,267.37).
    const liability = (await admin().get('analytics/liability').expect(200)).body;
    const expiring = Array.from({ length: 12 }, (_, i) => {
      const month = monthKey(monthStart(asOf, i));
      const points = i === 1 ? 90 : i === 3 ? 150 : 0;
      return { month, points, valueCents: points };
    });
    expect(liability).toEqual({
      snapshotAt: dashboard.snapshotAt,
      asOf: asOf.toISOString(),
      period: period30,
      // Every entry is dated now, so the period's movements are the lifetime's: 6,345 − 160 − 30 = 6,155.
      periodPoints: {
        issued: 6_345,
        redeemed: 160,
        expired: 30,
        net: 6_155,
        issuedValueCents: 6_345,
        redeemedValueCents: 160,
        expiredValueCents: 30,
      },
      redemptionCentsPer100Points: 100,
      outstandingPoints: 6_255,
      outstandingValueCents: 6_255,
      pendingPoints: 0,
      pendingValueCents: 0,
      debtPoints: 100,
      expiring,
      expiringPoints: 240,
      expiringValueCents: 240,
      redeemedPoints: 160,
      expiredPoints: 30,
      historicalRedemptionRate: 0.8421, // 160 / 190
      exposureCents: 5_267,
      // No coupon in this population: the outstanding coupons, read live beside the snapshot's points, are none.
      coupons: { asOf: expect.any(String), count: 0, faceValueCents: 0, withoutFaceValue: 0, expiring: [] },
    });
    const csv = await admin().get('analytics/liability?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`points-liability-${period30.from}-${period30.to}.csv`);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('figure,month,points,value_cents');
    expect(lines).toEqual(
      expect.arrayContaining([
        `period_from,${period30.from},,`,
        `period_to,${period30.to},,`,
        'issued_in_period,,6345,6345',
        'expired_in_period,,30,30',
        'outstanding,,6255,6255',
        'pending,,0,0',
        'debt,,100,',
        `expiring,${expiring[1].month},90,90`,
        `expiring,${expiring[3].month},150,150`,
        'expiring_12_months,,240,240',
        'historical_redemption_rate,,0.8421,',
        'exposure,,,5267',
      ]),
    );
    await admin().get('analytics/liability?format=xml').expect(400);

    // Churn: idle 90+ are C (100 days, VIP), D (never bought, joined 400 days ago) and F (200 days); 180+: D, F; 365+: D.
    const grades = Object.fromEntries(
      (await t.db.query<Array<{ member_id: string; grade: string | null }>>('SELECT member_id, grade FROM member_values')).map((r) => [
        r.member_id,
        r.grade ?? 'none',
      ]),
    );
    const gradeCount = (names: string[]) => {
      const counts: Record<string, number> = {};
      for (const n of names) {
        const grade = grades[m[n].memberId] ?? 'none';
        counts[grade] = (counts[grade] ?? 0) + 1;
      }
      return Object.entries(counts)
        .map(([key, members]) => ({ key, members }))
        .sort((a, b) => a.key.localeCompare(b.key));
    };
    const all = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const population = Object.fromEntries(gradeCount(all).map((g) => [g.key, g.members]));
    const churn = (await admin().get('analytics/churn').expect(200)).body;
    expect(churn.period).toEqual(period30);
    const month100 = monthKey(new Date(T.getTime() - 100 * DAY_MS));
    const month200 = monthKey(new Date(T.getTime() - 200 * DAY_MS));
    expect(churn.population).toEqual({
      total: 7,
      byTier: [
        { key: 'STANDARD', members: 6 },
        { key: 'VIP', members: 1 },
      ],
      byGrade: gradeCount(all),
    });
    const window = (days: number) => churn.windows.find((w: { days: number }) => w.days === days);
    const withPopulation = (names: string[]) => gradeCount(names).map((g) => ({ ...g, population: population[g.key] }));
    const club = (members: number) => [{ clubId, code: 'K', name: '测试俱乐部', nameEn: 'Club K', members, population: 3 }];
    expect(window(90)).toEqual({
      days: 90,
      churned: 3,
      rate: 0.4286,
      lapsed: 1, // C reached 90 idle days 10 days ago; F (110 days ago) and D (310) before the period
      byTier: [
        { key: 'STANDARD', members: 2, population: 6 },
        { key: 'VIP', members: 1, population: 1 },
      ],
      byGrade: withPopulation(['C', 'D', 'F']),
      byMonth: [
        { key: month200, members: 1, population: null },
        { key: month100, members: 1, population: null },
        { key: 'never', members: 1, population: null },
      ].sort((a, b) => a.key.localeCompare(b.key)),
      byClub: club(2),
    });
    expect(window(180)).toEqual({
      days: 180,
      churned: 2,
      rate: 0.2857,
      lapsed: 1, // F reached 180 idle days 20 days ago; D 220 days ago
      byTier: [{ key: 'STANDARD', members: 2, population: 6 }],
      byGrade: withPopulation(['D', 'F']),
      byMonth: [
        { key: month200, members: 1, population: null },
        { key: 'never', members: 1, population: null },
      ],
      byClub: club(1),
    });
    expect(window(365)).toEqual({
      days: 365,
      churned: 1,
      rate: 0.1429,
      lapsed: 0, // D reached 365 idle days 35 days ago: before the 30-day period
      byTier: [{ key: 'STANDARD', members: 1, population: 6 }],
      byGrade: withPopulation(['D']),
      byMonth: [{ key: 'never', members: 1, population: null }],
      byClub: club(1),
    });

    // RFM: the heat map counts the value run's R and F scores of the seven members.
    const scores = await t.db.query<Array<{ r: number; f: number }>>(
      'SELECT r, f FROM member_values WHERE r IS NOT NULL AND f IS NOT NULL',
    );
    expect(scores).toHaveLength(7);
    const grid = [0, 0, 0, 0, 0].map(() => [0, 0, 0, 0, 0]);
    for (const s of scores) {
      grid[Number(s.r) - 1][Number(s.f) - 1] += 1;
    }
    const [valueRun] = await t.db.query('SELECT id, as_of FROM value_runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1');
    const rfm = (await admin().get('analytics/rfm').expect(200)).body;
    expect(rfm).toEqual({
      snapshotAt: dashboard.snapshotAt,
      asOf: asOf.toISOString(),
      period: period30,
      asOfGrid: true,
      valueRunId: valueRun.id,
      valueRunAsOf: new Date(valueRun.as_of).toISOString(),
      members: 7,
      grid,
    });

    // Tiers: 6 STANDARD, 1 VIP; this month 7 enrolments and C's move up by purchase.
    const tiers = (await admin().get('analytics/tier-movements').expect(200)).body;
    expect(tiers.distribution).toEqual([
      { tier: 'STANDARD', name: expect.any(String), members: 6 },
      { tier: 'VIP', name: expect.any(String), members: 1 },
      { tier: 'SVIP', name: expect.any(String), members: 0 },
    ]);
    expect(tiers.months).toHaveLength(12);
    expect(tiers.months[0].month).toBe(monthKey(monthStart(asOf, -11)));
    expect(tiers.months[11]).toEqual({
      month: monthKey(asOf),
      up: 1,
      down: 0,
      new: 7,
      same: 0,
      moves: [
        { direction: 'new', reason: 'enrolment', members: 7 },
        { direction: 'up', reason: 'purchase', members: 1 },
      ],
    });
    // In the period (today): the same 7 enrolments and one move up, every one on the snapshot's day.
    expect(tiers.period).toEqual(period30);
    expect(tiers.periodMoves).toEqual({
      up: 1,
      down: 0,
      new: 7,
      same: 0,
      moves: [
        { direction: 'new', reason: 'enrolment', members: 7 },
        { direction: 'up', reason: 'purchase', members: 1 },
      ],
    });
    expect(tiers.days).toHaveLength(30);
    expect(tiers.days[29]).toEqual({ day: today, up: 1, down: 0, new: 7, same: 0 });
    expect(tiers.days.slice(0, 29).every((x: { up: number; new: number }) => x.up + x.new === 0)).toBe(true);
    expect(tiers.months.slice(0, 11).every((x: { up: number; new: number; moves: unknown[] }) => x.moves.length === 0)).toBe(true);
  });

  it('club growth and campaign results read live', async () => {
    const growth = (await admin().get('analytics/club-growth?months=3').expect(200)).body;
    expect(growth.granularity).toBe('month');
    expect(growth.from).toBe(monthStart(new Date(), -2).toISOString());
    expect(growth.clubs).toEqual([
      expect.objectContaining({
        clubId,
        code: 'K',
        activeMembers: 3,
        joined: 3,
        left: 0,
        periods: [{ period: monthKey(new Date()), joined: 3, left: 0, net: 3 }],
      }),
    ]);
    await admin().get('analytics/club-growth?months=37').expect(400);
    // Without months: the period (30 business days to today), per business day.
    const today = businessDay(new Date());
    const daily = (await admin().get('analytics/club-growth').expect(200)).body;
    expect(daily.period).toEqual({ from: addDays(today, -29), to: today, days: 30, preset: 30, complete: true });
    expect(daily.granularity).toBe('day');
    expect(daily.clubs[0]).toMatchObject({ clubId, joined: 3, left: 0, periods: [{ period: today, joined: 3, left: 0, net: 3 }] });
    expect((await admin().get('analytics/club-growth?from=2026-01-02&to=2026-01-01').expect(400)).body.details[0]).toMatchObject({
      field: 'from',
      reason: 'PERIOD_REVERSED',
    });

    const campaigns = (await admin().get('analytics/campaigns?limit=10').expect(200)).body;
    expect(campaigns.nextCursor).toBeNull();
    expect(campaigns.items).toHaveLength(1);
    expect(campaigns.items[0]).toMatchObject({ name: 'Analytics grant', state: 'completed', audience: 3, delivered: 3, pointsGranted: 15 });
    await admin().get('analytics/campaigns?limit=0').expect(400);
  });

  it('a snapshot written twice (a re-delivered job) keeps its figures, not doubled; readers see the newest snapshot', async () => {
    const before = (await admin().get('analytics/dashboard').expect(200)).body;
    const [latest] = await t.db.query('SELECT id, as_of FROM analytics_snapshots ORDER BY finished_at DESC LIMIT 1');
    const figures = async () =>
      Number((await t.db.query('SELECT COUNT(*) AS n, SUM(value) AS v FROM analytics_figures WHERE snapshot_id = ?', [latest.id]))[0].v);
    const sum = await figures();
    await worker.get(RefreshSnapshotUseCase).refresh(latest.id as string, new Date(latest.as_of));
    expect(await figures()).toBe(sum);
    // Only what a report reads is written: the lifetime ledger totals, not the old 365-day loyalty and points windows.
    const kept = await t.db.query<Array<{ report: string; series: string }>>(
      "SELECT DISTINCT report, series FROM analytics_figures WHERE snapshot_id = ? AND report IN ('loyalty', 'points') ORDER BY report, series",
      [latest.id],
    );
    expect(kept.map((r) => `${r.report}.${r.series}`)).toEqual([
      'loyalty.period.30',
      'loyalty.period.7',
      'loyalty.period.90',
      'points.balances',
      'points.lifetime',
    ]);
    const after = (await admin().get('analytics/dashboard').expect(200)).body;
    expect({ ...after, snapshotAt: null }).toEqual({ ...before, snapshotAt: null });

    // A new purchase shows only after the next snapshot; with a return window its 10 points are pending.
    await t.http.patch('/api/v1/admin/program').set('Authorization', `Bearer ${token}`).send({ returnWindowDays: 14 }).expect(200);
    await buy(m.E, 1_000);
    expect((await admin().get('analytics/dashboard').expect(200)).body.activeMembers90d).toBe(3);
    await snapshot();
    const next = (await admin().get('analytics/dashboard').expect(200)).body;
    expect(next).toMatchObject({ activeMembers90d: 4, pointsIssued: 6_355, pointsOutstanding: 6_265 });
    expect(next.snapshotAt > before.snapshotAt).toBe(true);
    const liability = (await admin().get('analytics/liability').expect(200)).body;
    expect(liability).toMatchObject({ outstandingPoints: 6_265, pendingPoints: 10, pendingValueCents: 10, debtPoints: 100 });
  });
});
