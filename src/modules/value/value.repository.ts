import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { MemberValue } from './entities/member-value.entity';
import { ValueRun } from './entities/value-run.entity';
import { ValueSettings } from './entities/value-settings.entity';
import { GradeCutoffs, GRADE_SHARES } from './rules/grades';
import { ValueSettingsProposal } from './rules/value-settings-rule';
import { RANK_ORDER_SQL } from './rules/rank-selection';
import { quintileStarts } from './rules/rfm';
import { DEFAULT_REFERENCE, DEFAULT_WEIGHTS } from './rules/value-score';
import { monthsWithin, qualifyingSumsSelect } from '../points/rules/qualifying-sums';

export interface GradeSummary {
  grade: string;
  members: number;
  spendCents: number;
  score: number;
}

export interface Movement {
  from: string | null;
  to: string;
  members: number;
}

/** The RFM figures' values at the quintile starts, ascending (recency as 'YYYY-MM-DD' or null). */
export interface RfmStarts {
  r: Array<string | null>;
  f: number[];
  m: number[];
}

/** Session memory of the finalising connection: the window sort and its temporary table stay in memory up to a few million members. */
export const WORK_MEMORY = { tmpTableBytes: 1024 * 1024 * 1024, sortBufferBytes: 256 * 1024 * 1024 } as const;

/** All SQL of member values and value runs. */
@Injectable()
export class ValueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seedSettings(now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT IGNORE INTO value_settings
         (id, weight_spend_permille, weight_points_permille, weight_purchases_permille,
          reference_spend_cents, reference_points, reference_purchases, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
      [
        DEFAULT_WEIGHTS.spendPermille,
        DEFAULT_WEIGHTS.pointsPermille,
        DEFAULT_WEIGHTS.purchasesPermille,
        DEFAULT_REFERENCE.spendCents,
        DEFAULT_REFERENCE.points,
        DEFAULT_REFERENCE.purchases,
        now,
      ],
    );
  }

  async settings(): Promise<ValueSettings | null> {
    return this.dataSource.getRepository(ValueSettings).findOne({ where: { id: 1 } });
  }

  /** The settings row, locked for an edit (the caller seeds it first). */
  async lockSettings(m: EntityManager): Promise<ValueSettings | null> {
    return m.getRepository(ValueSettings).findOne({ where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
  }

  async saveSettings(m: EntityManager, s: ValueSettingsProposal, now: Date): Promise<void> {
    await m.query(
      `UPDATE value_settings SET weight_spend_permille = ?, weight_points_permille = ?, weight_purchases_permille = ?,
          reference_spend_cents = ?, reference_points = ?, reference_purchases = ?, grade_a_percent = ?, grade_b_percent = ?,
          updated_at = ?
        WHERE id = 1`,
      [
        s.weights.spendPermille,
        s.weights.pointsPermille,
        s.weights.purchasesPermille,
        s.reference.spendCents,
        s.reference.points,
        s.reference.purchases,
        s.grades.aPercent,
        s.grades.bPercent,
        now,
      ],
    );
  }

  async insertRun(run: {
    id: string;
    asOf: Date;
    startedAt: Date;
    weights: { spendPermille: number; pointsPermille: number; purchasesPermille: number };
    grades: { aPercent: number; bPercent: number };
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT IGNORE INTO value_runs (id, as_of, started_at, finished_at, weight_spend_permille, weight_points_permille,
          weight_purchases_permille, grade_a_percent, grade_b_percent, member_count, total_score, cutoff_a, cutoff_b, summary)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL)`,
      [
        run.id,
        run.asOf,
        run.startedAt,
        run.weights.spendPermille,
        run.weights.pointsPermille,
        run.weights.purchasesPermille,
        run.grades.aPercent,
        run.grades.bPercent,
      ],
    );
  }

  async findRun(runId: string): Promise<ValueRun | null> {
    return this.dataSource.getRepository(ValueRun).findOne({ where: { id: runId } });
  }

  /** The last finalised run. */
  async latestFinishedRun(): Promise<ValueRun | null> {
    const [row] = await this.dataSource
      .getRepository(ValueRun)
      .createQueryBuilder('r')
      .where('r.finished_at IS NOT NULL')
      .orderBy('r.finished_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(1)
      .getMany();
    return row ?? null;
  }

  async findMemberValue(memberId: string): Promise<MemberValue | null> {
    return this.dataSource.getRepository(MemberValue).findOne({ where: { memberId } });
  }

  /**
   * One range part in one statement: every member of the id range gets the
   * sums of member_monthly_stats over the months windowStart..windowEnd
   * (YYYY-MM-01), the time of the last purchase up to asOf and the score
   * (valueScoreSql, the same as valueScore()), written by INSERT … SELECT …
   * ON DUPLICATE KEY UPDATE. Grades and ranks are left to the finalising step.
   * Answers the members written and those with a purchase in the window.
   */
  async computeRange(
    runId: string,
    range: { fromId: string; toId: string | null },
    window: { start: string; end: string },
    asOf: Date,
    score: { sql: string; params: number[] },
    now: Date,
  ): Promise<{ members: number; purchasers: number }> {
    const upper = range.toId !== null ? 'AND mb.id < ?' : '';
    const bounds = range.toId !== null ? [range.fromId, range.toId] : [range.fromId];
    const sums = qualifyingSumsSelect('s', { names: { spendCents: 'spend' } });
    const months = monthsWithin('s', window);
    await this.dataSource.query(
      `INSERT INTO member_values (member_id, score, spend_12m, points_12m, purchases_12m, last_purchase_at, run_id, computed_at)
       SELECT f.id, ${score.sql}, f.spend, f.points, f.purchases,
              (SELECT MAX(p.occurred_at) FROM purchases p WHERE p.member_id = f.id AND p.occurred_at <= ?), ?, ?
         FROM (SELECT mb.id, ${sums.sql}
                 FROM members mb
                 LEFT JOIN member_monthly_stats s ON s.member_id = mb.id AND ${months.sql}
                WHERE mb.id >= ? ${upper}
                GROUP BY mb.id) f
       ON DUPLICATE KEY UPDATE score = VALUES(score), spend_12m = VALUES(spend_12m), points_12m = VALUES(points_12m),
         purchases_12m = VALUES(purchases_12m), last_purchase_at = VALUES(last_purchase_at), run_id = VALUES(run_id),
         computed_at = VALUES(computed_at)`,
      [...score.params, asOf, runId, now, ...sums.params, ...months.params, ...bounds],
    );
    const [row]: Array<{ members: string | number; purchasers: string | number | null }> = await this.dataSource.query(
      `SELECT COUNT(*) AS members, SUM(purchases_12m > 0) AS purchasers FROM member_values
        WHERE member_id >= ? ${range.toId !== null ? 'AND member_id < ?' : ''} AND run_id = ?`,
      [...bounds, runId],
    );
    return { members: toInt(row?.members ?? 0), purchasers: toInt(row?.purchasers ?? 0) };
  }

  /**
   * Runs the finalising statements on one connection whose sort buffer and
   * in-memory temporary tables are large enough for the whole population
   * (session settings only, put back before the connection returns to the
   * pool): with the server's defaults (2 MB sorts, 16 MB temporary tables)
   * the window sort over a million members spills to disk, three times slower.
   */
  async withWorkMemory<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(
        `SET SESSION tmp_table_size = ${WORK_MEMORY.tmpTableBytes}, max_heap_table_size = ${WORK_MEMORY.tmpTableBytes},
             sort_buffer_size = ${WORK_MEMORY.sortBufferBytes}`,
      );
      try {
        return await fn(runner.manager);
      } finally {
        // Best effort: after a failed statement the connection may be gone (a timeout destroys it), and the error that matters is that one.
        await runner
          .query('SET SESSION tmp_table_size = DEFAULT, max_heap_table_size = DEFAULT, sort_buffer_size = DEFAULT')
          .catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * The grade cut-offs over the whole population, set-based: the score of the
   * member (by score desc) whose cumulative score first reaches 80% / 95% of
   * the total (or the run's shares), as gradeCutoffs() gives. That is the
   * highest score s whose members together with every higher-scored member
   * reach the share (ties at a cut-off share it, whatever their order), so the
   * sums run over the distinct scores (GROUP BY on the rank index) instead of
   * every member.
   */
  async cutoffs(
    m: EntityManager,
    shares: { a: number; b: number } = GRADE_SHARES,
  ): Promise<GradeCutoffs & { members: number; totalScore: number }> {
    const [row]: Array<{ a: string | null; b: string | null; total: string | null; members: string | number | null }> = await m.query(
      `SELECT MAX(CASE WHEN cum * 100 >= total * ? THEN score END) AS a,
              MAX(CASE WHEN cum * 100 >= total * ? THEN score END) AS b,
              MAX(total) AS total, SUM(n) AS members
         FROM (SELECT score, n, SUM(s) OVER (ORDER BY score DESC ROWS UNBOUNDED PRECEDING) AS cum, SUM(s) OVER () AS total
                 FROM (SELECT score, SUM(GREATEST(score, 0)) AS s, COUNT(*) AS n FROM member_values GROUP BY score) g) t`,
      [shares.a, shares.b],
    );
    const total = row?.total === null || row?.total === undefined ? 0 : toInt(row.total);
    return {
      a: total > 0 && row?.a !== null && row?.a !== undefined ? toInt(row.a) : null,
      b: total > 0 && row?.b !== null && row?.b !== undefined ? toInt(row.b) : null,
      members: toInt(row?.members ?? 0),
      totalScore: total,
    };
  }

  /**
   * The values at the quintile starts (quintileStarts(n)) of each RFM figure,
   * sorted ascending: recency by the time of the last purchase (never bought
   * first; compared by UTC day, as 'YYYY-MM-DD', null when the start falls
   * among those who never bought), frequency by 12-month purchases, monetary
   * by 12-month spend. One sort of one column per figure.
   */
  async quintileStartValues(m: EntityManager, n: number): Promise<RfmStarts> {
    const positions = quintileStarts(n);
    if (positions.length === 0) {
      return { r: [], f: [], m: [] };
    }
    const at = async (value: string, order: string): Promise<Array<string | null>> => {
      const rows: Array<{ rn: string | number; v: string | number | null }> = await m.query(
        `SELECT rn, v FROM (SELECT ${value} AS v, ROW_NUMBER() OVER (ORDER BY ${order}) AS rn FROM member_values) x
          WHERE rn IN (${positions.map(() => '?').join(', ')})`,
        positions,
      );
      const byPosition = new Map(rows.map((row) => [toInt(row.rn), row.v === null ? null : String(row.v)]));
      return positions.map((p) => byPosition.get(p) ?? null);
    };
    const r = await at("DATE_FORMAT(last_purchase_at, '%Y-%m-%d')", 'last_purchase_at');
    const f = (await at('purchases_12m', 'purchases_12m')).map((v) => toInt(v));
    const mm = (await at('spend_12m', 'spend_12m')).map((v) => toInt(v));
    return { r, f, m: mm };
  }

  /**
   * Grades, RFM quintiles and ranks of every member, and the previous grade
   * kept, in one set-based UPDATE with one window function (the rank).
   * Grades by the cut-offs (a member with no value is C; a null cut-off grades
   * everyone C); R, F, M = 1 + the quintile starts at or below the member's
   * figure (quintileFromStarts), 1 for no purchase / no purchases / no spend.
   * previous_grade takes the grade before this run once per run: a finalising
   * step run again finds graded_run_id = runId (read from the derived table,
   * i.e. before the update) and keeps it. STRAIGHT_JOIN: the rows are updated
   * in primary-key order, each finding its rank by the derived table's key.
   */
  async writeGrades(m: EntityManager, runId: string, cutoffs: GradeCutoffs, starts: RfmStarts): Promise<void> {
    const a = cutoffs.a ?? Number.MAX_SAFE_INTEGER;
    const b = cutoffs.b ?? Number.MAX_SAFE_INTEGER;
    const params: unknown[] = [runId];
    const quintileSql = (column: string, values: ReadonlyArray<string | number | null>) =>
      values.length === 0
        ? '1'
        : `1 + ${values
            .map((v) => {
              // A start among the never-bought (recency): every member who bought is at or above it.
              if (v === null) {
                return '1';
              }
              params.push(v);
              return `(${column} >= ?)`;
            })
            .join(' + ')}`;
    const r = quintileSql('mv.last_purchase_at', starts.r);
    const f = quintileSql('mv.purchases_12m', starts.f);
    const mm = quintileSql('mv.spend_12m', starts.m);
    params.push(a, b, runId);
    await m.query(
      `UPDATE member_values mv
         STRAIGHT_JOIN (SELECT member_id, grade AS old_grade, previous_grade AS old_previous, graded_run_id AS old_run,
                               ROW_NUMBER() OVER (ORDER BY ${RANK_ORDER_SQL}) AS rn
                          FROM member_values) t ON t.member_id = mv.member_id
          SET mv.previous_grade = CASE WHEN t.old_run <=> ? THEN t.old_previous ELSE t.old_grade END,
              mv.value_rank = t.rn,
              mv.r = CASE WHEN mv.last_purchase_at IS NULL THEN 1 ELSE ${r} END,
              mv.f = CASE WHEN mv.purchases_12m <= 0 THEN 1 ELSE ${f} END,
              mv.m = CASE WHEN mv.spend_12m <= 0 THEN 1 ELSE ${mm} END,
              mv.grade = CASE WHEN mv.score > 0 AND mv.score >= ? THEN 'A' WHEN mv.score > 0 AND mv.score >= ? THEN 'B' ELSE 'C' END,
              mv.graded_run_id = ?`,
      params,
    );
  }

  async gradeSummary(): Promise<GradeSummary[]> {
    const rows: Array<{ grade: string; members: string | number; spend: string | number; score: string | number }> =
      await this.dataSource.query(
        `SELECT grade, COUNT(*) AS members, COALESCE(SUM(GREATEST(spend_12m, 0)), 0) AS spend, COALESCE(SUM(score), 0) AS score
           FROM member_values WHERE grade IS NOT NULL GROUP BY grade ORDER BY grade`,
      );
    return rows.map((r) => ({ grade: r.grade, members: toInt(r.members), spendCents: toInt(r.spend), score: toInt(r.score) }));
  }

  async movements(): Promise<Movement[]> {
    const rows: Array<{ previous_grade: string | null; grade: string; members: string | number }> = await this.dataSource.query(
      `SELECT previous_grade, grade, COUNT(*) AS members FROM member_values
        WHERE grade IS NOT NULL GROUP BY previous_grade, grade ORDER BY previous_grade, grade`,
    );
    return rows.map((r) => ({ from: r.previous_grade, to: r.grade, members: toInt(r.members) }));
  }

  async finishRun(
    runId: string,
    result: { members: number; totalScore: number; cutoffs: GradeCutoffs; summary: string },
    now: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE value_runs SET finished_at = ?, member_count = ?, total_score = ?, cutoff_a = ?, cutoff_b = ?, summary = ?
        WHERE id = ? AND finished_at IS NULL`,
      [now, result.members, result.totalScore, result.cutoffs.a, result.cutoffs.b, result.summary, runId],
    );
  }
}
