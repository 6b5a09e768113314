import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { placeholders } from '../../database/multi-row';
import { MemberValue } from './entities/member-value.entity';
import { ValueRun } from './entities/value-run.entity';
import { ValueSettings } from './entities/value-settings.entity';
import { GradeCutoffs, GRADE_SHARES } from './rules/grades';
import { ValueSettingsProposal } from './rules/value-settings-rule';
import { RANK_ORDER_SQL } from './rules/rank-selection';
import { DEFAULT_REFERENCE, DEFAULT_WEIGHTS } from './rules/value-score';

/** A member's figures over the window, as the range part reads them. */
export interface MemberFigures {
  memberId: string;
  spendCents: number;
  points: number;
  purchases: number;
  lastPurchaseAt: Date | null;
}

export interface MemberValueRow {
  memberId: string;
  score: number;
  figures: MemberFigures;
}

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

const UPSERT_BATCH = 1000;

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
   * Every member of the id range with the sums of member_monthly_stats over
   * the months windowStart..windowEnd (YYYY-MM-01) and the time of the last
   * purchase up to asOf.
   */
  async figuresOfRange(fromId: string, toId: string | null, windowStart: string, windowEnd: string, asOf: Date): Promise<MemberFigures[]> {
    const upper = toId !== null ? 'AND mb.id < ?' : '';
    const rows: Array<{ id: string; spend: string | number; points: string | number; purchases: string | number }> =
      await this.dataSource.query(
        `SELECT mb.id, COALESCE(SUM(s.spend_cents), 0) AS spend, COALESCE(SUM(s.points), 0) AS points,
                COALESCE(SUM(s.purchases), 0) AS purchases
           FROM members mb
           LEFT JOIN member_monthly_stats s ON s.member_id = mb.id AND s.month >= ? AND s.month <= ?
          WHERE mb.id >= ? ${upper}
          GROUP BY mb.id`,
        toId !== null ? [windowStart, windowEnd, fromId, toId] : [windowStart, windowEnd, fromId],
      );
    const last: Array<{ member_id: string; at: Date }> = await this.dataSource.query(
      `SELECT member_id, MAX(occurred_at) AS at FROM purchases
        WHERE member_id >= ? ${toId !== null ? 'AND member_id < ?' : ''} AND occurred_at <= ? GROUP BY member_id`,
      toId !== null ? [fromId, toId, asOf] : [fromId, asOf],
    );
    const lastByMember = new Map(last.map((r) => [r.member_id, r.at]));
    return rows.map((r) => ({
      memberId: r.id,
      spendCents: toInt(r.spend),
      points: toInt(r.points),
      purchases: toInt(r.purchases),
      lastPurchaseAt: lastByMember.get(r.id) ?? null,
    }));
  }

  /** Writes the figures and scores of a range (multi-row upserts); grades and ranks are left to the finalising step. */
  async upsertFigures(runId: string, rows: MemberValueRow[], now: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      const batch = rows.slice(i, i + UPSERT_BATCH);
      await this.dataSource.query(
        `INSERT INTO member_values (member_id, score, spend_12m, points_12m, purchases_12m, last_purchase_at, run_id, computed_at)
         VALUES ${placeholders(batch.length, 8)}
         ON DUPLICATE KEY UPDATE score = VALUES(score), spend_12m = VALUES(spend_12m), points_12m = VALUES(points_12m),
           purchases_12m = VALUES(purchases_12m), last_purchase_at = VALUES(last_purchase_at), run_id = VALUES(run_id),
           computed_at = VALUES(computed_at)`,
        batch.flatMap((r) => [
          r.memberId,
          r.score,
          r.figures.spendCents,
          r.figures.points,
          r.figures.purchases,
          r.figures.lastPurchaseAt,
          runId,
          now,
        ]),
      );
    }
  }

  /**
   * The grade cut-offs over the whole population, set-based: the score of the
   * member (by score desc) whose cumulative score first reaches 80% / 95% of
   * the total (or the run's shares). Same result as gradeCutoffs() (ties at a cut-off share it).
   */
  async cutoffs(shares: { a: number; b: number } = GRADE_SHARES): Promise<GradeCutoffs & { members: number; totalScore: number }> {
    const [row]: Array<{ a: string | null; b: string | null; total: string | null; members: string | number }> =
      await this.dataSource.query(
        `SELECT MAX(CASE WHEN cum * 100 >= total * ? THEN score END) AS a,
                MAX(CASE WHEN cum * 100 >= total * ? THEN score END) AS b,
                MAX(total) AS total, COUNT(*) AS members
           FROM (SELECT score,
                        SUM(GREATEST(score, 0)) OVER (ORDER BY score DESC, member_id ROWS UNBOUNDED PRECEDING) AS cum,
                        SUM(GREATEST(score, 0)) OVER () AS total
                   FROM member_values) t`,
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
   * Moves each member's grade to previous_grade, once per run: a finalising
   * step run again (a retried job) finds graded_run_id already set and keeps
   * the previous grade it wrote the first time.
   */
  async keepPreviousGrades(runId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE member_values SET previous_grade = grade, graded_run_id = ? WHERE graded_run_id IS NULL OR graded_run_id <> ?',
      [runId, runId],
    );
  }

  /**
   * Grades, RFM quintiles and ranks of every member in one set-based UPDATE
   * (window functions; MariaDB 10.2+ and MySQL 8). Quintile = ceil(5 × c / n)
   * where c = the members at or below the member's figure = n − RANK() by the
   * figure descending + 1, as quintile() computes; no purchase gives R = 1,
   * no purchases F = 1, no spend M = 1. STRAIGHT_JOIN: the rows are updated
   * in primary-key order, each finding its ranks by the derived table's key,
   * not in the order of the last window's sort (random pages: twice as slow).
   */
  async writeGrades(runId: string, cutoffs: GradeCutoffs, members: number): Promise<void> {
    if (members === 0) {
      return;
    }
    // A null cut-off (nobody has value) grades everyone C.
    const a = cutoffs.a ?? Number.MAX_SAFE_INTEGER;
    const b = cutoffs.b ?? Number.MAX_SAFE_INTEGER;
    const n = members;
    await this.dataSource.query(
      `UPDATE member_values mv
         STRAIGHT_JOIN (SELECT member_id,
                      ROW_NUMBER() OVER (ORDER BY ${RANK_ORDER_SQL}) AS rn,
                      RANK() OVER (ORDER BY DATE(last_purchase_at) DESC) AS rr,
                      RANK() OVER (ORDER BY purchases_12m DESC) AS fr,
                      RANK() OVER (ORDER BY spend_12m DESC) AS mr
                 FROM member_values) t ON t.member_id = mv.member_id
          SET mv.value_rank = t.rn,
              mv.r = CASE WHEN mv.last_purchase_at IS NULL THEN 1 ELSE (5 * (? - t.rr + 1) + ? - 1) DIV ? END,
              mv.f = CASE WHEN mv.purchases_12m <= 0 THEN 1 ELSE (5 * (? - t.fr + 1) + ? - 1) DIV ? END,
              mv.m = CASE WHEN mv.spend_12m <= 0 THEN 1 ELSE (5 * (? - t.mr + 1) + ? - 1) DIV ? END,
              mv.grade = CASE WHEN mv.score > 0 AND mv.score >= ? THEN 'A' WHEN mv.score > 0 AND mv.score >= ? THEN 'B' ELSE 'C' END,
              mv.graded_run_id = ?`,
      [n, n, n, n, n, n, n, n, n, a, b, runId],
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
