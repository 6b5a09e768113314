import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { select } from '../../database/sql';
import { Club, ClubStatus } from './entities/club.entity';
import { JoinReason, LeaveReason } from './entities/club-member.entity';
import { ClubRule, MemberFacts, PurchaseFact } from './rules/club-rule';
import { IdRange, ruleMatchSql } from './rules/club-rule-sql';

export interface HistoryRow {
  clubId: string;
  memberId: string;
  event: 'joined' | 'left';
  reason: JoinReason | LeaveReason;
  actorId: string | null;
  at: Date;
}

export interface MembershipRow {
  memberId: string;
  clubId: string;
  status: 'active' | 'left';
  joinedVia: JoinReason;
  joinedAt: Date;
  leftAt: Date | null;
  leftReason: LeaveReason | null;
}

interface RawMembership {
  member_id: string;
  club_id: string;
  status: 'active' | 'left';
  joined_via: JoinReason;
  joined_at: Date;
  left_at: Date | null;
  left_reason: LeaveReason | null;
}

const toMembership = (r: RawMembership): MembershipRow => ({
  memberId: r.member_id,
  clubId: r.club_id,
  status: r.status,
  joinedVia: r.joined_via,
  joinedAt: r.joined_at,
  leftAt: r.left_at,
  leftReason: r.left_reason,
});

const marks = (n: number) => new Array<string>(n).fill('?').join(', ');
/** Rows per multi-row write of a regroup (a range holds up to 10,000 members). */
const REGROUP_ROWS_PER_STATEMENT = 1000;

/** All SQL of the clubs module. */
@Injectable()
export class ClubsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---------- clubs ----------

  async insertClub(club: Club, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.getRepository(Club).insert(club);
  }

  async saveClub(club: Club, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.getRepository(Club).save(club);
  }

  async findClub(id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<Club | null> {
    return m.getRepository(Club).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** Clubs by code, after the cursor's code. */
  async listClubs(afterCode: string | null, limit: number, status: ClubStatus | null): Promise<Club[]> {
    const qb = this.dataSource.getRepository(Club).createQueryBuilder('c').orderBy('c.code', 'ASC').take(limit);
    if (afterCode !== null) {
      qb.andWhere('c.code > :afterCode', { afterCode });
    }
    if (status !== null) {
      qb.andWhere('c.status = :status', { status });
    }
    return qb.getMany();
  }

  /** Active members of each club (clubs without any are absent), one grouped read over the (club, status) index. */
  async activeMemberCounts(clubIds: readonly string[]): Promise<Map<string, number>> {
    if (clubIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ club_id: string; n: string | number }>(
      this.dataSource.manager,
      `SELECT club_id, COUNT(*) AS n FROM club_members WHERE club_id IN (${marks(clubIds.length)}) AND status = 'active' GROUP BY club_id`,
      clubIds,
    );
    return new Map(rows.map((r) => [r.club_id, Number(r.n)]));
  }

  async activeAutomaticClubs(): Promise<Club[]> {
    return this.dataSource.getRepository(Club).find({ where: { joinPolicy: 'automatic', status: 'active' }, order: { code: 'ASC' } });
  }

  async clubCodesOf(memberId: string): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `SELECT c.code FROM club_members cm JOIN clubs c ON c.id = cm.club_id
        WHERE cm.member_id = ? AND cm.status = 'active' AND c.status = 'active' ORDER BY c.code`,
      [memberId],
    );
    return rows.map((r) => r.code);
  }

  // ---------- memberships ----------

  /** Locks the membership rows of these members (every club) and of the gaps where new ones would go. */
  async lockMemberships(m: EntityManager, memberIds: string[]): Promise<MembershipRow[]> {
    if (memberIds.length === 0) {
      return [];
    }
    const rows: RawMembership[] = await m.query(
      `SELECT * FROM club_members WHERE member_id IN (${marks(memberIds.length)}) ORDER BY member_id, club_id FOR UPDATE`,
      memberIds,
    );
    return rows.map(toMembership);
  }

  async membership(m: EntityManager, clubId: string, memberId: string): Promise<MembershipRow | null> {
    const rows: RawMembership[] = await m.query('SELECT * FROM club_members WHERE member_id = ? AND club_id = ? FOR UPDATE', [
      memberId,
      clubId,
    ]);
    return rows[0] ? toMembership(rows[0]) : null;
  }

  /** Puts members in (a new row, or an old 'left' row made active again). */
  async upsertActive(m: EntityManager, rows: Array<{ clubId: string; memberId: string; via: JoinReason }>, at: Date): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO club_members (member_id, club_id, status, joined_via, joined_at, left_at, left_reason)
       VALUES ${rows.map(() => "(?, ?, 'active', ?, ?, NULL, NULL)").join(', ')}
       ON DUPLICATE KEY UPDATE status = 'active', joined_via = VALUES(joined_via), joined_at = VALUES(joined_at), left_at = NULL, left_reason = NULL`,
      rows.flatMap((r) => [r.memberId, r.clubId, r.via, at]),
    );
  }

  async markLeft(m: EntityManager, rows: Array<{ clubId: string; memberId: string }>, reason: LeaveReason, at: Date): Promise<void> {
    for (const r of rows) {
      await m.query(
        "UPDATE club_members SET status = 'left', left_at = ?, left_reason = ? WHERE member_id = ? AND club_id = ? AND status = 'active'",
        [at, reason, r.memberId, r.clubId],
      );
    }
  }

  async insertHistory(m: EntityManager, rows: HistoryRow[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO club_member_history (club_id, member_id, event, reason, actor_id, at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((r) => [r.clubId, r.memberId, r.event, r.reason, r.actorId, r.at]),
    );
  }

  /**
   * One club over one member-id range, set-based: members who match the rule
   * and are not in the club join (new rows, or rows the rule itself took out);
   * members who left by themselves or were taken out by an admin are never put
   * back. With drop_unmatched, members who joined by the rule and no longer
   * match leave with reason 'rule'. Run inside a transaction; the range's
   * membership rows are locked first so that an incremental check of the same
   * members waits instead of joining them twice. The rule's SELECT runs once;
   * who joins and who leaves is decided from it and the locked rows, and
   * written with multi-row statements.
   */
  async regroupRange(m: EntityManager, club: Club, rule: ClubRule, range: IdRange, now: Date): Promise<{ joined: number; left: number }> {
    const inRange = range.toId === null ? 'member_id >= ?' : 'member_id >= ? AND member_id < ?';
    const rangeParams = range.toId === null ? [range.fromId] : [range.fromId, range.toId];
    const held: Array<{ member_id: string; status: string; joined_via: string; left_reason: string | null }> = await m.query(
      `SELECT member_id, status, joined_via, left_reason FROM club_members WHERE ${inRange} AND club_id = ? FOR UPDATE`,
      [...rangeParams, club.id],
    );
    // The rule is evaluated once per range (it reads purchases and lines); the writes below are decided from it and the locked rows.
    const match = ruleMatchSql(rule, range, now);
    const matching: Array<{ member_id: string }> = await m.query(match.sql, match.params);
    const matched = new Set(matching.map((r) => r.member_id));
    const rows = new Map(held.map((r) => [r.member_id, r]));
    // Who joins: matching, and either never a member or taken out by the rule.
    const joiners = [...matched].filter((id) => {
      const row = rows.get(id);
      return row === undefined || (row.status === 'left' && row.left_reason === 'rule');
    });
    const leavers = club.dropUnmatched
      ? held.filter((r) => r.status === 'active' && r.joined_via === 'rule' && !matched.has(r.member_id)).map((r) => r.member_id)
      : [];
    for (let i = 0; i < joiners.length; i += REGROUP_ROWS_PER_STATEMENT) {
      const part = joiners.slice(i, i + REGROUP_ROWS_PER_STATEMENT);
      await this.insertHistory(
        m,
        part.map((memberId) => ({ clubId: club.id, memberId, event: 'joined', reason: 'rule', actorId: null, at: now })),
      );
      await this.upsertActive(
        m,
        part.map((memberId) => ({ clubId: club.id, memberId, via: 'rule' })),
        now,
      );
    }
    for (let i = 0; i < leavers.length; i += REGROUP_ROWS_PER_STATEMENT) {
      const part = leavers.slice(i, i + REGROUP_ROWS_PER_STATEMENT);
      await this.insertHistory(
        m,
        part.map((memberId) => ({ clubId: club.id, memberId, event: 'left', reason: 'rule', actorId: null, at: now })),
      );
      await m.query(
        `UPDATE club_members SET status = 'left', left_at = ?, left_reason = 'rule'
          WHERE club_id = ? AND member_id IN (${marks(part.length)}) AND status = 'active'`,
        [now, club.id, ...part],
      );
    }
    return { joined: joiners.length, left: leavers.length };
  }

  /** How many members match the rule now (the whole membership, one statement). */
  async countMatching(rule: ClubRule, now: Date): Promise<number> {
    const match = ruleMatchSql(rule, { fromId: '', toId: null }, now);
    const rows: Array<{ n: unknown }> = await this.dataSource.query(`SELECT COUNT(*) AS n FROM (${match.sql}) x`, match.params);
    return toInt(rows[0]?.n);
  }

  /** Every member row, the base a rule is matched over (what "N of M members" counts M from). */
  async countMembers(): Promise<number> {
    const rows = await select<{ n: unknown }>(this.dataSource.manager, 'SELECT COUNT(*) AS n FROM members');
    return toInt(rows[0]?.n);
  }

  /** The first `limit` members (by id) who match the rule now, with their name (unmasked: the caller masks) and tier. */
  async sampleMatching(
    rule: ClubRule,
    now: Date,
    limit: number,
  ): Promise<Array<{ memberId: string; name: string | null; tierCode: string }>> {
    const match = ruleMatchSql(rule, { fromId: '', toId: null }, now);
    const rows = await select<{ id: string; name: string | null; tier_code: string }>(
      this.dataSource.manager,
      `SELECT m.id, m.name, m.tier_code FROM members m WHERE m.id IN (SELECT x.member_id FROM (${match.sql}) x) ORDER BY m.id LIMIT ${Math.max(1, Math.floor(limit))}`,
      match.params,
    );
    return rows.map((r) => ({ memberId: r.id, name: r.name, tierCode: r.tier_code }));
  }

  /**
   * How many members an existing club would hold after a full regroup by this rule (regroupRange's semantics, in one
   * statement): its active members, except those who joined by the rule, no longer match it and would be dropped
   * (drop_unmatched); plus the matching members with no row or taken out by the rule. Members who left by themselves
   * or were taken out by an admin are not counted: the rule does not put them back.
   */
  async countAfterRegroup(club: Club, rule: ClubRule, now: Date): Promise<number> {
    const match = ruleMatchSql(rule, { fromId: '', toId: null }, now);
    const staying = club.dropUnmatched
      ? `SELECT COUNT(*) FROM club_members cm WHERE cm.club_id = ? AND cm.status = 'active'
           AND (cm.joined_via <> 'rule' OR cm.member_id IN (SELECT x.member_id FROM (${match.sql}) x))`
      : `SELECT COUNT(*) FROM club_members cm WHERE cm.club_id = ? AND cm.status = 'active'`;
    const joining = `SELECT COUNT(*) FROM (${match.sql}) x LEFT JOIN club_members cm ON cm.member_id = x.member_id AND cm.club_id = ?
       WHERE cm.member_id IS NULL OR (cm.status = 'left' AND cm.left_reason = 'rule')`;
    const rows: Array<{ n: unknown }> = await this.dataSource.query(`SELECT (${staying}) + (${joining}) AS n`, [
      club.id,
      ...(club.dropUnmatched ? match.params : []),
      ...match.params,
      club.id,
    ]);
    return toInt(rows[0]?.n);
  }

  /** The profile and purchases (since `since`, lines in the categories) of these members, for the pure rule. */
  async memberFacts(memberIds: string[], since: Date | null, categories: string[]): Promise<Map<string, MemberFacts>> {
    const facts = new Map<string, MemberFacts>();
    if (memberIds.length === 0) {
      return facts;
    }
    const profiles: Array<{ id: string; birthday: string | Date | null; city: string | null; gender: string | null }> =
      await this.dataSource.query(
        `SELECT id, DATE_FORMAT(birthday, '%Y-%m-%d') AS birthday, city, gender FROM members WHERE id IN (${marks(memberIds.length)})`,
        memberIds,
      );
    for (const p of profiles) {
      facts.set(p.id, { birthday: p.birthday === null ? null : String(p.birthday), city: p.city, gender: p.gender, purchases: [] });
    }
    if (since === null || categories.length === 0) {
      return facts;
    }
    const lines: Array<{
      member_id: string;
      purchase_id: string;
      occurred_at: Date;
      category: string;
      quantity_milli: unknown;
      refunded_quantity_milli: unknown;
      amount_cents: unknown;
      refunded_cents: unknown;
    }> = await this.dataSource.query(
      `SELECT p.member_id, p.id AS purchase_id, p.occurred_at, l.category, l.quantity_milli, l.refunded_quantity_milli, l.amount_cents, l.refunded_cents
         FROM purchases p JOIN purchase_lines l ON l.purchase_id = p.id
        WHERE p.member_id IN (${marks(memberIds.length)}) AND p.occurred_at >= ? AND l.category IN (${marks(categories.length)})
        ORDER BY p.member_id, p.id`,
      [...memberIds, since, ...categories],
    );
    const byPurchase = new Map<string, PurchaseFact>();
    for (const l of lines) {
      const member = facts.get(l.member_id);
      if (!member) {
        continue;
      }
      let purchase = byPurchase.get(l.purchase_id);
      if (!purchase) {
        purchase = { occurredAt: l.occurred_at, lines: [] };
        byPurchase.set(l.purchase_id, purchase);
        member.purchases.push(purchase);
      }
      purchase.lines.push({
        category: l.category,
        quantityMilli: toInt(l.quantity_milli),
        refundedQuantityMilli: toInt(l.refunded_quantity_milli),
        amountCents: toInt(l.amount_cents),
        refundedCents: toInt(l.refunded_cents),
      });
    }
    return facts;
  }

  // ---------- reports ----------

  async membersPage(
    clubId: string,
    status: 'active' | 'left' | null,
    afterMemberId: string | null,
    limit: number,
  ): Promise<MembershipRow[]> {
    const where = ['club_id = ?'];
    const params: unknown[] = [clubId];
    if (status !== null) {
      where.push('status = ?');
      params.push(status);
    }
    if (afterMemberId !== null) {
      where.push('member_id > ?');
      params.push(afterMemberId);
    }
    const rows: RawMembership[] = await this.dataSource.query(
      `SELECT * FROM club_members WHERE ${where.join(' AND ')} ORDER BY member_id LIMIT ${Number(limit)}`,
      params,
    );
    return rows.map(toMembership);
  }

  async sizes(): Promise<Array<{ clubId: string; active: number; left: number }>> {
    const rows: Array<{ club_id: string; active: unknown; left_count: unknown }> = await this.dataSource.query(
      `SELECT club_id, SUM(status = 'active') AS active, SUM(status = 'left') AS left_count FROM club_members GROUP BY club_id`,
    );
    return rows.map((r) => ({ clubId: r.club_id, active: toInt(r.active), left: toInt(r.left_count) }));
  }

  /** Joins and leaves per club and period (day or month, UTC) in [from, to). */
  async growth(
    from: Date,
    to: Date,
    granularity: 'day' | 'month' | 'business-day',
  ): Promise<Array<{ clubId: string; period: string; joined: number; left: number }>> {
    // business-day: the program's day, Asia/Shanghai (UTC+8, no daylight saving), as the analytics periods count days.
    const period =
      granularity === 'day'
        ? "DATE_FORMAT(at, '%Y-%m-%d')"
        : granularity === 'business-day'
          ? "DATE_FORMAT(DATE_ADD(at, INTERVAL 8 HOUR), '%Y-%m-%d')"
          : "DATE_FORMAT(at, '%Y-%m')";
    const rows: Array<{ club_id: string; period: string; joined: unknown; left_count: unknown }> = await this.dataSource.query(
      `SELECT club_id, ${period} AS period, SUM(event = 'joined') AS joined, SUM(event = 'left') AS left_count
         FROM club_member_history WHERE at >= ? AND at < ? GROUP BY club_id, period ORDER BY club_id, period`,
      [from, to],
    );
    return rows.map((r) => ({ clubId: r.club_id, period: r.period, joined: toInt(r.joined), left: toInt(r.left_count) }));
  }

  async historyOf(clubId: string, memberId: string): Promise<HistoryRow[]> {
    const rows: Array<{
      club_id: string;
      member_id: string;
      event: 'joined' | 'left';
      reason: JoinReason;
      actor_id: string | null;
      at: Date;
    }> = await this.dataSource.query('SELECT * FROM club_member_history WHERE member_id = ? AND club_id = ? ORDER BY id', [
      memberId,
      clubId,
    ]);
    return rows.map((r) => ({ clubId: r.club_id, memberId: r.member_id, event: r.event, reason: r.reason, actorId: r.actor_id, at: r.at }));
  }

  /** A merge: the join/leave history moves; for a club both members are in, the survivor's own row wins. */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    await m.query('UPDATE club_member_history SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
    await m.query(
      `INSERT INTO club_members (member_id, club_id, status, joined_via, joined_at, left_at, left_reason)
       SELECT ?, c.club_id, c.status, c.joined_via, c.joined_at, c.left_at, c.left_reason FROM club_members c WHERE c.member_id = ?
       ON DUPLICATE KEY UPDATE status = club_members.status`,
      [toMemberId, fromMemberId],
    );
    await m.query('DELETE FROM club_members WHERE member_id = ?', [fromMemberId]);
  }
}
