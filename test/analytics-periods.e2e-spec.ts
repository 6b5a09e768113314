import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { addDays, businessDay, businessDayStart } from '../src/modules/analytics/rules/figures';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, finishedJob, loginAdmin, pos, purchaseBody, TestMember, TestStore } from './support/factories';
import { momentOf } from './support/business-days';
import { ownDatabase } from './support/own-database';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Every analytics report answers for a period (?days=7|30|90 or ?from=&to=), over rows dated inside and outside it.
 * Own database: the population is the whole program. D0 = the snapshot's business day (Asia/Shanghai); rows moved into
 * the past sit at noon of their day.
 *
 *   P  joined D−200; buys ¥100 on D−5 and ¥100 on D−40; moved up STANDARD → VIP (manual) on D−2; joins club K on D−2
 *   Q  joined D−300; buys ¥100 on D−100 (so reached 90 idle days on D−10); moved down (review) on D−50;
 *      joined K on D−100, left it on D−45
 *   R  joined D−200; never buys (reached 180 idle days on D−20)
 *   S  joined D−3; buys ¥100 twice on D0
 *   expiries: 7 points on D−3, 11 points on D−60
 */
describe('analytics report periods (own database, rows inside and outside the period)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let store: TestStore;
  const m: Record<string, TestMember> = {};
  let today: string;
  let clubId: string;

  const own = ownDatabase('per');

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
  const D = (offset: number) => addDays(today, offset);

  async function snapshot(): Promise<void> {
    await finishedJob(t, token, (await post('analytics/snapshots').expect(202)).body.jobId as string);
  }

  /** A ¥100 purchase at the till, then moved (receipt and its ledger entries) to noon of `day`. */
  async function buyOn(member: TestMember, day: string): Promise<void> {
    const res = await pos(t, store)
      .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 10_000 }]))
      .expect(201);
    const [row] = await t.db.query<Array<{ id: string }>>('SELECT id FROM purchases WHERE receipt_no = ?', [res.body.receiptNo]);
    await t.db.query('UPDATE purchases SET occurred_at = ? WHERE id = ?', [momentOf(day), row.id]);
    await t.db.query('UPDATE point_entries SET created_at = ? WHERE member_id = ? AND ref_id IN (?, ?, ?)', [
      momentOf(day),
      member.memberId,
      row.id,
      res.body.receiptNo,
      res.body.transactionId ?? row.id,
    ]);
  }

  /** What the ledger says was issued from..to (business days), by the report's definition. */
  async function issuedInDb(from: string, to: string): Promise<number> {
    const [row] = await t.db.query<Array<{ n: string | null }>>(
      `SELECT SUM(points) AS n FROM point_entries
        WHERE type IN ('accrual', 'bonus', 'adjustment', 'goodwill', 'refund_clawback') AND created_at >= ? AND created_at < ?`,
      [businessDayStart(from), businessDayStart(addDays(to, 1))],
    );
    return Number(row.n ?? 0);
  }

  it('a bad period is 400 VALIDATION_FAILED on every report, with a stable reason', async () => {
    for (const report of ['churn', 'loyalty', 'liability', 'tier-movements', 'rfm', 'club-growth', 'overview']) {
      const both = (await get(`analytics/${report}?from=2026-01-01`).expect(400)).body;
      expect(both).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'to', reason: 'PERIOD_NEEDS_BOTH' }] });
      const long = (await get(`analytics/${report}?from=2026-01-01&to=2026-07-31`).expect(400)).body;
      expect(long.details[0]).toMatchObject({ field: 'to', reason: 'PERIOD_TOO_LONG', message: 'A period is at most 183 days.' });
      const reversed = (await get(`analytics/${report}?from=2026-03-10&to=2026-03-01`).expect(400)).body;
      expect(reversed.details[0]).toMatchObject({ field: 'from', reason: 'PERIOD_REVERSED' });
      expect((await get(`analytics/${report}?days=8`).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('builds the population', async () => {
    today = businessDay(new Date());
    for (const name of ['P', 'Q', 'R', 'S']) {
      m[name] = await createMember(t);
    }
    const joined = { P: -200, Q: -300, R: -200, S: -3 } as const;
    for (const [name, offset] of Object.entries(joined)) {
      await t.db.query('UPDATE members SET created_at = ? WHERE id = ?', [momentOf(D(offset)), m[name].memberId]);
      await t.db.query("UPDATE tier_history SET created_at = ? WHERE member_id = ? AND reason = 'enrolment'", [
        momentOf(D(offset)),
        m[name].memberId,
      ]);
    }
    await buyOn(m.P, D(-5));
    await buyOn(m.P, D(-40));
    await buyOn(m.Q, D(-100));
    await buyOn(m.S, D(0));
    await buyOn(m.S, D(0));

    const entry = (member: TestMember, points: number, day: string, ref: string) =>
      t.db.query(
        `INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, note, created_at)
         VALUES (?, 'expiry', ?, 0, NULL, 'lot', ?, NULL, ?)`,
        [member.memberId, points, ref, momentOf(day)],
      );
    await entry(m.P, -7, D(-3), 'x1');
    await entry(m.Q, -11, D(-60), 'x2');

    const move = (member: TestMember, from: string, to: string, reason: string, day: string) =>
      t.db.query('INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)', [
        member.memberId,
        from,
        to,
        reason,
        momentOf(day),
      ]);
    await move(m.P, 'STANDARD', 'VIP', 'manual', D(-2));
    await move(m.Q, 'VIP', 'STANDARD', 'review', D(-50));

    clubId = (await post('clubs', { code: 'K', nameZh: '俱乐部K', nameEn: 'Club K', joinPolicy: 'open' }).expect(201)).body
      .clubId as string;
    const history = (member: TestMember, event: string, day: string) =>
      t.db.query("INSERT INTO club_member_history (club_id, member_id, event, reason, actor_id, at) VALUES (?, ?, ?, 'admin', NULL, ?)", [
        clubId,
        member.memberId,
        event,
        momentOf(day),
      ]);
    await history(m.P, 'joined', D(-2));
    await history(m.Q, 'joined', D(-100));
    await history(m.Q, 'left', D(-45));

    await snapshot();
  });

  it('churn: members who lapsed in the period, beside the standing at the snapshot', async () => {
    const lapsed = async (query: string) => {
      const body = (await get(`analytics/churn?${query}`).expect(200)).body;
      return { period: body.period, lapsed: body.windows.map((w: { lapsed: number }) => w.lapsed), churned: body.windows[0].churned };
    };
    // 7 days: Q lapsed (90) on D−10 and R (180) on D−20, both before.
    expect(await lapsed('days=7')).toEqual({
      period: { from: D(-6), to: D(0), days: 7, preset: 7, complete: true },
      lapsed: [0, 0, 0],
      churned: 2,
    });
    // 30 days (the default too): Q at 90, R at 180.
    expect(await lapsed('days=30')).toMatchObject({ lapsed: [1, 1, 0], churned: 2 });
    expect((await lapsed('')).lapsed).toEqual([1, 1, 0]);
    // A custom range, exact: D−15 .. D−11 holds neither lapse; D−20 .. D−10 both.
    expect(await lapsed(`from=${D(-15)}&to=${D(-11)}`)).toMatchObject({
      period: { from: D(-15), to: D(-11), days: 5, preset: null, complete: true },
      lapsed: [0, 0, 0],
    });
    expect((await lapsed(`from=${D(-20)}&to=${D(-10)}`)).lapsed).toEqual([1, 1, 0]);
    // 90 days: R also reached 90 idle days on D−110, before the period.
    expect((await lapsed('days=90')).lapsed).toEqual([1, 1, 0]);
  });

  it('loyalty: buyers and purchases of the period; a purchase outside it does not count', async () => {
    const seven = (await get('analytics/loyalty?days=7').expect(200)).body;
    // P (D−5) and S (twice today); P's D−40 and Q's D−100 are outside.
    expect(seven).toMatchObject({ buyers: 2, repeatBuyers: 1, purchases: 3, repeatPurchaseRate: 0.5, purchaseFrequency: 1.5 });
    expect(seven.pointsIssued).toBe(await issuedInDb(D(-6), D(0)));
    expect(seven.pointsIssued).toBe(300);
    const ninety = (await get('analytics/loyalty?days=90').expect(200)).body;
    // P's D−40 comes in: P and S both bought twice.
    expect(ninety).toMatchObject({ buyers: 2, repeatBuyers: 2, purchases: 4, repeatPurchaseRate: 1, purchaseFrequency: 2 });
    expect(ninety.pointsIssued).toBe(await issuedInDb(D(-89), D(0)));
    // A custom range: purchases and points add up from days, exactly; buyers are a distinct count, not told.
    const custom = (await get(`analytics/loyalty?from=${D(-45)}&to=${D(-1)}`).expect(200)).body;
    expect(custom).toMatchObject({
      period: { from: D(-45), to: D(-1), days: 45, preset: null, complete: true },
      buyers: null,
      repeatBuyers: null,
      repeatPurchaseRate: null,
      purchaseFrequency: null,
      purchases: 2,
      pointsIssued: 200,
      windowDays: 45,
      windowFrom: businessDayStart(D(-45)).toISOString(),
    });
  });

  it('liability: the balances at the snapshot, and points issued, redeemed and expired in the period', async () => {
    const points = async (query: string) => (await get(`analytics/liability?${query}`).expect(200)).body.periodPoints;
    expect(await points('days=7')).toMatchObject({ issued: await issuedInDb(D(-6), D(0)), redeemed: 0, expired: 7 });
    expect(await points('days=30')).toMatchObject({ issued: 300, expired: 7, net: 293 });
    // The D−60 expiry is inside 90 days only.
    expect(await points('days=90')).toMatchObject({ issued: 400, expired: 18, net: 382 });
    expect(await points(`from=${D(-70)}&to=${D(-40)}`)).toMatchObject({ issued: 100, expired: 11, net: 89 });
    const csv = await get(`analytics/liability?format=csv&from=${D(-70)}&to=${D(-40)}`).expect(200);
    expect(csv.headers['content-disposition']).toContain(`points-liability-${D(-70)}-${D(-40)}.csv`);
    expect(csv.text.split('\r\n')).toEqual(
      expect.arrayContaining([`period_from,${D(-70)},,`, `period_to,${D(-40)},,`, 'issued_in_period,,100,100', 'expired_in_period,,11,11']),
    );
  });

  it('tier movements: moves dated in the period only', async () => {
    const moves = async (query: string) => (await get(`analytics/tier-movements?${query}`).expect(200)).body;
    const seven = await moves('days=7');
    // S's enrolment on D−3 and P's move up on D−2; Q's move down (D−50) and the old enrolments are outside.
    expect(seven.periodMoves).toEqual({
      up: 1,
      down: 0,
      new: 1,
      same: 0,
      moves: [
        { direction: 'new', reason: 'enrolment', members: 1 },
        { direction: 'up', reason: 'manual', members: 1 },
      ],
    });
    expect(seven.days.map((d: { day: string }) => d.day)).toEqual([-6, -5, -4, -3, -2, -1, 0].map(D));
    expect(seven.days[3]).toEqual({ day: D(-3), up: 0, down: 0, new: 1, same: 0 });
    expect(seven.days[4]).toEqual({ day: D(-2), up: 1, down: 0, new: 0, same: 0 });
    expect((await moves('days=90')).periodMoves).toMatchObject({ up: 1, down: 1, new: 1 });
    expect((await moves(`from=${D(-60)}&to=${D(-40)}`)).periodMoves).toMatchObject({ up: 0, down: 1, new: 0 });
    // Against the table itself: every tier_history row dated in the 90 days.
    const [row] = await t.db.query<Array<{ n: string }>>(
      'SELECT COUNT(*) AS n FROM tier_history WHERE created_at >= ? AND created_at < ?',
      [businessDayStart(D(-89)), businessDayStart(D(1))],
    );
    const ninety = (await moves('days=90')).periodMoves;
    expect(ninety.up + ninety.down + ninety.new + ninety.same).toBe(Number(row.n));
  });

  it('club growth: joins and leaves within the period, per business day (read live)', async () => {
    const club = async (query: string) => {
      const body = (await get(`analytics/club-growth?${query}`).expect(200)).body;
      return { period: body.period, ...body.clubs.find((c: { clubId: string }) => c.clubId === clubId) };
    };
    expect(await club('days=7')).toMatchObject({ joined: 1, left: 0, periods: [{ period: D(-2), joined: 1, left: 0, net: 1 }] });
    expect(await club('days=90')).toMatchObject({ joined: 1, left: 1 });
    expect(await club(`from=${D(-45)}&to=${D(-45)}`)).toMatchObject({
      period: { from: D(-45), to: D(-45), days: 1, preset: null, complete: true },
      joined: 0,
      left: 1,
    });
    expect(await club(`from=${D(-44)}&to=${D(-3)}`)).toMatchObject({ joined: 0, left: 0 });
  });

  it('RFM: the grid is as of the last value run, whatever the period, which is echoed', async () => {
    const rfm = (await get(`analytics/rfm?from=${D(-10)}&to=${D(-1)}`).expect(200)).body;
    expect(rfm).toMatchObject({ period: { from: D(-10), to: D(-1), days: 10, preset: null, complete: true }, asOfGrid: true });
    expect((await get('analytics/rfm').expect(200)).body.period).toEqual({ from: D(-29), to: D(0), days: 30, preset: 30, complete: true });
  });
});
