import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import { coreImports } from '../../src/core.module';
import { AnalyticsRepository, SNAPSHOTS_KEPT } from '../../src/modules/analytics/analytics.repository';
import { Figure } from '../../src/modules/analytics/rules/figures';

/** The snapshot SQL of the analytics repository on the real database. */
describe('analytics snapshots on the real database', () => {
  let ctx: INestApplicationContext;
  let repo: AnalyticsRepository;
  let db: DataSource;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [...coreImports('worker')], providers: [AnalyticsRepository] }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    repo = ctx.get(AnalyticsRepository);
    db = ctx.get(DataSource);
  });

  afterAll(async () => {
    // The run's database is shared with other suites: leave no stray members behind.
    if (inserted.length > 0) {
      await db.query(`DELETE FROM members WHERE id IN (${inserted.map(() => '?').join(', ')})`, inserted);
    }
    await ctx.close();
  });

  const inserted: string[] = [];
  const insertMember = async (tier: string) => {
    const now = new Date();
    const id = newId();
    inserted.push(id);
    await db.query("INSERT INTO members (id, status, tier_code, tier_since, created_at, updated_at) VALUES (?, 'active', ?, ?, ?, ?)", [
      id,
      tier,
      now,
      now,
      now,
    ]);
    return id;
  };
  const countOf = (rows: Array<{ tier: string; members: number }>, tier: string) => rows.find((r) => r.tier === tier)?.members ?? 0;

  it('every aggregate of one snapshot reads the same committed state, whatever commits meanwhile', async () => {
    const outside = await repo.tierDistribution(db.manager);
    const inside = await repo.readConsistently(async (m) => {
      const first = await repo.tierDistribution(m);
      // Committed by another connection between two statements of the snapshot.
      await insertMember('VIP');
      const second = await repo.tierDistribution(m);
      return { first, second };
    });
    expect(countOf(inside.second, 'VIP')).toBe(countOf(inside.first, 'VIP'));
    expect(countOf(inside.first, 'VIP')).toBe(countOf(outside, 'VIP'));
    expect(countOf(await repo.tierDistribution(db.manager), 'VIP')).toBe(countOf(outside, 'VIP') + 1);
  });

  it('saving a snapshot again replaces its figures; only the newest snapshots are kept, with their figures', async () => {
    const figures: Figure[] = [
      { report: 'points', series: 'balances', label: 'outstanding', value: 100 },
      { report: 'churn', series: 'churned.90', label: 'tier:VIP', value: 7 },
    ];
    const base = Date.now() + 3_600_000; // newer than any snapshot already there
    const ids: string[] = [];
    for (let i = 0; i < SNAPSHOTS_KEPT + 2; i++) {
      const id = newId();
      ids.push(id);
      const at = new Date(base + i * 1000);
      const row = { id, asOf: at, startedAt: at, finishedAt: at, valueRunId: null, valueRunAsOf: null, redemptionCentsPer100Points: 100 };
      await repo.saveSnapshot(row, figures);
      if (i === SNAPSHOTS_KEPT + 1) {
        // The same snapshot written again (a re-delivered job), with a changed figure: replaced, not added.
        await repo.saveSnapshot(row, [{ ...figures[0], value: 101 }]);
      }
    }
    const newest = ids[ids.length - 1];
    expect((await repo.latestSnapshot())?.id).toBe(newest);
    expect(await repo.figures(newest, ['points', 'churn'])).toEqual([
      { report: 'points', series: 'balances', label: 'outstanding', value: 101 },
    ]);
    expect(await repo.figures(ids[2], ['churn'])).toEqual([figures[1]]);
    const [kept] = await db.query(`SELECT COUNT(*) AS n FROM analytics_snapshots WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    expect(Number(kept.n)).toBe(SNAPSHOTS_KEPT);
    for (const dropped of ids.slice(0, 2)) {
      const [left] = await db.query(
        'SELECT (SELECT COUNT(*) FROM analytics_snapshots WHERE id = ?) + (SELECT COUNT(*) FROM analytics_figures WHERE snapshot_id = ?) AS n',
        [dropped, dropped],
      );
      expect(Number(left.n)).toBe(0);
    }
    await db.query(`DELETE FROM analytics_figures WHERE snapshot_id IN (${ids.map(() => '?').join(', ')})`, ids);
    await db.query(`DELETE FROM analytics_snapshots WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
  });

  it('expiring points group by the calendar month of the lot, only lots with points left and inside the months asked', async () => {
    const memberId = newId();
    const now = new Date();
    await db.query(
      "INSERT INTO members (id, status, tier_code, tier_since, created_at, updated_at) VALUES (?, 'active', 'STANDARD', ?, ?, ?)",
      [memberId, now, now, now],
    );
    const lot = (remaining: number, expiresAt: string) =>
      db.query(
        'INSERT INTO point_lots (member_id, entry_id, points, remaining, earned_at, expires_at, pending, available_at) VALUES (?, 0, 500, ?, ?, ?, 0, NULL)',
        [memberId, remaining, now, new Date(expiresAt)],
      );
    // Far in the future, so no other lot of the run's database is in these months.
    await lot(40, '2090-01-01T00:00:00.000Z');
    await lot(60, '2090-01-31T23:59:59.999Z');
    await lot(0, '2090-01-15T00:00:00.000Z');
    await lot(7, '2090-03-10T00:00:00.000Z');
    await lot(9, '2090-04-01T00:00:00.000Z');
    const rows = await repo.expiringByMonth(db.manager, new Date('2090-01-01T00:00:00.000Z'), new Date('2090-04-01T00:00:00.000Z'));
    expect(rows.sort((a, b) => a.month.localeCompare(b.month))).toEqual([
      { month: '2090-01', points: 100 },
      { month: '2090-03', points: 7 },
    ]);
    await db.query('DELETE FROM point_lots WHERE member_id = ?', [memberId]);
  });

  it('daily figures fall on business days of Asia/Shanghai (16:00 UTC starts the next day), and active members count each buyer once per window', async () => {
    const ids = [newId(), newId()];
    const lastInstantOfJan1 = new Date('2090-01-01T15:59:59.999Z'); // 23:59:59.999 in Shanghai
    const firstInstantOfJan2 = new Date('2090-01-01T16:00:00.000Z'); // 00:00 on 2 January in Shanghai
    for (const [i, id] of ids.entries()) {
      inserted.push(id);
      const at = i === 0 ? lastInstantOfJan1 : firstInstantOfJan2;
      await db.query(
        "INSERT INTO members (id, status, tier_code, tier_since, created_at, updated_at) VALUES (?, 'active', 'STANDARD', ?, ?, ?)",
        [id, at, at, at],
      );
    }
    const purchase = (memberId: string, at: Date, total: number, refunded: number) =>
      db.query(
        `INSERT INTO purchases (id, store_id, receipt_no, member_id, occurred_at, total_cents, eligible_cents, points_earned, refunded_cents,
                                request_hash, response, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, '{}', ?)`,
        [newId(), newId(), newId().slice(0, 20), memberId, at, total, total, refunded, 'x'.repeat(64), at],
      );
    // Member 0 buys twice on 1 January (one receipt refunded in full), member 1 once on 2 January.
    await purchase(ids[0], lastInstantOfJan1, 10_000, 0);
    await purchase(ids[0], new Date('2089-12-31T16:00:00.000Z'), 5_000, 5_000);
    await purchase(ids[1], firstInstantOfJan2, 2_500, 500);
    const from = new Date('2089-12-31T16:00:00.000Z');
    const asOf = new Date('2090-01-02T15:59:59.999Z');
    const rows = await repo.dailyActivity(db.manager, from, asOf);
    const of = (day: string) => Object.fromEntries(rows.filter((r) => r.day === day).map((r) => [r.label, r.value]));
    expect(of('2090-01-01')).toEqual({ joined: 1, receipts: 1, sales: 10_000 });
    expect(of('2090-01-02')).toEqual({ joined: 1, receipts: 1, sales: 2_000 });
    // Windows: the two days (both buyers, member 0 once though twice), and the day before with nobody.
    const active = await repo.activeMembers(db.manager, [{ days: 2, from, previousFrom: new Date('2089-12-30T16:00:00.000Z') }], asOf);
    expect(active).toEqual([{ days: 2, current: 2, previous: 0 }]);
    await db.query(`DELETE FROM purchases WHERE member_id IN (?, ?)`, ids);
  });
});
