import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { placeholders } from '../../database/multi-row';
import { inTransaction } from '../../database/transaction';
import { ChurnCell, ClubChurnCell } from './rules/churn-rollup';
import { BUSINESS_UTC_OFFSET_HOURS, DAY_MS, Figure, Report } from './rules/figures';

export interface SnapshotRow {
  id: string;
  asOf: Date;
  finishedAt: Date;
  valueRunId: string | null;
  valueRunAsOf: Date | null;
  redemptionCentsPer100Points: number;
}

/** Ledger totals by entry type, over all time up to the snapshot's instant (a period's come from the daily figures). */
export interface PointTotals {
  issued: number;
  redeemed: number;
  expired: number;
}

export interface BalanceTotals {
  outstanding: number;
  debt: number;
  pending: number;
}

export interface TierMoveRow {
  month: string;
  fromTier: string | null;
  toTier: string;
  reason: string;
  members: number;
}

/** One figure of one business day: members joined, receipts, net sales (cents), points issued, redeemed and expired, coupons used. */
export type DailyLabel = 'joined' | 'receipts' | 'sales' | 'issued' | 'redeemed' | 'expired' | 'coupons';
export interface DailyRow {
  day: string;
  label: DailyLabel;
  value: number;
}

/** Distinct buyers in a current window [from, asOf] and in the window before it [previousFrom, from). */
export interface ActiveWindow {
  days: number;
  from: Date;
  previousFrom: Date;
}

const FIGURE_BATCH = 500;
/** The business day (YYYY-MM-DD, Asia/Shanghai) of a DATETIME column. */
const DAY_OF = (column: string) => `DATE_FORMAT(DATE_ADD(${column}, INTERVAL ${BUSINESS_UTC_OFFSET_HOURS} HOUR), '%Y-%m-%d')`;
/** Snapshots kept; older ones and their figures are deleted when a new one is written. */
export const SNAPSHOTS_KEPT = 30;

/** How long a member has been idle at asOf: their last purchase, or their join when they never bought. */
const IDLE_SQL = `CASE
    WHEN COALESCE(lp.last_at, m.created_at) <= ? THEN 365
    WHEN COALESCE(lp.last_at, m.created_at) <= ? THEN 180
    WHEN COALESCE(lp.last_at, m.created_at) <= ? THEN 90
    ELSE 0 END`;
const LAST_PURCHASE_SQL = 'SELECT member_id, MAX(occurred_at) AS last_at FROM purchases WHERE occurred_at <= ? GROUP BY member_id';

function idleBounds(asOf: Date): Date[] {
  return [365, 180, 90].map((days) => new Date(asOf.getTime() - days * DAY_MS));
}

/**
 * All SQL of analytics: the set-based aggregates a snapshot is made of (read
 * in one consistent snapshot of the database, see readConsistently), the
 * snapshot tables, and the few live counts.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs the reads in one read-only transaction WITH CONSISTENT SNAPSHOT: every
   * aggregate sees the same committed state, so the figures add up with each
   * other (e.g. issued − redeemed − expired = outstanding − debt). Plain
   * consistent reads take no locks: postings go on meanwhile.
   */
  async readConsistently<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      try {
        return await fn(runner.manager);
      } finally {
        await runner.query('COMMIT');
      }
    } finally {
      await runner.release();
    }
  }

  /** The churn cube: members (not merged, joined by asOf) by tier, grade, month of last purchase and idle bucket. */
  async churnCube(m: EntityManager, asOf: Date): Promise<ChurnCell[]> {
    const rows: Array<{ tier: string; grade: string; month: string; idle: unknown; members: unknown }> = await m.query(
      `SELECT m.tier_code AS tier, COALESCE(v.grade, '') AS grade, COALESCE(DATE_FORMAT(lp.last_at, '%Y-%m'), '') AS month,
              ${IDLE_SQL} AS idle, COUNT(*) AS members
         FROM members m
         LEFT JOIN (${LAST_PURCHASE_SQL}) lp ON lp.member_id = m.id
         LEFT JOIN member_values v ON v.member_id = m.id
        WHERE m.status <> 'merged' AND m.created_at <= ?
        GROUP BY tier, grade, month, idle`,
      [...idleBounds(asOf), asOf, asOf],
    );
    return rows.map((r) => ({
      tier: r.tier,
      grade: r.grade,
      month: r.month,
      idleDays: toInt(r.idle) as ChurnCell['idleDays'],
      members: toInt(r.members),
    }));
  }

  /** Active club members (now) by club and idle bucket at asOf. */
  async clubChurn(m: EntityManager, asOf: Date): Promise<ClubChurnCell[]> {
    const rows: Array<{ club_id: string; idle: unknown; members: unknown }> = await m.query(
      `SELECT cm.club_id, ${IDLE_SQL} AS idle, COUNT(*) AS members
         FROM club_members cm
         JOIN members m ON m.id = cm.member_id
         LEFT JOIN (${LAST_PURCHASE_SQL}) lp ON lp.member_id = m.id
        WHERE cm.status = 'active' AND m.status <> 'merged' AND m.created_at <= ?
        GROUP BY cm.club_id, idle`,
      [...idleBounds(asOf), asOf, asOf],
    );
    return rows.map((r) => ({ clubId: r.club_id, idleDays: toInt(r.idle) as ClubChurnCell['idleDays'], members: toInt(r.members) }));
  }

  /**
   * Ledger totals up to asOf: issued = accrual + bonus +
   * adjustment + goodwill + refund_clawback (signed: clawbacks and negative adjustments
   * take issuance back); redeemed = redemptions net of their cancellations;
   * expired = expiries. Merges move points between members and add up to zero.
   */
  async pointTotals(m: EntityManager, asOf: Date): Promise<PointTotals> {
    const [row]: Array<Record<string, unknown>> = await m.query(
      `SELECT
         COALESCE(SUM(CASE WHEN type IN ('accrual', 'bonus', 'adjustment', 'goodwill', 'refund_clawback') THEN points END), 0) AS issued,
         COALESCE(-SUM(CASE WHEN type IN ('redemption', 'redemption_cancel') THEN points END), 0) AS redeemed,
         COALESCE(-SUM(CASE WHEN type = 'expiry' THEN points END), 0) AS expired
       FROM point_entries WHERE created_at <= ?`,
      [asOf],
    );
    return { issued: toInt(row.issued), redeemed: toInt(row.redeemed), expired: toInt(row.expired) };
  }

  /** Outstanding (positive balances), debt (negative balances, as a positive number) and pending points, now. */
  async balances(m: EntityManager): Promise<BalanceTotals> {
    const [row]: Array<Record<string, unknown>> = await m.query(
      `SELECT COALESCE(SUM(GREATEST(balance, 0)), 0) AS outstanding, COALESCE(-SUM(LEAST(balance, 0)), 0) AS debt,
              COALESCE(SUM(pending), 0) AS pending
         FROM point_accounts`,
    );
    return { outstanding: toInt(row.outstanding), debt: toInt(row.debt), pending: toInt(row.pending) };
  }

  /** Points left in lots by calendar month (UTC) of their expiry, for expiry in [from, to). */
  async expiringByMonth(m: EntityManager, from: Date, to: Date): Promise<Array<{ month: string; points: number }>> {
    const rows: Array<{ month: string; points: unknown }> = await m.query(
      `SELECT DATE_FORMAT(expires_at, '%Y-%m') AS month, SUM(remaining) AS points
         FROM point_lots WHERE expires_at >= ? AND expires_at < ? AND remaining > 0
        GROUP BY month`,
      [from, to],
    );
    return rows.map((r) => ({ month: r.month, points: toInt(r.points) }));
  }

  /**
   * Per business day in [from, asOf], days with nothing left out: members who joined (those not merged into
   * another since), receipts not refunded in full and net sales (total − refunded, by the day of the sale), points
   * issued, redeemed and expired (the sets of pointTotals, by the day of the entry) and coupons used at the till (uses not
   * returned by a refund).
   */
  async dailyActivity(m: EntityManager, from: Date, asOf: Date): Promise<DailyRow[]> {
    const out: DailyRow[] = [];
    const push = (day: string, label: DailyLabel, value: unknown) => {
      const n = toInt(value);
      if (n !== 0) {
        out.push({ day, label, value: n });
      }
    };
    const joined: Array<{ day: string; n: unknown }> = await m.query(
      `SELECT ${DAY_OF('created_at')} AS day, COUNT(*) AS n FROM members
        WHERE status <> 'merged' AND created_at >= ? AND created_at <= ? GROUP BY day`,
      [from, asOf],
    );
    joined.forEach((r) => push(r.day, 'joined', r.n));
    const sales: Array<{ day: string; receipts: unknown; sales: unknown }> = await m.query(
      `SELECT ${DAY_OF('occurred_at')} AS day, COALESCE(SUM(refunded_cents < total_cents), 0) AS receipts,
              COALESCE(SUM(total_cents - refunded_cents), 0) AS sales
         FROM purchases WHERE occurred_at >= ? AND occurred_at <= ? GROUP BY day`,
      [from, asOf],
    );
    sales.forEach((r) => {
      push(r.day, 'receipts', r.receipts);
      push(r.day, 'sales', r.sales);
    });
    const points: Array<{ day: string; issued: unknown; redeemed: unknown; expired: unknown }> = await m.query(
      `SELECT ${DAY_OF('created_at')} AS day,
              COALESCE(SUM(CASE WHEN type IN ('accrual', 'bonus', 'adjustment', 'goodwill', 'refund_clawback') THEN points END), 0) AS issued,
              COALESCE(-SUM(CASE WHEN type IN ('redemption', 'redemption_cancel') THEN points END), 0) AS redeemed,
              COALESCE(-SUM(CASE WHEN type = 'expiry' THEN points END), 0) AS expired
         FROM point_entries WHERE created_at >= ? AND created_at <= ? GROUP BY day`,
      [from, asOf],
    );
    points.forEach((r) => {
      push(r.day, 'issued', r.issued);
      push(r.day, 'redeemed', r.redeemed);
      push(r.day, 'expired', r.expired);
    });
    const coupons: Array<{ day: string; n: unknown }> = await m.query(
      `SELECT ${DAY_OF('occurred_at')} AS day, COUNT(*) AS n FROM coupon_uses
        WHERE status = 'redeemed' AND occurred_at >= ? AND occurred_at <= ? GROUP BY day`,
      [from, asOf],
    );
    coupons.forEach((r) => push(r.day, 'coupons', r.n));
    return out;
  }

  /**
   * Lapses per business day in [from, asOf]: for each churn window N, the members (not merged, joined by asOf) whose
   * idle stretch reached N days on that day and still runs at asOf — their last purchase (or their join, when they
   * never bought) plus N days falls on the day. One pass over the members and their last purchase, each row counted
   * once per window. A member who lapsed and bought again since is not counted (their stretch ended).
   */
  async lapsesByDay(m: EntityManager, from: Date, asOf: Date): Promise<Array<{ days: number; day: string; members: number }>> {
    const since = 'COALESCE(lp.last_at, m.created_at)';
    const rows: Array<{ days: unknown; day: string; members: unknown }> = await m.query(
      `SELECT w.days, ${DAY_OF(`DATE_ADD(${since}, INTERVAL w.days DAY)`)} AS day, COUNT(*) AS members
         FROM members m
         LEFT JOIN (${LAST_PURCHASE_SQL}) lp ON lp.member_id = m.id
         JOIN (SELECT 90 AS days UNION ALL SELECT 180 UNION ALL SELECT 365) w
        WHERE m.status <> 'merged' AND m.created_at <= ?
          AND DATE_ADD(${since}, INTERVAL w.days DAY) >= ? AND DATE_ADD(${since}, INTERVAL w.days DAY) <= ?
        GROUP BY w.days, day`,
      [asOf, asOf, from, asOf],
    );
    return rows.map((r) => ({ days: toInt(r.days), day: r.day, members: toInt(r.members) }));
  }

  /**
   * Buyers, repeat buyers and receipts (not refunded in full) in each window [from, asOf]: the loyalty figures of the
   * preset periods, which do not add up from days (a buyer of two days is one buyer).
   */
  async loyaltyWindows(
    m: EntityManager,
    windows: Array<{ days: number; from: Date }>,
    asOf: Date,
  ): Promise<Array<{ days: number; buyers: number; repeaters: number; purchases: number }>> {
    if (windows.length === 0) {
      return [];
    }
    const earliest = new Date(Math.min(...windows.map((w) => w.from.getTime())));
    const columns = windows.map((w) => `COALESCE(SUM(occurred_at >= ?), 0) AS n${w.days}`);
    const sums = windows.map(
      (w) =>
        `COALESCE(SUM(n${w.days} > 0), 0) AS b${w.days}, COALESCE(SUM(n${w.days} >= 2), 0) AS r${w.days}, COALESCE(SUM(n${w.days}), 0) AS p${w.days}`,
    );
    const [row]: Array<Record<string, unknown>> = await m.query(
      `SELECT ${sums.join(', ')} FROM (
         SELECT member_id, ${columns.join(', ')} FROM purchases
          WHERE occurred_at >= ? AND occurred_at <= ? AND refunded_cents < total_cents GROUP BY member_id) b`,
      [...windows.map((w) => w.from), earliest, asOf],
    );
    return windows.map((w) => ({
      days: w.days,
      buyers: toInt(row[`b${w.days}`]),
      repeaters: toInt(row[`r${w.days}`]),
      purchases: toInt(row[`p${w.days}`]),
    }));
  }

  /** Members with at least one purchase (a receipt refunded later still counts as a visit) in each window and the one before it. */
  async activeMembers(
    m: EntityManager,
    windows: ActiveWindow[],
    asOf: Date,
  ): Promise<Array<{ days: number; current: number; previous: number }>> {
    if (windows.length === 0) {
      return [];
    }
    const earliest = new Date(Math.min(...windows.map((w) => w.previousFrom.getTime())));
    const columns = windows.map((w) => `MAX(occurred_at >= ?) AS c${w.days}, MAX(occurred_at >= ? AND occurred_at < ?) AS p${w.days}`);
    const sums = windows.map((w) => `COALESCE(SUM(c${w.days}), 0) AS c${w.days}, COALESCE(SUM(p${w.days}), 0) AS p${w.days}`);
    const [row]: Array<Record<string, unknown>> = await m.query(
      `SELECT ${sums.join(', ')} FROM (
         SELECT member_id, ${columns.join(', ')} FROM purchases WHERE occurred_at >= ? AND occurred_at <= ? GROUP BY member_id) b`,
      [...windows.flatMap((w) => [w.from, w.previousFrom, w.from]), earliest, asOf],
    );
    return windows.map((w) => ({ days: w.days, current: toInt(row[`c${w.days}`]), previous: toInt(row[`p${w.days}`]) }));
  }

  /** Campaigns fanning out now and live bonus rules (state active), newest first. */
  async liveCampaigns(limit: number): Promise<Array<{ id: string; name: string; state: string; startsAt: Date | null }>> {
    const rows: Array<{ id: string; name: string; state: string; starts_at: Date | null }> = await this.dataSource.query(
      `SELECT id, name, state, starts_at FROM campaigns WHERE state IN ('running', 'active') ORDER BY created_at DESC, id LIMIT ${Number(limit)}`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, state: r.state, startsAt: r.starts_at }));
  }

  /** The last finished value run, whose grades and RFM scores member_values holds. */
  async latestValueRun(m: EntityManager): Promise<{ id: string; asOf: Date } | null> {
    const [row]: Array<{ id: string; as_of: Date }> = await m.query(
      'SELECT id, as_of FROM value_runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1',
    );
    return row ? { id: row.id, asOf: row.as_of } : null;
  }

  /** Members per (recency, frequency) score pair of the last value run. */
  async rfmCells(m: EntityManager): Promise<Array<{ r: number; f: number; members: number }>> {
    const rows: Array<{ r: unknown; f: unknown; members: unknown }> = await m.query(
      'SELECT r, f, COUNT(*) AS members FROM member_values WHERE r IS NOT NULL AND f IS NOT NULL GROUP BY r, f',
    );
    return rows.map((row) => ({ r: toInt(row.r), f: toInt(row.f), members: toInt(row.members) }));
  }

  async tierDistribution(m: EntityManager): Promise<Array<{ tier: string; members: number }>> {
    const rows: Array<{ tier_code: string; members: unknown }> = await m.query(
      "SELECT tier_code, COUNT(*) AS members FROM members WHERE status <> 'merged' GROUP BY tier_code",
    );
    return rows.map((r) => ({ tier: r.tier_code, members: toInt(r.members) }));
  }

  async tierRanks(m: EntityManager = this.dataSource.manager): Promise<Array<{ code: string; name: string; rank: number }>> {
    const rows: Array<{ code: string; name: string; rank: unknown }> = await m.query(
      'SELECT code, name, `rank` FROM tiers ORDER BY `rank`',
    );
    return rows.map((r) => ({ code: r.code, name: r.name, rank: toInt(r.rank) }));
  }

  /** tier_history rows in [from, asOf] by month (UTC; or by business day, Asia/Shanghai), from, to and reason. */
  async tierMoves(m: EntityManager, from: Date, asOf: Date, by: 'month' | 'day' = 'month'): Promise<TierMoveRow[]> {
    const bucket = by === 'day' ? DAY_OF('created_at') : "DATE_FORMAT(created_at, '%Y-%m')";
    const rows: Array<{ month: string; from_tier: string | null; to_tier: string; reason: string; members: unknown }> = await m.query(
      `SELECT ${bucket} AS month, from_tier, to_tier, reason, COUNT(*) AS members
         FROM tier_history WHERE created_at >= ? AND created_at <= ?
        GROUP BY month, from_tier, to_tier, reason`,
      [from, asOf],
    );
    return rows.map((r) => ({ month: r.month, fromTier: r.from_tier, toTier: r.to_tier, reason: r.reason, members: toInt(r.members) }));
  }

  /**
   * Writes a snapshot and its figures in one transaction (readers see all of
   * it or none), replacing what an earlier attempt of the same snapshot wrote,
   * then drops the snapshots beyond the newest SNAPSHOTS_KEPT.
   */
  async saveSnapshot(snapshot: SnapshotRow & { startedAt: Date }, figures: Figure[]): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      await m.query('DELETE FROM analytics_figures WHERE snapshot_id = ?', [snapshot.id]);
      for (let i = 0; i < figures.length; i += FIGURE_BATCH) {
        const batch = figures.slice(i, i + FIGURE_BATCH);
        await m.query(
          `INSERT INTO analytics_figures (snapshot_id, report, series, label, value) VALUES ${placeholders(batch.length, 5)}`,
          batch.flatMap((f) => [snapshot.id, f.report, f.series, f.label, f.value]),
        );
      }
      await m.query(
        `INSERT INTO analytics_snapshots (id, as_of, started_at, finished_at, value_run_id, value_run_as_of, redemption_cents_per_100_points)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE as_of = VALUES(as_of), finished_at = VALUES(finished_at), value_run_id = VALUES(value_run_id),
           value_run_as_of = VALUES(value_run_as_of), redemption_cents_per_100_points = VALUES(redemption_cents_per_100_points)`,
        [
          snapshot.id,
          snapshot.asOf,
          snapshot.startedAt,
          snapshot.finishedAt,
          snapshot.valueRunId,
          snapshot.valueRunAsOf,
          snapshot.redemptionCentsPer100Points,
        ],
      );
    });
    const old: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM analytics_snapshots WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1000 OFFSET ${SNAPSHOTS_KEPT}`,
    );
    if (old.length > 0) {
      const ids = old.map((o) => o.id);
      const list = ids.map(() => '?').join(', ');
      await inTransaction(this.dataSource, async (m) => {
        await m.query(`DELETE FROM analytics_figures WHERE snapshot_id IN (${list})`, ids);
        await m.query(`DELETE FROM analytics_snapshots WHERE id IN (${list})`, ids);
      });
    }
  }

  async latestSnapshot(): Promise<SnapshotRow | null> {
    const [row]: Array<{
      id: string;
      as_of: Date;
      finished_at: Date;
      value_run_id: string | null;
      value_run_as_of: Date | null;
      redemption_cents_per_100_points: unknown;
    }> = await this.dataSource.query(
      `SELECT id, as_of, finished_at, value_run_id, value_run_as_of, redemption_cents_per_100_points
         FROM analytics_snapshots WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1`,
    );
    return row
      ? {
          id: row.id,
          asOf: row.as_of,
          finishedAt: row.finished_at,
          valueRunId: row.value_run_id,
          valueRunAsOf: row.value_run_as_of,
          redemptionCentsPer100Points: toInt(row.redemption_cents_per_100_points),
        }
      : null;
  }

  /** The figures of one report of a snapshot: one primary-key range read. */
  async figures(snapshotId: string, reports: Report[]): Promise<Figure[]> {
    const rows: Array<{ report: Report; series: string; label: string; value: unknown }> = await this.dataSource.query(
      `SELECT report, series, label, value FROM analytics_figures WHERE snapshot_id = ? AND report IN (${reports.map(() => '?').join(', ')})`,
      [snapshotId, ...reports],
    );
    return rows.map((r) => ({ report: r.report, series: r.series, label: r.label, value: toInt(r.value) }));
  }

  /** Campaigns fanning out now, and bonus rules live now (active: window open, not paused or cancelled). */
  async runningCampaigns(): Promise<number> {
    const [row]: Array<{ n: unknown }> = await this.dataSource.query(
      "SELECT COUNT(*) AS n FROM campaigns WHERE state IN ('running', 'active')",
    );
    return toInt(row.n);
  }

  async clubNames(ids: string[]): Promise<Map<string, { code: string; name: string; nameEn: string }>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows: Array<{ id: string; code: string; name: string; name_en: string }> = await this.dataSource.query(
      `SELECT id, code, name, name_en FROM clubs WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, nameEn: r.name_en }]));
  }
}
