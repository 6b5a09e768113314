import { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { newId } from '../../src/common/ids';
import { RankReviewUseCase } from '../../src/modules/tiers/rank-review/rank-review.use-case';
import { Phase } from './phase';
import { runValueRun } from './value-phases';

const TOP_N = 20_000;
const VIP_CENTS = 500_000;
const WINDOW = `s.month >= DATE_SUB(DATE_FORMAT(UTC_DATE(), '%Y-%m-01'), INTERVAL 11 MONTH) AND s.month <= DATE_FORMAT(UTC_DATE(), '%Y-%m-01')`;

export const RANK_PHASES: Phase[] = [
  {
    name: `rank review (SVIP = top ${TOP_N} by value among VIP-qualified): promoted`,
    target: 'target < 60 s at 1M',
    // Suning's SVIP: a rank tier over the value run's scores, its minimum the VIP criteria. Needs a value run.
    prepare: async (pool, app) => {
      const [[runs]] = await pool.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM value_runs WHERE finished_at IS NOT NULL');
      if (Number(runs.n) === 0) {
        await runValueRun(app, new Date());
      }
      await pool.query(
        "UPDATE tiers SET kind = 'rank', rank_top_n = ?, rank_top_permille = NULL, min_spend_cents = ?, min_points = NULL, min_purchases = NULL WHERE code = 'SVIP'",
        [TOP_N, VIP_CENTS],
      );
    },
    // The same work by hand, in a transaction rolled back after: the top N by (score, 12-month spend, id) among
    // members whose window spend meets the minimum, and the members moved into the tier (both written, then undone).
    raw: async (pool) => {
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        await conn.query('DROP TEMPORARY TABLE IF EXISTS bench_rank_picks');
        await conn.query(
          `CREATE TEMPORARY TABLE bench_rank_picks (member_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY)
           SELECT mv.member_id FROM member_values mv
             JOIN (SELECT s.member_id FROM member_monthly_stats s WHERE ${WINDOW} GROUP BY s.member_id HAVING SUM(s.spend_cents) >= ?) q
               ON q.member_id = mv.member_id
            ORDER BY mv.score DESC, mv.spend_12m DESC, mv.member_id LIMIT ${TOP_N}`,
          [VIP_CENTS],
        );
        await conn.query(
          `INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at)
           SELECT m.id, m.tier_code, 'SVIP', 'rank', 'bench-raw', UTC_TIMESTAMP(3) FROM members m JOIN bench_rank_picks p ON p.member_id = m.id
            WHERE m.tier_code <> 'SVIP'`,
        );
        const [moved] = await conn.query<ResultSetHeader>(
          `UPDATE members m JOIN bench_rank_picks p ON p.member_id = m.id SET m.tier_code = 'SVIP', m.tier_since = UTC_TIMESTAMP(3)
            WHERE m.tier_code <> 'SVIP'`,
        );
        // Holders who fall out: their window figures, read for the step down.
        await conn.query(
          `SELECT m.id, SUM(s.spend_cents) FROM members m LEFT JOIN bench_rank_picks p ON p.member_id = m.id
             LEFT JOIN member_monthly_stats s ON s.member_id = m.id AND ${WINDOW}
            WHERE m.tier_code = 'SVIP' AND p.member_id IS NULL GROUP BY m.id`,
        );
        await conn.query('DROP TEMPORARY TABLE bench_rank_picks');
        return moved.affectedRows;
      } finally {
        await conn.rollback();
        conn.release();
      }
    },
    project: async (app) => (await app.get(RankReviewUseCase).review(newId(), new Date())).promoted,
    // Back to the default ladder's threshold SVIP, so the other phases (and a re-run) find the ladder they expect.
    cleanup: async (pool) => {
      await pool.query(
        "UPDATE tiers SET kind = 'threshold', rank_top_n = NULL, rank_top_permille = NULL, min_spend_cents = 2000000 WHERE code = 'SVIP'",
      );
    },
  },
];
