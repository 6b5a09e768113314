import { performance } from 'node:perf_hooks';
import { INestApplicationContext } from '@nestjs/common';
import { Pool, RowDataPacket } from 'mysql2/promise';
import { newId } from '../../src/common/ids';
import { AnalyticsRepository } from '../../src/modules/analytics/analytics.repository';
import { GetChurnUseCase } from '../../src/modules/analytics/use-cases/get-churn.use-case';
import { GetClubGrowthUseCase } from '../../src/modules/analytics/use-cases/get-club-growth.use-case';
import { GetDashboardUseCase } from '../../src/modules/analytics/use-cases/get-dashboard.use-case';
import { GetLiabilityUseCase } from '../../src/modules/analytics/use-cases/get-liability.use-case';
import { GetLoyaltyUseCase } from '../../src/modules/analytics/use-cases/get-loyalty.use-case';
import { GetOverviewUseCase } from '../../src/modules/analytics/use-cases/get-overview.use-case';
import { GetRfmUseCase } from '../../src/modules/analytics/use-cases/get-rfm.use-case';
import { GetTierMovementsUseCase } from '../../src/modules/analytics/use-cases/get-tier-movements.use-case';
import { RefreshSnapshotUseCase } from '../../src/modules/analytics/use-cases/refresh-snapshot.use-case';
import { fmt, percentile } from '../lib';
import { Phase } from './phase';

const DAY_MS = 86_400_000;
/** One instant for both sides, so that their figures can be compared. */
const AS_OF = new Date();
const READS = 200;

/**
 * The seeded population has members, accounts and purchases only. Once per
 * database (not timed) this adds what the analytics read: a ledger (an accrual
 * per purchase, a redemption for a quarter of them, an expiry for a tenth),
 * lots expiring over the next 24 months, balances from the ledger, an
 * enrolment per member in the tier history plus the moves up of VIP/SVIP
 * members, value grades and R/F scores, and one club of a tenth of the members.
 */
async function prepareLedger(pool: Pool): Promise<void> {
  const [[done]] = await pool.query<RowDataPacket[]>('SELECT EXISTS (SELECT 1 FROM point_entries) AS n');
  if (Number(done.n) === 1) {
    return;
  }
  const t = performance.now();
  await pool.query(
    `INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, created_at)
     SELECT member_id, 'accrual', points_earned, 0, store_id, 'purchase', id, occurred_at FROM purchases`,
  );
  await pool.query(
    `INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, created_at)
     SELECT member_id, 'redemption', -FLOOR(points_earned / 2), 0, store_id, 'redemption', id, occurred_at + INTERVAL 1 DAY
       FROM purchases WHERE CRC32(id) % 4 = 0`,
  );
  await pool.query(
    `INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, created_at)
     SELECT member_id, 'expiry', -FLOOR(points_earned / 4), 0, NULL, 'lot', id, occurred_at + INTERVAL 2 DAY
       FROM purchases WHERE CRC32(id) % 10 = 1`,
  );
  await pool.query(
    `INSERT INTO point_lots (member_id, entry_id, points, remaining, earned_at, expires_at, pending, available_at)
     SELECT member_id, id, points, points, created_at, UTC_TIMESTAMP(3) + INTERVAL (CRC32(ref_id) % 720) DAY, 0, NULL
       FROM point_entries WHERE type = 'accrual'`,
  );
  await pool.query(
    `UPDATE point_accounts a JOIN (SELECT member_id, SUM(points) AS s, SUM(GREATEST(points, 0)) AS earned FROM point_entries GROUP BY member_id) e
        ON e.member_id = a.member_id
        SET a.balance = e.s, a.lifetime_earned = e.earned`,
  );
  await pool.query(
    `INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at)
     SELECT id, NULL, 'STANDARD', 'enrolment', NULL, created_at FROM members`,
  );
  await pool.query(
    `INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at)
     SELECT id, 'STANDARD', tier_code, 'purchase', NULL, UTC_TIMESTAMP(3) - INTERVAL (CRC32(id) % 330) DAY FROM members WHERE tier_code <> 'STANDARD'`,
  );
  const runId = newId();
  await pool.query(
    `INSERT INTO value_runs (id, as_of, started_at, finished_at, weight_spend_permille, weight_points_permille, weight_purchases_permille)
     VALUES (?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 600, 200, 200)`,
    [runId],
  );
  // IGNORE: in a whole bench run the value phase has already graded every member (those grades stay).
  await pool.query(
    `INSERT IGNORE INTO member_values (member_id, score, grade, r, f, m, value_rank, spend_12m, points_12m, purchases_12m, last_purchase_at, run_id, graded_run_id, computed_at)
     SELECT id, 0, ELT(1 + CRC32(id) % 10 DIV 4, 'A', 'B', 'C'), 1 + CRC32(id) % 5, 1 + CRC32(CONCAT(id, 'f')) % 5, 1, NULL, 0, 0, 0, NULL, ?, ?, UTC_TIMESTAMP(3)
       FROM members`,
    [runId, runId],
  );
  const clubId = newId();
  await pool.query(
    "INSERT INTO clubs (id, code, name, description, join_policy, status, created_at) VALUES (?, 'BENCH', 'Bench club', NULL, 'open', 'active', UTC_TIMESTAMP(3))",
    [clubId],
  );
  await pool.query(
    `INSERT INTO club_members (member_id, club_id, status, joined_via, joined_at, left_at)
     SELECT id, ?, 'active', 'admin', UTC_TIMESTAMP(3) - INTERVAL (CRC32(id) % 300) DAY, NULL FROM members WHERE CRC32(id) % 10 = 3`,
    [clubId],
  );
  await pool.query(
    `INSERT INTO club_member_history (club_id, member_id, event, reason, actor_id, at)
     SELECT club_id, member_id, 'joined', 'admin', NULL, joined_at FROM club_members WHERE club_id = ?`,
    [clubId],
  );
  process.stdout.write(
    `analytics prepare: ledger, lots, tier history, values and a club added in ${fmt((performance.now() - t) / 1000, 1)} s\n`,
  );
}

const bound = (days: number) => new Date(AS_OF.getTime() - days * DAY_MS);
const LAST = 'SELECT member_id, MAX(occurred_at) AS last_at FROM purchases WHERE occurred_at <= ? GROUP BY member_id';
const IDLE = `CASE WHEN COALESCE(lp.last_at, m.created_at) <= ? THEN 365 WHEN COALESCE(lp.last_at, m.created_at) <= ? THEN 180
                   WHEN COALESCE(lp.last_at, m.created_at) <= ? THEN 90 ELSE 0 END`;

/** The same aggregates as the snapshot job, as bare statements on the pool; answers members idle 90 days or more. */
async function rawSnapshot(pool: Pool): Promise<number> {
  const seconds: string[] = [];
  const q = async (label: string, sql: string, params: unknown[] = []): Promise<RowDataPacket[]> => {
    const t = performance.now();
    const [rows] = await pool.query<RowDataPacket[]>(sql, params);
    seconds.push(`${label} ${fmt((performance.now() - t) / 1000, 2)}`);
    return rows;
  };
  const idle = [bound(365), bound(180), bound(90)];
  const monthStart = new Date(Date.UTC(AS_OF.getUTCFullYear(), AS_OF.getUTCMonth(), 1));
  const cube = await q(
    'churn cube',
    `SELECT m.tier_code, COALESCE(v.grade, '') AS grade, COALESCE(DATE_FORMAT(lp.last_at, '%Y-%m'), '') AS month, ${IDLE} AS idle, COUNT(*) AS n
       FROM members m LEFT JOIN (${LAST}) lp ON lp.member_id = m.id LEFT JOIN member_values v ON v.member_id = m.id
      WHERE m.status <> 'merged' AND m.created_at <= ? GROUP BY 1, 2, 3, 4`,
    [...idle, AS_OF, AS_OF],
  );
  await q(
    'club churn',
    `SELECT cm.club_id, ${IDLE} AS idle, COUNT(*) FROM club_members cm JOIN members m ON m.id = cm.member_id LEFT JOIN (${LAST}) lp ON lp.member_id = m.id
      WHERE cm.status = 'active' AND m.status <> 'merged' AND m.created_at <= ? GROUP BY 1, 2`,
    [...idle, AS_OF, AS_OF],
  );
  // Lifetime ledger totals only: a period's points and loyalty counts come from the daily and per-preset statements below.
  await q(
    'ledger totals',
    `SELECT SUM(CASE WHEN type IN ('accrual','bonus','adjustment','goodwill','refund_clawback') THEN points END),
            SUM(CASE WHEN type IN ('redemption','redemption_cancel') THEN points END), SUM(CASE WHEN type = 'expiry' THEN points END)
       FROM point_entries WHERE created_at <= ?`,
    [AS_OF],
  );
  await q('balances', 'SELECT SUM(GREATEST(balance, 0)), SUM(LEAST(balance, 0)), SUM(pending) FROM point_accounts');
  await q(
    'expiring',
    "SELECT DATE_FORMAT(expires_at, '%Y-%m'), SUM(remaining) FROM point_lots WHERE expires_at >= ? AND expires_at < ? AND remaining > 0 GROUP BY 1",
    [monthStart, new Date(Date.UTC(AS_OF.getUTCFullYear(), AS_OF.getUTCMonth() + 12, 1))],
  );
  await q('rfm', 'SELECT r, f, COUNT(*) FROM member_values WHERE r IS NOT NULL AND f IS NOT NULL GROUP BY r, f');
  await q('tiers', "SELECT tier_code, COUNT(*) FROM members WHERE status <> 'merged' GROUP BY tier_code");
  await q(
    'tier moves',
    "SELECT DATE_FORMAT(created_at, '%Y-%m'), from_tier, to_tier, reason, COUNT(*) FROM tier_history WHERE created_at >= ? AND created_at <= ? GROUP BY 1, 2, 3, 4",
    [new Date(Date.UTC(AS_OF.getUTCFullYear(), AS_OF.getUTCMonth() - 11, 1)), AS_OF],
  );
  // The dashboard's daily figures over 366 business days (Asia/Shanghai) and the presets' active members.
  const dailyFrom = bound(366);
  const day = (column: string) => `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`;
  await q(
    'daily joined',
    `SELECT ${day('created_at')}, COUNT(*) FROM members WHERE status <> 'merged' AND created_at >= ? AND created_at <= ? GROUP BY 1`,
    [dailyFrom, AS_OF],
  );
  await q(
    'daily sales',
    `SELECT ${day('occurred_at')}, SUM(refunded_cents < total_cents), SUM(total_cents - refunded_cents) FROM purchases
      WHERE occurred_at >= ? AND occurred_at <= ? GROUP BY 1`,
    [dailyFrom, AS_OF],
  );
  await q(
    'daily points',
    `SELECT ${day('created_at')}, SUM(CASE WHEN type IN ('accrual','bonus','adjustment','goodwill','refund_clawback') THEN points END),
            SUM(CASE WHEN type IN ('redemption','redemption_cancel') THEN points END), SUM(CASE WHEN type = 'expiry' THEN points END)
       FROM point_entries WHERE created_at >= ? AND created_at <= ? GROUP BY 1`,
    [dailyFrom, AS_OF],
  );
  await q(
    'daily coupons',
    `SELECT ${day('occurred_at')}, COUNT(*) FROM coupon_uses WHERE status = 'redeemed' AND occurred_at >= ? AND occurred_at <= ? GROUP BY 1`,
    [dailyFrom, AS_OF],
  );
  await q(
    'active windows',
    `SELECT SUM(c7), SUM(p7), SUM(c30), SUM(p30), SUM(c90), SUM(p90) FROM (
       SELECT member_id, MAX(occurred_at >= ?) AS c7, MAX(occurred_at >= ? AND occurred_at < ?) AS p7,
              MAX(occurred_at >= ?) AS c30, MAX(occurred_at >= ? AND occurred_at < ?) AS p30,
              MAX(occurred_at >= ?) AS c90, MAX(occurred_at >= ? AND occurred_at < ?) AS p90
         FROM purchases WHERE occurred_at >= ? AND occurred_at <= ? GROUP BY member_id) b`,
    [bound(7), bound(14), bound(7), bound(30), bound(60), bound(30), bound(90), bound(180), bound(90), bound(180), AS_OF],
  );
  // Every report's period: the presets' loyalty counts, lapses per day and window, tier moves per day.
  await q(
    'loyalty windows',
    `SELECT SUM(n7 > 0), SUM(n7 >= 2), SUM(n7), SUM(n30 > 0), SUM(n30 >= 2), SUM(n30), SUM(n90 > 0), SUM(n90 >= 2), SUM(n90) FROM (
       SELECT member_id, SUM(occurred_at >= ?) AS n7, SUM(occurred_at >= ?) AS n30, SUM(occurred_at >= ?) AS n90
         FROM purchases WHERE occurred_at >= ? AND occurred_at <= ? AND refunded_cents < total_cents GROUP BY member_id) b`,
    [bound(7), bound(30), bound(90), bound(90), AS_OF],
  );
  const since = 'COALESCE(lp.last_at, m.created_at)';
  await q(
    'lapses',
    `SELECT w.days, ${day(`DATE_ADD(${since}, INTERVAL w.days DAY)`)}, COUNT(*) FROM members m LEFT JOIN (${LAST}) lp ON lp.member_id = m.id
       JOIN (SELECT 90 AS days UNION ALL SELECT 180 UNION ALL SELECT 365) w
      WHERE m.status <> 'merged' AND m.created_at <= ?
        AND DATE_ADD(${since}, INTERVAL w.days DAY) >= ? AND DATE_ADD(${since}, INTERVAL w.days DAY) <= ? GROUP BY 1, 2`,
    [AS_OF, AS_OF, dailyFrom, AS_OF],
  );
  await q(
    'tier moves by day',
    `SELECT ${day('created_at')}, from_tier, to_tier, reason, COUNT(*) FROM tier_history WHERE created_at >= ? AND created_at <= ? GROUP BY 1, 2, 3, 4`,
    [dailyFrom, AS_OF],
  );
  process.stdout.write(`  raw statements (s): ${seconds.join(', ')}\n`);
  return cube.filter((c) => Number(c.idle) >= 90).reduce((sum, c) => sum + Number(c.n), 0);
}

/** Reads one route's answer READS times; prints the median and p99; answers READS. */
async function latency(name: string, read: () => Promise<unknown>): Promise<number> {
  const times = new Float64Array(READS);
  for (let i = 0; i < READS; i++) {
    const t = performance.now();
    await read();
    times[i] = performance.now() - t;
  }
  times.sort();
  process.stdout.write(`  ${name.padEnd(50)} median ${fmt(percentile(times, 50), 2)} ms  p99 ${fmt(percentile(times, 99), 2)} ms\n`);
  return READS;
}

const ROUTES: Array<{ route: string; read: (app: INestApplicationContext) => Promise<unknown> }> = [
  { route: 'dashboard', read: (app) => app.get(GetDashboardUseCase).get() },
  { route: 'overview?days=30', read: (app) => app.get(GetOverviewUseCase).get({ days: 30 }) },
  { route: 'churn', read: (app) => app.get(GetChurnUseCase).get() },
  { route: 'loyalty', read: (app) => app.get(GetLoyaltyUseCase).get() },
  { route: 'liability', read: (app) => app.get(GetLiabilityUseCase).get() },
  { route: 'rfm', read: (app) => app.get(GetRfmUseCase).get() },
  { route: 'tier-movements', read: (app) => app.get(GetTierMovementsUseCase).get() },
];

export const ANALYTICS_PHASES: Phase[] = [
  {
    name: 'analytics snapshot refresh: members idle 90+ days',
    target: 'daily job; every heavy figure in one consistent read',
    prepare: prepareLedger,
    raw: rawSnapshot,
    project: async (app) => {
      const id = newId();
      await app.get(RefreshSnapshotUseCase).refresh(id, AS_OF);
      const figures = await app.get(AnalyticsRepository).figures(id, ['churn']);
      // A count of zero writes no figure row; the routes read a missing figure as 0, and so does this.
      return figures.find((f) => f.series === 'churned.90' && f.label === 'total')?.value ?? 0;
    },
  },
  ...ROUTES.map(({ route, read }): Phase => ({
    name: `analytics read ${route} (${READS}× from the snapshot)`,
    target: 'interactive: a few ms',
    // Raw: the report's figures by primary-key range, what the route cannot do with less.
    raw: async (pool) => {
      const [[snapshot]] = await pool.query<RowDataPacket[]>(
        'SELECT id FROM analytics_snapshots WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1',
      );
      return latency(`raw figures read (${route})`, () =>
        pool.query('SELECT series, label, value FROM analytics_figures WHERE snapshot_id = ?', [snapshot.id]),
      );
    },
    project: (app) => latency(`GET analytics/${route} (use case)`, () => read(app)),
  })),
  {
    name: `analytics read club-growth (${READS / 10}× live, 12 months)`,
    target: 'live read',
    raw: async (pool) => {
      const times = READS / 10;
      for (let i = 0; i < times; i++) {
        await pool.query(
          "SELECT club_id, DATE_FORMAT(at, '%Y-%m'), SUM(event = 'joined'), SUM(event = 'left') FROM club_member_history WHERE at >= ? AND at < ? GROUP BY 1, 2",
          [new Date(Date.UTC(AS_OF.getUTCFullYear(), AS_OF.getUTCMonth() - 11, 1)), AS_OF],
        );
      }
      return times;
    },
    project: async (app) => {
      const times = READS / 10;
      for (let i = 0; i < times; i++) {
        await app.get(GetClubGrowthUseCase).get({ months: 12 });
      }
      return times;
    },
  },
];
