/**
 * The qualifying sums, written once: a member's purchases minus refunds,
 * points earned and purchase count over whole calendar months of
 * member_monthly_stats. Every statement that sums them (purchase upgrades,
 * reviews, the rank review, the simulation's snapshot, the value run, the
 * member page) builds its SQL from here, and every per-member read goes
 * through readQualifyingStats (qualifying-sums.queries.ts). Pure: text and
 * parameters only.
 */
import { toInt } from '../../../common/transformers';

/** Rolling-window figures of one member. Spend is purchases minus refunds. */
export interface QualifyingStats {
  spendCents: number;
  points: number;
  purchases: number;
}

export type QualifyingSum = keyof QualifyingStats;

/** Each sum's column in member_monthly_stats, which is also its name in a row of sums. */
export const QUALIFYING_SUM_COLUMNS: Readonly<Record<QualifyingSum, string>> = {
  spendCents: 'spend_cents',
  points: 'points',
  purchases: 'purchases',
};

const SUMS = Object.keys(QUALIFYING_SUM_COLUMNS) as QualifyingSum[];

export const ZERO_STATS: QualifyingStats = { spendCents: 0, points: 0, purchases: 0 };

/** Months YYYY-MM-01, both ends included; no end: up to the latest month. */
export interface MonthWindow {
  start: string;
  end?: string | null;
}

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** `alias.month` within the window (a primary-key range on (member_id, month)). */
export function monthsWithin(alias: string, window: MonthWindow): SqlFragment {
  return window.end
    ? { sql: `${alias}.month >= ? AND ${alias}.month <= ?`, params: [window.start, window.end] }
    : { sql: `${alias}.month >= ?`, params: [window.start] };
}

/**
 * The select list of the sums over rows `alias` of member_monthly_stats,
 * zero when there are none, named by QUALIFYING_SUM_COLUMNS or `names`.
 * With `only`, those months alone count (CASE), for a statement that sums
 * two windows in one scan; `sums` picks some of the three.
 */
export function qualifyingSumsSelect(
  alias: string,
  opts: { only?: MonthWindow; names?: Partial<Record<QualifyingSum, string>>; sums?: QualifyingSum[] } = {},
): SqlFragment {
  const params: unknown[] = [];
  const parts = (opts.sums ?? SUMS).map((sum) => {
    const column = `${alias}.${QUALIFYING_SUM_COLUMNS[sum]}`;
    let value = column;
    if (opts.only) {
      const within = monthsWithin(alias, opts.only);
      value = `CASE WHEN ${within.sql} THEN ${column} END`;
      params.push(...within.params);
    }
    return `COALESCE(SUM(${value}), 0) AS ${opts.names?.[sum] ?? QUALIFYING_SUM_COLUMNS[sum]}`;
  });
  return { sql: parts.join(', '), params };
}

/**
 * One row of sums per member of the list (or of every member with months in
 * the window, without a list), as a derived table: member_id and the sums.
 */
export function qualifyingSumsByMember(window: MonthWindow, memberIds?: string[]): SqlFragment {
  const select = qualifyingSumsSelect('s');
  const within = monthsWithin('s', window);
  const members = memberIds ? `s.member_id IN (${memberIds.map(() => '?').join(', ')}) AND ` : '';
  return {
    sql: `SELECT s.member_id, ${select.sql} FROM member_monthly_stats s WHERE ${members}${within.sql} GROUP BY s.member_id`,
    params: [...select.params, ...(memberIds ?? []), ...within.params],
  };
}

/** The sums of a row read with the default names (BIGINT sums come back as strings). */
export function qualifyingStatsOfRow(row: Record<string, unknown>): QualifyingStats {
  return {
    spendCents: toInt(row[QUALIFYING_SUM_COLUMNS.spendCents] ?? 0),
    points: toInt(row[QUALIFYING_SUM_COLUMNS.points] ?? 0),
    purchases: toInt(row[QUALIFYING_SUM_COLUMNS.purchases] ?? 0),
  };
}
