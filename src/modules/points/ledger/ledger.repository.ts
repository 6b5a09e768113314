import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../../common/transformers';
import { insertReturningIds, placeholders } from '../../../database/multi-row';
import { QualifyingStats } from '../rules/qualifying-sums';
import { readQualifyingStats } from './qualifying-sums.queries';
import { EntryType } from '../entities/point-entry.entity';
import { LotTake } from '../rules/lots';

export interface LockedAccount {
  memberId: string;
  balance: number;
  pending: number;
  tierCode: string;
}

export interface NewEntry {
  memberId: string;
  type: EntryType;
  points: number;
  balanceAfter: number;
  storeId: string | null;
  refType: string;
  refId: string;
  note: string | null;
  createdAt: Date;
}

export interface NewLot {
  memberId: string;
  entryId: number;
  points: number;
  remaining: number;
  earnedAt: Date;
  expiresAt: Date;
  pending: boolean;
  availableAt: Date | null;
}

export interface LotRow {
  id: number;
  remaining: number;
  pending: boolean;
}

export interface AccountChange {
  memberId: string;
  balanceDelta: number;
  pendingDelta: number;
  earnedDelta: number;
  redeemedDelta: number;
}

export interface Consumption {
  memberId: string;
  entryId: number;
  lotId: number;
  points: number;
}

export interface MonthlyStatsDelta {
  memberId: string;
  month: string;
  spendCents: number;
  points: number;
  purchases: number;
}

/**
 * All SQL of the points ledger: accounts, entries, lots, lot consumptions and
 * the monthly qualifying figures. Every write takes the manager of the
 * caller's transaction; every hot-path query is keyed by member id.
 */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Accounts

  /** Locks the members' accounts (and member rows) in member-id order, so two batches never deadlock on them. */
  async lockAccounts(m: EntityManager, memberIds: string[]): Promise<Map<string, LockedAccount>> {
    const ids = [...new Set(memberIds)].sort();
    const out = new Map<string, LockedAccount>();
    if (ids.length === 0) {
      return out;
    }
    const rows: Array<{ member_id: string; balance: string; pending: string; tier_code: string }> = await m.query(
      `SELECT a.member_id, a.balance, a.pending, mb.tier_code
         FROM point_accounts a JOIN members mb ON mb.id = a.member_id
        WHERE a.member_id IN (${ids.map(() => '?').join(', ')})
        ORDER BY a.member_id FOR UPDATE`,
      ids,
    );
    for (const r of rows) {
      out.set(r.member_id, { memberId: r.member_id, balance: toInt(r.balance), pending: toInt(r.pending), tierCode: r.tier_code });
    }
    return out;
  }

  async readAccount(memberId: string): Promise<{ balance: number; pending: number } | null> {
    const rows: Array<{ balance: string; pending: string }> = await this.dataSource.query(
      'SELECT balance, pending FROM point_accounts WHERE member_id = ?',
      [memberId],
    );
    return rows[0] ? { balance: toInt(rows[0].balance), pending: toInt(rows[0].pending) } : null;
  }

  /**
   * Applies every account's changes in one statement. The WHERE is a
   * primary-key IN list, so only these rows are touched (an UPDATE joined to
   * a derived table can scan, and so lock, the whole table).
   */
  async applyAccountChanges(m: EntityManager, changes: AccountChange[], now: Date): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    const column = (name: string, pick: (c: AccountChange) => number) => {
      const moving = changes.filter((c) => pick(c) !== 0);
      if (moving.length === 0) {
        return { sql: null, params: [] as unknown[] };
      }
      return {
        sql: `${name} = ${name} + CASE member_id ${moving.map(() => 'WHEN ? THEN ?').join(' ')} ELSE 0 END`,
        params: moving.flatMap((c) => [c.memberId, pick(c)]),
      };
    };
    const sets = [
      column('balance', (c) => c.balanceDelta),
      column('pending', (c) => c.pendingDelta),
      column('lifetime_earned', (c) => c.earnedDelta),
      column('lifetime_redeemed', (c) => c.redeemedDelta),
    ].filter((s) => s.sql !== null);
    await m.query(
      `UPDATE point_accounts SET ${[...sets.map((s) => s.sql), 'updated_at = ?'].join(', ')}
        WHERE member_id IN (${changes.map(() => '?').join(', ')})`,
      [...sets.flatMap((s) => s.params), now, ...changes.map((c) => c.memberId)],
    );
  }

  // Entries, lots, consumptions

  async insertEntries(m: EntityManager, entries: NewEntry[]): Promise<number[]> {
    return insertReturningIds(
      m,
      'point_entries',
      ['member_id', 'type', 'points', 'balance_after', 'store_id', 'ref_type', 'ref_id', 'note', 'created_at'],
      entries.map((e) => [e.memberId, e.type, e.points, e.balanceAfter, e.storeId, e.refType, e.refId, e.note, e.createdAt]),
      "CONCAT(member_id, '|', ref_type, '|', ref_id, '|', type)",
      (r) => `${String(r[0])}|${String(r[5])}|${String(r[6])}|${String(r[1])}`,
    );
  }

  async insertLots(m: EntityManager, lots: NewLot[]): Promise<number[]> {
    return insertReturningIds(
      m,
      'point_lots',
      ['member_id', 'entry_id', 'points', 'remaining', 'earned_at', 'expires_at', 'pending', 'available_at'],
      lots.map((l) => [l.memberId, l.entryId, l.points, l.remaining, l.earnedAt, l.expiresAt, l.pending ? 1 : 0, l.availableAt]),
      'entry_id',
      (r) => String(r[1]),
    );
  }

  /** Spendable lots (not pending) with points left, soonest expiry first: the FIFO order. Locked. */
  async lockSpendableLots(m: EntityManager, memberId: string, skipLotIds: number[], limit: number): Promise<LotRow[]> {
    const rows: Array<{ id: string; remaining: string; pending: number }> = await m.query(
      `SELECT id, remaining, pending FROM point_lots
        WHERE member_id = ? AND remaining > 0 AND pending = 0
          ${skipLotIds.length ? `AND id NOT IN (${skipLotIds.map(() => '?').join(', ')})` : ''}
        ORDER BY expires_at, id LIMIT ${Number(limit)} FOR UPDATE`,
      [memberId, ...skipLotIds],
    );
    return rows.map(toLotRow);
  }

  async lockLot(m: EntityManager, memberId: string, lotId: number): Promise<LotRow | null> {
    const rows: Array<{ id: string; remaining: string; pending: number }> = await m.query(
      'SELECT id, remaining, pending FROM point_lots WHERE id = ? AND member_id = ? FOR UPDATE',
      [lotId, memberId],
    );
    return rows[0] ? toLotRow(rows[0]) : null;
  }

  /** Lots past their expiry date with points left (pending lots never expire), by member. Locked. */
  async lockExpiredLots(m: EntityManager, memberIds: string[], asOf: Date): Promise<Map<string, LotRow[]>> {
    return this.lockLotsBy(m, memberIds, 'expires_at <= ? AND remaining > 0 AND pending = 0', asOf);
  }

  /** Pending lots whose return window has run, by member. Locked. */
  async lockReleasableLots(m: EntityManager, memberIds: string[], asOf: Date): Promise<Map<string, LotRow[]>> {
    return this.lockLotsBy(m, memberIds, 'pending = 1 AND available_at <= ?', asOf);
  }

  private async lockLotsBy(m: EntityManager, memberIds: string[], condition: string, asOf: Date): Promise<Map<string, LotRow[]>> {
    const out = new Map<string, LotRow[]>();
    if (memberIds.length === 0) {
      return out;
    }
    const rows: Array<{ member_id: string; id: string; remaining: string; pending: number }> = await m.query(
      `SELECT member_id, id, remaining, pending FROM point_lots
        WHERE member_id IN (${memberIds.map(() => '?').join(', ')}) AND ${condition}
        ORDER BY member_id, expires_at, id FOR UPDATE`,
      [...memberIds, asOf],
    );
    for (const r of rows) {
      const list = out.get(r.member_id) ?? [];
      list.push(toLotRow(r));
      out.set(r.member_id, list);
    }
    return out;
  }

  async adjustLots(m: EntityManager, changes: LotTake[], sign: 1 | -1): Promise<void> {
    for (const c of changes) {
      await m.query('UPDATE point_lots SET remaining = remaining + ? WHERE id = ?', [sign * c.points, c.lotId]);
    }
  }

  async markLotsReleased(m: EntityManager, lotIds: number[]): Promise<void> {
    if (lotIds.length > 0) {
      await m.query(`UPDATE point_lots SET pending = 0 WHERE id IN (${lotIds.map(() => '?').join(', ')})`, lotIds);
    }
  }

  async insertConsumptions(m: EntityManager, rows: Consumption[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO lot_consumptions (member_id, entry_id, lot_id, points) VALUES ${placeholders(rows.length, 4)}`,
      rows.flatMap((c) => [c.memberId, c.entryId, c.lotId, c.points]),
    );
  }

  /**
   * A merge: every lot of the source (spent ones too) and the records of
   * which lots its debits took move to the survivor, so a later refund of a
   * moved purchase or a cancel of a moved redemption finds them there.
   */
  async moveLots(m: EntityManager, fromMemberId: string, toMemberId: string): Promise<void> {
    await m.query('UPDATE point_lots SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
    await m.query('UPDATE lot_consumptions SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
  }

  async consumptionsOf(m: EntityManager, memberId: string, entryId: number): Promise<LotTake[]> {
    const rows: Array<{ lot_id: string; points: string }> = await m.query(
      'SELECT lot_id, points FROM lot_consumptions WHERE entry_id = ? AND member_id = ? ORDER BY id',
      [entryId, memberId],
    );
    return rows.map((r) => ({ lotId: toInt(r.lot_id), points: toInt(r.points) }));
  }

  async membersWithExpiredLots(fromId: string, toId: string | null, asOf: Date, afterId: string, limit: number): Promise<string[]> {
    const rows: Array<{ member_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT member_id FROM point_lots
        WHERE expires_at <= ? AND remaining > 0 AND pending = 0 AND member_id >= ? AND member_id > ?
          ${toId !== null ? 'AND member_id < ?' : ''}
        ORDER BY member_id LIMIT ${Number(limit)}`,
      toId !== null ? [asOf, fromId, afterId, toId] : [asOf, fromId, afterId],
    );
    return rows.map((r) => r.member_id);
  }

  async membersWithReleasableLots(fromId: string, toId: string | null, asOf: Date, afterId: string, limit: number): Promise<string[]> {
    const rows: Array<{ member_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT member_id FROM point_lots
        WHERE pending = 1 AND available_at <= ? AND member_id >= ? AND member_id > ?
          ${toId !== null ? 'AND member_id < ?' : ''}
        ORDER BY member_id LIMIT ${Number(limit)}`,
      toId !== null ? [asOf, fromId, afterId, toId] : [asOf, fromId, afterId],
    );
    return rows.map((r) => r.member_id);
  }

  // Qualifying figures per member and month

  /** Sums of the months from `fromMonth` on, for each member (members with none are absent). */
  async qualifyingStats(m: EntityManager, memberIds: string[], fromMonth: string): Promise<Map<string, QualifyingStats>> {
    return readQualifyingStats(m, memberIds, { start: fromMonth });
  }

  async addMonthlyStats(m: EntityManager, deltas: MonthlyStatsDelta[]): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    // Row alias syntax differs between MySQL 8.0.19+ and MariaDB; VALUES() runs on both.
    await m.query(
      `INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases)
       VALUES ${placeholders(deltas.length, 5)}
       ON DUPLICATE KEY UPDATE spend_cents = spend_cents + VALUES(spend_cents), points = points + VALUES(points),
                               purchases = purchases + VALUES(purchases)`,
      deltas.flatMap((d) => [d.memberId, d.month, d.spendCents, d.points, d.purchases]),
    );
  }

  // Ledger view

  async ledgerPage(memberId: string, limit: number, beforeId: number | null): Promise<Array<Record<string, unknown>>> {
    return this.dataSource.query(
      `SELECT id, type, points, balance_after, store_id, ref_type, ref_id, note, created_at
         FROM point_entries WHERE member_id = ? ${beforeId !== null ? 'AND id < ?' : ''}
        ORDER BY id DESC LIMIT ${Number(limit)}`,
      beforeId !== null ? [memberId, beforeId] : [memberId],
    );
  }

  /**
   * A merge: the monthly qualifying figures are summed month by month into the survivor's. (Accounts,
   * entries, lots and consumptions move through the ledger writer's mergeAccounts and moveLots.)
   */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    // Row alias syntax differs between MySQL 8.0.19+ and MariaDB; VALUES() runs on both.
    await m.query(
      `INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases)
       SELECT ?, s.month, s.spend_cents, s.points, s.purchases FROM member_monthly_stats s WHERE s.member_id = ?
       ON DUPLICATE KEY UPDATE spend_cents = member_monthly_stats.spend_cents + VALUES(spend_cents),
                               points = member_monthly_stats.points + VALUES(points),
                               purchases = member_monthly_stats.purchases + VALUES(purchases)`,
      [toMemberId, fromMemberId],
    );
    await m.query('DELETE FROM member_monthly_stats WHERE member_id = ?', [fromMemberId]);
  }
}

function toLotRow(r: { id: string; remaining: string; pending: number | string }): LotRow {
  return { id: toInt(r.id), remaining: toInt(r.remaining), pending: Number(r.pending) === 1 };
}
