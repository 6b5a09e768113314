import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../../common/transformers';
import { placeholders } from '../../../database/multi-row';
import { inTransaction, WriteResult } from '../../../database/transaction';
import { RANK_REVIEW } from '../rank-review/start-rank-review.use-case';
import { LadderTier } from '../rules/ladder';
import { QualifyingStats, qualifyingSumsSelect } from '../../points/rules/qualifying-sums';
import { readQualifyingStats } from '../../points/ledger/qualifying-sums.queries';
import { criteriaSql } from '../criteria/tier-criteria';

export interface MemberRangeBounds {
  fromId: string;
  toId: string | null;
}

export interface SimulationCell {
  currentCode: string;
  proposedCode: string;
  members: number;
  spendCents: number;
}

function rangeSql(alias: string, range: MemberRangeBounds): { sql: string; params: string[] } {
  return range.toId !== null
    ? { sql: `${alias} >= ? AND ${alias} < ?`, params: [range.fromId, range.toId] }
    : { sql: `${alias} >= ?`, params: [range.fromId] };
}

/** A refresh of member_window_stats: the windows it summed and the instant it is for. */
export interface WindowSnapshot {
  id: string;
  windowStart: string;
  spendStart: string;
  asOf: Date;
  finishedAt: Date | null;
}

const inList = (n: number) => new Array(n).fill('?').join(', ');

/** All SQL of reviews, grants, birthday bonuses and the simulation. */
@Injectable()
export class TierEngineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rolling-window sums per member: one primary-key range read of member_monthly_stats per member. */
  async windowStats(m: EntityManager, memberIds: string[], fromMonth: string): Promise<Map<string, QualifyingStats>> {
    return readQualifyingStats(m, memberIds, { start: fromMonth });
  }

  /** The next members of the range whose review date has come. */
  async dueForReview(range: MemberRangeBounds, asOf: Date, afterId: string, limit: number): Promise<string[]> {
    const r = rangeSql('id', range);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM members WHERE ${r.sql} AND id > ? AND tier_review_at <= ? ORDER BY id LIMIT ${Number(limit)}`,
      [...r.params, afterId, asOf],
    );
    return rows.map((row) => row.id);
  }

  /** Locks the members still due (a purchase changing their tier meanwhile waits, or has already moved them). */
  async lockDue(m: EntityManager, memberIds: string[], asOf: Date): Promise<Array<{ id: string; tierCode: string }>> {
    const rows: Array<{ id: string; tier_code: string }> = await m.query(
      `SELECT id, tier_code FROM members WHERE id IN (${inList(memberIds.length)}) AND tier_review_at <= ? ORDER BY id FOR UPDATE`,
      [...memberIds, asOf],
    );
    return rows.map((r) => ({ id: r.id, tierCode: r.tier_code }));
  }

  /** Open grants that still count at asOf, by member. */
  async activeGrants(m: EntityManager, memberIds: string[], asOf: Date): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (memberIds.length === 0) {
      return out;
    }
    const rows: Array<{ member_id: string; tier_code: string }> = await m.query(
      `SELECT member_id, tier_code FROM tier_grants
        WHERE member_id IN (${inList(memberIds.length)}) AND ended_at IS NULL AND ends_at > ? ORDER BY id`,
      [...memberIds, asOf],
    );
    for (const r of rows) {
      out.set(r.member_id, r.tier_code);
    }
    return out;
  }

  async setReviewAt(m: EntityManager, memberIds: string[], reviewAt: Date | null, now: Date): Promise<void> {
    if (memberIds.length === 0) {
      return;
    }
    await m.query(`UPDATE members SET tier_review_at = ?, updated_at = ? WHERE id IN (${inList(memberIds.length)})`, [
      reviewAt,
      now,
      ...memberIds,
    ]);
  }

  /** The next open grants of the range whose end has come, one per member (the newest). */
  async endedGrants(range: MemberRangeBounds, asOf: Date, afterMemberId: string, limit: number): Promise<string[]> {
    const r = rangeSql('member_id', range);
    const rows: Array<{ member_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT member_id FROM tier_grants
        WHERE ended_at IS NULL AND ends_at <= ? AND ${r.sql} AND member_id > ?
        ORDER BY member_id LIMIT ${Number(limit)}`,
      [asOf, ...r.params, afterMemberId],
    );
    return rows.map((row) => row.member_id);
  }

  /** Locks the members and their ended open grants; answers member, tier and granted tier. */
  async lockEndedGrants(
    m: EntityManager,
    memberIds: string[],
    asOf: Date,
  ): Promise<Array<{ memberId: string; tierCode: string; grantIds: number[]; grantedCode: string }>> {
    const members: Array<{ id: string; tier_code: string }> = await m.query(
      `SELECT id, tier_code FROM members WHERE id IN (${inList(memberIds.length)}) ORDER BY id FOR UPDATE`,
      memberIds,
    );
    const grants: Array<{ id: string; member_id: string; tier_code: string }> = await m.query(
      `SELECT id, member_id, tier_code FROM tier_grants
        WHERE member_id IN (${inList(memberIds.length)}) AND ended_at IS NULL AND ends_at <= ? ORDER BY id FOR UPDATE`,
      [...memberIds, asOf],
    );
    return members.flatMap((mb) => {
      const own = grants.filter((g) => g.member_id === mb.id);
      return own.length === 0
        ? []
        : [
            {
              memberId: mb.id,
              tierCode: mb.tier_code,
              grantIds: own.map((g) => Number(g.id)),
              grantedCode: own[own.length - 1].tier_code,
            },
          ];
    });
  }

  /**
   * Of the members, those the last completed rank review picked, with the
   * rank tier it picked them for (a run still going, or one that failed, is
   * not the last word).
   */
  async pickedByLastRankReview(m: EntityManager, memberIds: string[]): Promise<Map<string, string>> {
    if (memberIds.length === 0) {
      return new Map();
    }
    const rows: Array<{ member_id: string; tier_code: string }> = await m.query(
      `SELECT p.member_id, p.tier_code FROM rank_review_picks p
        WHERE p.run_id = (SELECT r.id FROM job_runs r WHERE r.kind = ? AND r.state = 'completed' ORDER BY r.created_at DESC, r.id DESC LIMIT 1)
          AND p.member_id IN (${inList(memberIds.length)})`,
      [RANK_REVIEW.kind, ...memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, r.tier_code]));
  }

  async endGrants(m: EntityManager, grantIds: number[], at: Date): Promise<void> {
    if (grantIds.length === 0) {
      return;
    }
    await m.query(`UPDATE tier_grants SET ended_at = ? WHERE id IN (${inList(grantIds.length)}) AND ended_at IS NULL`, [at, ...grantIds]);
  }

  async lockMember(m: EntityManager, memberId: string): Promise<{ id: string; tierCode: string } | null> {
    const rows: Array<{ id: string; tier_code: string }> = await m.query('SELECT id, tier_code FROM members WHERE id = ? FOR UPDATE', [
      memberId,
    ]);
    return rows[0] ? { id: rows[0].id, tierCode: rows[0].tier_code } : null;
  }

  async endOpenGrantsOf(m: EntityManager, memberId: string, at: Date): Promise<void> {
    await m.query('UPDATE tier_grants SET ended_at = ? WHERE member_id = ? AND ended_at IS NULL', [at, memberId]);
  }

  async insertGrant(
    m: EntityManager,
    g: { memberId: string; tierCode: string; fromTier: string; endsAt: Date; reason: string; grantedBy: string | null; at: Date },
  ): Promise<number> {
    const res: { insertId: number } = await m.query(
      'INSERT INTO tier_grants (member_id, tier_code, from_tier, ends_at, reason, granted_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [g.memberId, g.tierCode, g.fromTier, g.endsAt, g.reason, g.grantedBy, g.at],
    );
    return Number(res.insertId);
  }

  /** The next members of the range celebrating a birthday (MM-DD in `days`) without a bonus for the year yet. */
  async birthdayMembers(range: MemberRangeBounds, days: string[], year: number, afterId: string, limit: number): Promise<string[]> {
    const r = rangeSql('m.id', range);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT m.id FROM members m
         LEFT JOIN birthday_bonuses b ON b.member_id = m.id AND b.year = ?
        WHERE ${r.sql} AND m.id > ? AND m.birthday IS NOT NULL
          AND DATE_FORMAT(m.birthday, '%m-%d') IN (${inList(days.length)}) AND b.member_id IS NULL
        ORDER BY m.id LIMIT ${Number(limit)}`,
      [year, ...r.params, afterId, ...days],
    );
    return rows.map((row) => row.id);
  }

  /** Of the members, those who already have the year's bonus (read under the account locks). */
  async bonusedIn(m: EntityManager, memberIds: string[], year: number): Promise<Set<string>> {
    const rows: Array<{ member_id: string }> = await m.query(
      `SELECT member_id FROM birthday_bonuses WHERE year = ? AND member_id IN (${inList(memberIds.length)})`,
      [year, ...memberIds],
    );
    return new Set(rows.map((r) => r.member_id));
  }

  async insertBonuses(
    m: EntityManager,
    rows: Array<{ memberId: string; year: number; points: number; tierCode: string; at: Date }>,
  ): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO birthday_bonuses (member_id, year, points, tier_code, created_at) VALUES ${placeholders(rows.length, 5)}`,
      rows.flatMap((r) => [r.memberId, r.year, r.points, r.tierCode, r.at]),
    );
  }

  async insertSnapshot(s: { id: string; windowStart: string; spendStart: string; asOf: Date }): Promise<void> {
    await this.dataSource.query(
      'INSERT IGNORE INTO window_stats_snapshots (id, window_start, spend_start, as_of, finished_at) VALUES (?, ?, ?, ?, NULL)',
      [s.id, s.windowStart, s.spendStart, s.asOf],
    );
  }

  async findSnapshot(id: string): Promise<WindowSnapshot | null> {
    return (await this.snapshots('WHERE id = ?', [id]))[0] ?? null;
  }

  /** The newest finished refresh (by the instant its figures are for). */
  async latestSnapshot(): Promise<WindowSnapshot | null> {
    return (await this.snapshots('WHERE finished_at IS NOT NULL ORDER BY as_of DESC, id DESC LIMIT 1', []))[0] ?? null;
  }

  async finishSnapshot(id: string, at: Date): Promise<void> {
    await this.dataSource.query('UPDATE window_stats_snapshots SET finished_at = ? WHERE id = ? AND finished_at IS NULL', [at, id]);
  }

  private async snapshots(where: string, params: unknown[]): Promise<WindowSnapshot[]> {
    const rows: Array<{ id: string; window_start: string; spend_start: string; as_of: Date; finished_at: Date | null }> =
      await this.dataSource.query(
        `SELECT id, DATE_FORMAT(window_start, '%Y-%m-%d') AS window_start, DATE_FORMAT(spend_start, '%Y-%m-%d') AS spend_start,
                as_of, finished_at FROM window_stats_snapshots ${where}`,
        params,
      );
    return rows.map((r) => ({
      id: r.id,
      windowStart: r.window_start,
      spendStart: r.spend_start,
      asOf: r.as_of,
      finishedAt: r.finished_at,
    }));
  }

  /**
   * Replaces the range's rows of member_window_stats with the window sums of
   * every member of the range (one INSERT ... SELECT ... GROUP BY over
   * member_monthly_stats; a member without stats gets zeros), in one
   * transaction: a reader sees the range's old rows or its new ones. READ
   * COMMITTED: the source rows are read without locks, so purchases never
   * wait for it. Answers the members written.
   */
  async refreshWindowStats(range: MemberRangeBounds, windowStart: string, spendStart: string, asOf: Date): Promise<number> {
    const r = rangeSql('m.id', range);
    return inTransaction(
      this.dataSource,
      async (m) => {
        const old = rangeSql('member_id', range);
        await m.query(`DELETE FROM member_window_stats WHERE ${old.sql}`, old.params);
        const window = qualifyingSumsSelect('s', { only: { start: windowStart } });
        const spend12m = qualifyingSumsSelect('s', {
          only: { start: spendStart },
          sums: ['spendCents'],
          names: { spendCents: 'spend_12m_cents' },
        });
        const res: WriteResult = await m.query(
          `INSERT INTO member_window_stats (member_id, spend_cents, points, purchases, spend_12m_cents, computed_at)
           SELECT m.id, ${window.sql}, ${spend12m.sql}, ?
             FROM members m
             LEFT JOIN member_monthly_stats s ON s.member_id = m.id AND s.month >= LEAST(?, ?)
            WHERE ${r.sql}
            GROUP BY m.id`,
          [...window.params, ...spend12m.params, asOf, windowStart, spendStart, ...r.params],
        );
        return res.affectedRows;
      },
      4,
      'READ COMMITTED',
    );
  }

  /**
   * Where the proposed ladder's threshold tiers place each member, from the
   * snapshot's window sums: how many members (and how much 12-month spend)
   * move from each current tier to each proposed tier. Members in a rank tier
   * that the proposal keeps stay in it; a member not in the snapshot yet
   * counts with zero sums.
   *
   * Set-based without joining a million members to the snapshot (that join
   * alone costs seconds): most members hold the entry tier, so
   * 1. the snapshot alone is grouped by placement (one narrow scan);
   * 2. members above the entry tier (few; ix_members_tier) are joined to it;
   * 3. entry-tier members are counted (ix_members_tier);
   * and the entry tier's cells are (1) minus the others' snapshot rows of (2),
   * its members missing from the snapshot placed as zero sums. One
   * transaction, so the three reads see the same moment.
   */
  async simulate(ladder: LadderTier[], entryCode: string): Promise<SimulationCell[]> {
    const placement = placementSql(ladder);
    const rankCodes = new Set(ladder.filter((t) => t.kind === 'rank').map((t) => t.code));
    const proposedFor = (currentCode: string, placed: string) => (rankCodes.has(currentCode) ? currentCode : placed);
    type Row = { current_code?: string; placed: string; present?: string | number; members: string | number; spend: string | null };
    const [all, above, [entry], [zero]] = await inTransaction(this.dataSource, async (m) => [
      await m.query<Row[]>(
        `SELECT ${placement.sql} AS placed, COUNT(*) AS members, SUM(s.spend_12m_cents) AS spend
           FROM member_window_stats s GROUP BY placed ORDER BY NULL`,
        placement.params,
      ),
      await m.query<Row[]>(
        `SELECT m.tier_code AS current_code, ${placement.sql} AS placed, s.member_id IS NOT NULL AS present,
                COUNT(*) AS members, SUM(s.spend_12m_cents) AS spend
           FROM members m LEFT JOIN member_window_stats s ON s.member_id = m.id
          WHERE m.tier_code <> ? GROUP BY current_code, placed, present ORDER BY NULL`,
        [...placement.params, entryCode],
      ),
      await m.query<Array<{ members: string | number }>>('SELECT COUNT(*) AS members FROM members WHERE tier_code = ?', [entryCode]),
      await m.query<Array<{ placed: string }>>(
        `SELECT ${placement.sql} AS placed FROM (SELECT 0 AS spend_cents, 0 AS points, 0 AS purchases) s`,
        placement.params,
      ),
    ]);
    const cells: SimulationCell[] = above.map((r) => ({
      currentCode: r.current_code!,
      proposedCode: proposedFor(r.current_code!, r.placed),
      members: toInt(r.members),
      spendCents: r.spend === null ? 0 : toInt(r.spend),
    }));
    let entryMembers = toInt(entry.members);
    for (const r of all) {
      const others = above.filter((a) => a.placed === r.placed && toInt(a.present ?? 0) === 1);
      const members = toInt(r.members) - others.reduce((sum, a) => sum + toInt(a.members), 0);
      const spend = (r.spend === null ? 0 : toInt(r.spend)) - others.reduce((sum, a) => sum + (a.spend === null ? 0 : toInt(a.spend)), 0);
      if (members > 0) {
        cells.push({ currentCode: entryCode, proposedCode: proposedFor(entryCode, r.placed), members, spendCents: spend });
        entryMembers -= members;
      }
    }
    if (entryMembers > 0) {
      cells.push({ currentCode: entryCode, proposedCode: proposedFor(entryCode, zero.placed), members: entryMembers, spendCents: 0 });
    }
    return cells;
  }

  /** A merge: a year's birthday bonus given to either member counts once for the person. */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT IGNORE INTO birthday_bonuses (member_id, year, points, tier_code, created_at)
       SELECT ?, b.year, b.points, b.tier_code, b.created_at FROM birthday_bonuses b WHERE b.member_id = ?`,
      [toMemberId, fromMemberId],
    );
    await m.query('DELETE FROM birthday_bonuses WHERE member_id = ?', [fromMemberId]);
  }
}

/**
 * The proposed ladder's threshold tiers as one CASE over a row of window sums
 * (alias s, named as the qualifying sums), highest tier first, else the
 * entry tier. Rank tiers place nobody here: they are kept by their holders.
 */
function placementSql(ladder: LadderTier[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const whens: string[] = [];
  for (const tier of [...ladder].slice(1).reverse()) {
    if (tier.kind !== 'threshold') {
      continue;
    }
    const criteria = criteriaSql(tier, 's');
    if (criteria !== null) {
      whens.push(`WHEN ${criteria.sql} THEN ?`);
      params.push(...criteria.params, tier.code);
    }
  }
  params.push(ladder[0].code);
  return { sql: whens.length > 0 ? `CASE ${whens.join(' ')} ELSE ? END` : '?', params };
}
