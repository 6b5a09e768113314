import { DataSource, EntityManager } from 'typeorm';
import { MonthWindow, QualifyingStats, qualifyingStatsOfRow, qualifyingSumsByMember } from '../rules/qualifying-sums';

const BATCH = 1000;

/**
 * The qualifying sums of these members over the window, read in batches of
 * primary-key ranges (member_id, month): the one reader every caller of
 * per-member sums uses. Members with no month in the window are absent.
 */
export async function readQualifyingStats(
  db: EntityManager | DataSource,
  memberIds: string[],
  window: MonthWindow,
): Promise<Map<string, QualifyingStats>> {
  const out = new Map<string, QualifyingStats>();
  for (let i = 0; i < memberIds.length; i += BATCH) {
    const q = qualifyingSumsByMember(window, memberIds.slice(i, i + BATCH));
    const rows: Array<Record<string, unknown> & { member_id: string }> = await db.query(q.sql, q.params);
    for (const row of rows) {
      out.set(row.member_id, qualifyingStatsOfRow(row));
    }
  }
  return out;
}
