import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../../common/transformers';
import { placeholders } from '../../../database/multi-row';
import { LadderTier } from '../rules/ladder';
import { QualifyingStats } from '../rules/tier-qualification';

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

const inList = (n: number) => new Array(n).fill('?').join(', ');

/** All SQL of reviews, grants, birthday bonuses and the simulation. */
@Injectable()
export class TierEngineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rolling-window sums per member: one primary-key range read of member_monthly_stats per member. */
  async windowStats(m: EntityManager, memberIds: string[], fromMonth: string): Promise<Map<string, QualifyingStats>> {
    const out = new Map<string, QualifyingStats>();
    if (memberIds.length === 0) {
      return out;
    }
    const rows: Array<{ member_id: string; spend: string; points: string; purchases: string }> = await m.query(
      `SELECT member_id, SUM(spend_cents) AS spend, SUM(points) AS points, SUM(purchases) AS purchases
         FROM member_monthly_stats WHERE member_id IN (${inList(memberIds.length)}) AND month >= ? GROUP BY member_id`,
      [...memberIds, fromMonth],
    );
    for (const r of rows) {
      out.set(r.member_id, { spendCents: toInt(r.spend), points: toInt(r.points), purchases: toInt(r.purchases) });
    }
    return out;
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
  ): Promise<Array<{ memberId: string; tierCode: string; tierReviewAt: Date | null; grantIds: number[]; grantedCode: string }>> {
    const members: Array<{ id: string; tier_code: string; tier_review_at: Date | null }> = await m.query(
      `SELECT id, tier_code, tier_review_at FROM members WHERE id IN (${inList(memberIds.length)}) ORDER BY id FOR UPDATE`,
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
              tierReviewAt: mb.tier_review_at,
              grantIds: own.map((g) => Number(g.id)),
              grantedCode: own[own.length - 1].tier_code,
            },
          ];
    });
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

  /**
   * One GROUP BY over every member joined to their window sums: how many
   * members (and how much 12-month spend) move from each current tier to each
   * proposed tier. Members in a rank tier that the proposal keeps stay in it.
   */
  async simulate(ladder: LadderTier[], windowStart: string, spendStart: string): Promise<SimulationCell[]> {
    const params: unknown[] = [];
    const whens: string[] = [];
    const rankCodes = ladder.filter((t) => t.kind === 'rank').map((t) => t.code);
    if (rankCodes.length > 0) {
      whens.push(`WHEN m.tier_code IN (${inList(rankCodes.length)}) THEN m.tier_code`);
      params.push(...rankCodes);
    }
    for (const tier of [...ladder].slice(1).reverse()) {
      if (tier.kind !== 'threshold') {
        continue;
      }
      const checks: string[] = [];
      for (const [column, min] of [
        ['s.spend', tier.minSpendCents],
        ['s.points', tier.minPoints],
        ['s.purchases', tier.minPurchases],
      ] as const) {
        if (min !== null) {
          checks.push(`COALESCE(${column}, 0) >= ?`);
          params.push(min);
        }
      }
      if (checks.length > 0) {
        whens.push(`WHEN ${checks.join(tier.qualifyMode === 'all' ? ' AND ' : ' OR ')} THEN ?`);
        params.push(tier.code);
      }
    }
    params.push(ladder[0].code);
    const rows: Array<{ current_code: string; proposed_code: string; members: string; spend: string | null }> = await this.dataSource.query(
      `SELECT m.tier_code AS current_code, CASE ${whens.join(' ')} ELSE ? END AS proposed_code,
              COUNT(*) AS members, SUM(s.spend12) AS spend
         FROM members m
         LEFT JOIN (
           SELECT member_id,
                  SUM(CASE WHEN month >= ? THEN spend_cents ELSE 0 END) AS spend,
                  SUM(CASE WHEN month >= ? THEN points ELSE 0 END) AS points,
                  SUM(CASE WHEN month >= ? THEN purchases ELSE 0 END) AS purchases,
                  SUM(CASE WHEN month >= ? THEN spend_cents ELSE 0 END) AS spend12
             FROM member_monthly_stats WHERE month >= LEAST(?, ?) GROUP BY member_id
         ) s ON s.member_id = m.id
        GROUP BY current_code, proposed_code`,
      [...params, windowStart, windowStart, windowStart, spendStart, windowStart, spendStart],
    );
    return rows.map((r) => ({
      currentCode: r.current_code,
      proposedCode: r.proposed_code,
      members: toInt(r.members),
      spendCents: r.spend === null ? 0 : toInt(r.spend),
    }));
  }
}
