import { INestApplicationContext } from '@nestjs/common';
import { PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { newId } from '../../src/common/ids';
import { PlanMemberRanges } from '../../src/modules/jobs/plan-member-ranges';
import { qualifyingWindowStart } from '../../src/modules/tiers/rules/tier-qualification';
import { monthKey } from '../../src/modules/points/rules/monthly-stats';
import { ComputeValueRangeUseCase, VALUE_WINDOW_MONTHS } from '../../src/modules/value/use-cases/compute-value-range.use-case';
import { FinalizeValueRunUseCase } from '../../src/modules/value/use-cases/finalize-value-run.use-case';
import { currentGradeShares, currentReference, currentWeights } from '../../src/modules/value/value-settings';
import { ValueRepository, WORK_MEMORY } from '../../src/modules/value/value.repository';
import { ValueService } from '../../src/modules/value/value.service';
import { Phase } from './phase';

/**
 * The whole value run in this process, through its real use cases: the run
 * recorded, every member-id range part, then the finalising step (grades, RFM,
 * ranks). The queue only carries these calls between processes, so it is left out.
 */
export async function runValueRun(app: INestApplicationContext, asOf: Date): Promise<string> {
  const repo = app.get(ValueRepository, { strict: false });
  const settings = await repo.settings();
  const weights = currentWeights(settings);
  const reference = currentReference(settings);
  const runId = newId();
  await repo.insertRun({ id: runId, asOf, startedAt: new Date(), weights, grades: currentGradeShares(settings) });
  const compute = app.get(ComputeValueRangeUseCase);
  for (const range of await app.get(PlanMemberRanges).plan()) {
    await compute.compute(runId, range, asOf, weights, reference);
  }
  await app.get(FinalizeValueRunUseCase).finalize(runId);
  return runId;
}

/** A fixed instant for both sides (recency and the window). */
let asOf = new Date();

export const VALUE_PHASES: Phase[] = [
  {
    name: 'value and grades (all ranges + finalising): grade A',
    target: 'target < 60 s at 1M',
    prepare: async (pool) => {
      asOf = new Date();
      await pool.query('DROP TABLE IF EXISTS bench_value_raw');
      await pool.query('CREATE TABLE bench_value_raw LIKE member_values');
    },
    // The same work by hand: figures and score of every member in one INSERT ... SELECT, the cut-offs, then
    // grades, RFM quintiles and ranks in one UPDATE with window functions.
    // The same session memory as the project's finalising connection (WORK_MEMORY), on the one connection it uses.
    raw: async (pool) => {
      const conn = await pool.getConnection();
      try {
        await conn.query(
          `SET SESSION tmp_table_size = ${WORK_MEMORY.tmpTableBytes}, max_heap_table_size = ${WORK_MEMORY.tmpTableBytes},
               sort_buffer_size = ${WORK_MEMORY.sortBufferBytes}`,
        );
        return await rawValueRun(conn);
      } finally {
        await conn.query('SET SESSION tmp_table_size = DEFAULT, max_heap_table_size = DEFAULT, sort_buffer_size = DEFAULT');
        conn.release();
      }
    },
    project: async (app) => {
      await runValueRun(app, asOf);
      return (await app.get(ValueService).pyramid()).grades.find((g) => g.grade === 'A')?.members ?? -1;
    },
    // Not only the figure: every member's score, figures, grade, R, F, M and rank are the same on both sides.
    cleanup: async (pool) => {
      const [[d]] = await pool.query<RowDataPacket[]>(
        `SELECT (SELECT COUNT(*) FROM member_values) AS project, (SELECT COUNT(*) FROM bench_value_raw) AS raw,
                (SELECT COUNT(*) FROM member_values v JOIN bench_value_raw b ON b.member_id = v.member_id
                  WHERE v.score <=> b.score AND v.spend_12m <=> b.spend_12m AND v.points_12m <=> b.points_12m
                    AND v.purchases_12m <=> b.purchases_12m AND v.last_purchase_at <=> b.last_purchase_at AND v.grade <=> b.grade
                    AND v.r <=> b.r AND v.f <=> b.f AND v.m <=> b.m AND v.value_rank <=> b.value_rank) AS same`,
      );
      await pool.query('DROP TABLE IF EXISTS bench_value_raw');
      const line = `  every member alike on both sides: ${d.same} of ${d.project} (raw ${d.raw})`;
      process.stdout.write(`${line}\n`);
      if (Number(d.same) !== Number(d.project) || Number(d.same) !== Number(d.raw)) {
        throw new Error(`value run: member rows differ from the raw SQL's (${line.trim()})`);
      }
    },
  },
];

/** The raw twin on one connection: figures and score of every member in one INSERT … SELECT, the cut-offs, then one UPDATE with four window functions. */
async function rawValueRun(conn: PoolConnection): Promise<number> {
  const [[s]] = await conn.query<RowDataPacket[]>('SELECT * FROM value_settings WHERE id = 1');
  await conn.query(
    `INSERT INTO bench_value_raw (member_id, score, spend_12m, points_12m, purchases_12m, last_purchase_at, run_id, computed_at)
         SELECT f.id,
                CASE WHEN f.spend > 0 THEN (f.spend * ? * 1000) DIV ? ELSE 0 END
                  + CASE WHEN f.points > 0 THEN (f.points * ? * 1000) DIV ? ELSE 0 END
                  + CASE WHEN f.purchases > 0 THEN (f.purchases * ? * 1000) DIV ? ELSE 0 END,
                f.spend, f.points, f.purchases, lp.at, 'raw', UTC_TIMESTAMP(3)
           FROM (SELECT m.id, COALESCE(SUM(s.spend_cents), 0) AS spend, COALESCE(SUM(s.points), 0) AS points,
                        COALESCE(SUM(s.purchases), 0) AS purchases
                   FROM members m LEFT JOIN member_monthly_stats s ON s.member_id = m.id AND s.month >= ? AND s.month <= ?
                  GROUP BY m.id) f
           LEFT JOIN (SELECT member_id, MAX(occurred_at) AS at FROM purchases WHERE occurred_at <= ? GROUP BY member_id) lp
             ON lp.member_id = f.id`,
    [
      s.weight_spend_permille,
      s.reference_spend_cents,
      s.weight_points_permille,
      s.reference_points,
      s.weight_purchases_permille,
      s.reference_purchases,
      qualifyingWindowStart(asOf, VALUE_WINDOW_MONTHS),
      monthKey(asOf),
      asOf,
    ],
  );
  const [[cut]] = await conn.query<RowDataPacket[]>(
    `SELECT MAX(CASE WHEN cum * 100 >= total * 80 THEN score END) AS a, MAX(CASE WHEN cum * 100 >= total * 95 THEN score END) AS b,
                COUNT(*) AS n
           FROM (SELECT score, SUM(GREATEST(score, 0)) OVER (ORDER BY score DESC, member_id ROWS UNBOUNDED PRECEDING) AS cum,
                        SUM(GREATEST(score, 0)) OVER () AS total FROM bench_value_raw) t`,
  );
  const n = Number(cut.n);
  await conn.query<ResultSetHeader>(
    `UPDATE bench_value_raw v
           STRAIGHT_JOIN (SELECT member_id, ROW_NUMBER() OVER (ORDER BY score DESC, spend_12m DESC, member_id) AS rn,
                        RANK() OVER (ORDER BY DATE(last_purchase_at) DESC) AS rr, RANK() OVER (ORDER BY purchases_12m DESC) AS fr,
                        RANK() OVER (ORDER BY spend_12m DESC) AS mr
                   FROM bench_value_raw) t ON t.member_id = v.member_id
            SET v.value_rank = t.rn,
                v.r = CASE WHEN v.last_purchase_at IS NULL THEN 1 ELSE (5 * (? - t.rr + 1) + ? - 1) DIV ? END,
                v.f = CASE WHEN v.purchases_12m <= 0 THEN 1 ELSE (5 * (? - t.fr + 1) + ? - 1) DIV ? END,
                v.m = CASE WHEN v.spend_12m <= 0 THEN 1 ELSE (5 * (? - t.mr + 1) + ? - 1) DIV ? END,
                v.grade = CASE WHEN v.score > 0 AND v.score >= ? THEN 'A' WHEN v.score > 0 AND v.score >= ? THEN 'B' ELSE 'C' END`,
    [n, n, n, n, n, n, n, n, n, cut.a ?? Number.MAX_SAFE_INTEGER, cut.b ?? Number.MAX_SAFE_INTEGER],
  );
  const [[a]] = await conn.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM bench_value_raw WHERE grade = 'A'");
  return Number(a.n);
}
