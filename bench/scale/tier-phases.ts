import { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { nextReviewAt } from '../../src/modules/tiers/rules/tier-review';
import { RefreshWindowStatsUseCase } from '../../src/modules/tiers/engine/refresh-window-stats.use-case';
import { ReviewTiersUseCase } from '../../src/modules/tiers/engine/review-tiers.use-case';
import { SimulateLadderUseCase } from '../../src/modules/tiers/engine/simulate-ladder.use-case';
import { LadderService } from '../../src/modules/tiers/ladder.service';
import { Phase } from './phase';

/** VIP now means 12-month spend from ¥5,000 and below ¥20,000 (the default ladder). */
const VIP_BY_WINDOW_SQL = `SELECT COUNT(*) AS n FROM (
   SELECT m.id, COALESCE(SUM(s.spend_cents), 0) AS spend FROM members m
     LEFT JOIN member_monthly_stats s ON s.member_id = m.id
      AND s.month >= DATE_SUB(DATE_FORMAT(UTC_DATE(), '%Y-%m-01'), INTERVAL 11 MONTH)
    GROUP BY m.id) q WHERE q.spend >= 500000 AND q.spend < 2000000`;

export const TIER_PHASES: Phase[] = [
  {
    name: 'qualifying window sums (12 months, all members)',
    target: 'the base of reviews and simulation',
    raw: async (pool) => {
      const [rows] = await pool.query<RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM (
           SELECT member_id, SUM(spend_cents) AS spend FROM member_monthly_stats
            WHERE month >= DATE_SUB(DATE_FORMAT(UTC_DATE(), '%Y-%m-01'), INTERVAL 11 MONTH)
            GROUP BY member_id HAVING SUM(spend_cents) >= 500000) q`,
      );
      return Number(rows[0].n);
    },
  },
  {
    // The simulation reads a snapshot refreshed daily: its refresh is a cost of its own, shown here.
    name: 'what-if simulation: snapshot refresh (window sums, every member)',
    target: 'daily job, off the request path',
    prepare: async (pool) => {
      await pool.query('DROP TABLE IF EXISTS bench_window_raw');
      await pool.query('CREATE TABLE bench_window_raw LIKE member_window_stats');
    },
    raw: async (pool) => {
      const [res] = await pool.query<ResultSetHeader>(
        `INSERT INTO bench_window_raw (member_id, spend_cents, points, purchases, spend_12m_cents, computed_at)
         SELECT m.id, COALESCE(SUM(s.spend_cents), 0), COALESCE(SUM(s.points), 0), COALESCE(SUM(s.purchases), 0),
                COALESCE(SUM(s.spend_cents), 0), UTC_TIMESTAMP(3)
           FROM members m
           LEFT JOIN member_monthly_stats s ON s.member_id = m.id
            AND s.month >= DATE_SUB(DATE_FORMAT(UTC_DATE(), '%Y-%m-01'), INTERVAL 11 MONTH)
          GROUP BY m.id`,
      );
      return res.affectedRows;
    },
    project: async (app) => (await app.get(RefreshWindowStatsUseCase).refresh(new Date())).members,
    cleanup: async (pool) => {
      await pool.query('DROP TABLE IF EXISTS bench_window_raw');
    },
  },
  {
    name: 'what-if simulation from the snapshot: VIP after (raw: live)',
    target: 'target < 5 s at 1M',
    // The raw twin is the live GROUP BY over the monthly stats: the figure checks the snapshot against the truth.
    raw: async (pool) => {
      const [rows] = await pool.query<RowDataPacket[]>(VIP_BY_WINDOW_SQL);
      return Number(rows[0].n);
    },
    project: async (app) => {
      const result = await app.get(SimulateLadderUseCase).simulate(await app.get(LadderService).view());
      if (result.snapshotRefreshed) {
        throw new Error('the simulation refreshed the snapshot: the refresh phase did not leave one');
      }
      return result.tiers.find((t) => t.code === 'VIP')?.membersAfter ?? -1;
    },
  },
  {
    name: 'full tier review (every VIP/SVIP due today): moves down',
    target: 'target < 60 s at 1M',
    prepare: async (pool) => {
      // Everyone above the entry tier is due; a member whose window no longer qualifies moves down one level.
      await pool.query("UPDATE members SET tier_review_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 1 DAY) WHERE tier_code <> 'STANDARD'");
      await pool.query(
        "UPDATE members SET tier_code = 'VIP', tier_review_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 1 DAY) WHERE id IN (SELECT id FROM (SELECT id FROM members WHERE tier_code = 'STANDARD' ORDER BY id LIMIT 1000) x)",
      );
      await pool.query('DROP TABLE IF EXISTS bench_tier_saved');
      await pool.query(
        `CREATE TABLE bench_tier_saved (PRIMARY KEY (id))
         SELECT id, tier_code, tier_since, tier_review_at, updated_at FROM members WHERE tier_review_at <= UTC_TIMESTAMP(3)`,
      );
    },
    // The raw twin does the review's writes set-based, in one transaction: the due members' window sums once into a
    // scratch table, a history row per move down, and one UPDATE of every due member (new tier and date, the next
    // review date, or none for the entry tier). What it wrote is put back before the project's review runs.
    raw: async (pool) => {
      const conn = await pool.getConnection();
      try {
        const [[program]] = await conn.query<RowDataPacket[]>('SELECT tier_review_months FROM program_settings WHERE id = 1');
        const now = new Date();
        const next = nextReviewAt(now, Number(program.tier_review_months), 1);
        await conn.beginTransaction();
        await conn.query('DROP TEMPORARY TABLE IF EXISTS bench_tier_due');
        await conn.query(
          `CREATE TEMPORARY TABLE bench_tier_due (id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY, tier_code VARCHAR(32), to_tier VARCHAR(32))
           SELECT m.id, m.tier_code,
                  CASE WHEN m.tier_code = 'SVIP' AND COALESCE(SUM(s.spend_cents), 0) < 2000000 THEN 'VIP'
                       WHEN m.tier_code = 'VIP' AND COALESCE(SUM(s.spend_cents), 0) < 500000 THEN 'STANDARD' END AS to_tier
             FROM members m
             LEFT JOIN member_monthly_stats s ON s.member_id = m.id
              AND s.month >= DATE_SUB(DATE_FORMAT(UTC_DATE(), '%Y-%m-01'), INTERVAL 11 MONTH)
            WHERE m.tier_review_at <= ?
            GROUP BY m.id`,
          [now],
        );
        await conn.query(
          `INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at)
           SELECT id, tier_code, to_tier, 'review', 'bench-raw', ? FROM bench_tier_due WHERE to_tier IS NOT NULL`,
          [now],
        );
        await conn.query(
          `UPDATE members m JOIN bench_tier_due d ON d.id = m.id
              SET m.tier_code = COALESCE(d.to_tier, m.tier_code),
                  m.tier_since = IF(d.to_tier IS NULL, m.tier_since, ?),
                  m.tier_review_at = IF(COALESCE(d.to_tier, d.tier_code) = 'STANDARD', NULL, ?),
                  m.updated_at = ?`,
          [now, next, now],
        );
        const [[moved]] = await conn.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM bench_tier_due WHERE to_tier IS NOT NULL');
        await conn.commit();
        await conn.query('DROP TEMPORARY TABLE bench_tier_due');
        return Number(moved.n);
      } catch (err) {
        await conn.rollback();
        throw err;
      } finally {
        conn.release();
      }
    },
    // The due members as they were, and no history from the raw twin: the project's review starts from the same place.
    between: async (pool) => {
      await pool.query(
        `UPDATE members m JOIN bench_tier_saved s ON s.id = m.id
            SET m.tier_code = s.tier_code, m.tier_since = s.tier_since, m.tier_review_at = s.tier_review_at, m.updated_at = s.updated_at`,
      );
      await pool.query("DELETE FROM tier_history WHERE ref_id = 'bench-raw' AND reason = 'review'");
    },
    cleanup: async (pool) => {
      await pool.query('DROP TABLE IF EXISTS bench_tier_saved');
    },
    project: async (app) => (await app.get(ReviewTiersUseCase).review({ fromId: '', toId: null }, new Date())).downgraded,
  },
];
