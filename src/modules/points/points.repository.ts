import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { WriteResult } from '../../database/transaction';
import { QualifyingStats } from '../tiers/rules/tier-qualification';
import { EntryType } from './entities/point-entry.entity';
import { PurchasedLine } from './rules/refund-allocation';
import { LotBalance, LotTake } from './rules/lots';

export interface LockedAccount {
  memberId: string;
  balance: number;
  pending: number;
  tierCode: string;
}

export interface StoredPosting {
  id: string;
  memberId: string;
  requestHash: string;
  response: string;
}

export interface PurchaseForRefund {
  id: string;
  memberId: string;
  receiptNo: string;
  eligibleCents: number;
  pointsEarned: number;
  refundedEligibleCents: number;
  pointsReversed: number;
  lotId: number | null;
}

export interface RedemptionRow {
  id: string;
  memberId: string;
  redemptionNo: string;
  points: number;
  entryId: number;
  status: 'completed' | 'cancelled';
  requestHash: string;
  response: string;
  cancelResponse: string | null;
}

export interface NewEntry {
  memberId: string;
  type: EntryType;
  points: number;
  balanceAfter: number;
  storeId: string | null;
  refType: string;
  refId: string;
  note?: string | null;
  createdAt: Date;
}

function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

/** All SQL of the points ledger. Every method that writes takes the manager of the caller's transaction. */
@Injectable()
export class PointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Accounts

  /** Locks the member's account (and member row) for the rest of the transaction. */
  async lockAccount(m: EntityManager, memberId: string): Promise<LockedAccount | null> {
    const rows: Array<{ balance: string; pending: string; tier_code: string }> = await m.query(
      `SELECT a.balance, a.pending, mb.tier_code
         FROM point_accounts a JOIN members mb ON mb.id = a.member_id
        WHERE a.member_id = ? FOR UPDATE`,
      [memberId],
    );
    const r = rows[0];
    return r ? { memberId, balance: toInt(r.balance), pending: toInt(r.pending), tierCode: r.tier_code } : null;
  }

  /** The card's status under a shared lock (LOCK IN SHARE MODE runs on MySQL 8 and MariaDB alike). */
  async lockCardStatus(m: EntityManager, cardNo: string): Promise<string | null> {
    const rows: Array<{ status: string }> = await m.query('SELECT status FROM cards WHERE card_no = ? LOCK IN SHARE MODE', [cardNo]);
    return rows[0]?.status ?? null;
  }

  async readAccount(memberId: string): Promise<{ balance: number; pending: number } | null> {
    const rows: Array<{ balance: string; pending: string }> = await this.dataSource.query(
      'SELECT balance, pending FROM point_accounts WHERE member_id = ?',
      [memberId],
    );
    return rows[0] ? { balance: toInt(rows[0].balance), pending: toInt(rows[0].pending) } : null;
  }

  async updateAccount(
    m: EntityManager,
    memberId: string,
    change: { balanceDelta: number; earnedDelta?: number; redeemedDelta?: number },
    now: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE point_accounts
          SET balance = balance + ?, lifetime_earned = lifetime_earned + ?,
              lifetime_redeemed = lifetime_redeemed + ?, updated_at = ?
        WHERE member_id = ?`,
      [change.balanceDelta, change.earnedDelta ?? 0, change.redeemedDelta ?? 0, now, memberId],
    );
  }

  // Ledger entries, lots

  async insertEntry(m: EntityManager, e: NewEntry): Promise<number> {
    const result: WriteResult = await m.query(
      `INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.memberId, e.type, e.points, e.balanceAfter, e.storeId, e.refType, e.refId, e.note ?? null, e.createdAt],
    );
    return result.insertId;
  }

  async insertLot(
    m: EntityManager,
    lot: { memberId: string; entryId: number; points: number; remaining: number; earnedAt: Date; expiresAt: Date },
  ): Promise<number> {
    const result: WriteResult = await m.query(
      'INSERT INTO point_lots (member_id, entry_id, points, remaining, earned_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      [lot.memberId, lot.entryId, lot.points, lot.remaining, lot.earnedAt, lot.expiresAt],
    );
    return result.insertId;
  }

  /** Lots with points left, soonest expiry first (the FIFO order), locked. */
  async lockSpendableLots(m: EntityManager, memberId: string, excludeLotId: number | null, limit: number, afterLotIds: number[] = []): Promise<LotBalance[]> {
    const skip = [...afterLotIds, ...(excludeLotId !== null ? [excludeLotId] : [])];
    const rows: Array<{ id: string; remaining: string }> = await m.query(
      `SELECT id, remaining FROM point_lots
        WHERE member_id = ? AND remaining > 0 ${skip.length ? `AND id NOT IN (${skip.map(() => '?').join(', ')})` : ''}
        ORDER BY expires_at, id LIMIT ${Number(limit)} FOR UPDATE`,
      [memberId, ...skip],
    );
    return rows.map((r) => ({ id: toInt(r.id), remaining: toInt(r.remaining) }));
  }

  async lockLot(m: EntityManager, lotId: number): Promise<LotBalance | null> {
    const rows: Array<{ id: string; remaining: string }> = await m.query(
      'SELECT id, remaining FROM point_lots WHERE id = ? FOR UPDATE',
      [lotId],
    );
    return rows[0] ? { id: toInt(rows[0].id), remaining: toInt(rows[0].remaining) } : null;
  }

  async adjustLots(m: EntityManager, changes: LotTake[], sign: 1 | -1): Promise<void> {
    for (const c of changes) {
      await m.query('UPDATE point_lots SET remaining = remaining + ? WHERE id = ?', [sign * c.points, c.lotId]);
    }
  }

  async insertConsumptions(m: EntityManager, memberId: string, entryId: number, takes: LotTake[]): Promise<void> {
    if (takes.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO lot_consumptions (member_id, entry_id, lot_id, points) VALUES ${placeholders(takes.length, 4)}`,
      takes.flatMap((t) => [memberId, entryId, t.lotId, t.points]),
    );
  }

  async consumptionsOf(m: EntityManager, entryId: number): Promise<LotTake[]> {
    const rows: Array<{ lot_id: string; points: string }> = await m.query(
      'SELECT lot_id, points FROM lot_consumptions WHERE entry_id = ? ORDER BY id',
      [entryId],
    );
    return rows.map((r) => ({ lotId: toInt(r.lot_id), points: toInt(r.points) }));
  }

  // Purchases

  async findPurchaseByReceipt(storeId: string, receiptNo: string): Promise<StoredPosting | null> {
    return this.findPosting('purchases', 'receipt_no', storeId, receiptNo);
  }

  /** Rolling-window qualifying figures: purchases minus refunds since `since`. */
  async qualifyingStats(m: EntityManager, memberId: string, since: Date): Promise<QualifyingStats> {
    const rows: Array<{ spend: string | null; points: string | null; purchases: string | number }> = await m.query(
      `SELECT SUM(total_cents - refunded_cents) AS spend,
              SUM(points_earned - points_reversed) AS points,
              SUM(CASE WHEN refunded_cents < total_cents THEN 1 ELSE 0 END) AS purchases
         FROM purchases WHERE member_id = ? AND occurred_at >= ?`,
      [memberId, since],
    );
    const r = rows[0];
    return { spendCents: toInt(r?.spend ?? 0), points: toInt(r?.points ?? 0), purchases: toInt(r?.purchases ?? 0) };
  }

  async insertPurchase(
    m: EntityManager,
    p: {
      id: string;
      storeId: string;
      receiptNo: string;
      memberId: string;
      cardNo: string | null;
      occurredAt: Date;
      totalCents: number;
      eligibleCents: number;
      pointsEarned: number;
      lotId: number | null;
      requestHash: string;
      response: string;
      createdAt: Date;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO purchases (id, store_id, receipt_no, member_id, card_no, occurred_at, total_cents, eligible_cents,
         points_earned, refunded_cents, refunded_eligible_cents, points_reversed, lot_id, request_hash, response, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)`,
      [p.id, p.storeId, p.receiptNo, p.memberId, p.cardNo, p.occurredAt, p.totalCents, p.eligibleCents, p.pointsEarned, p.lotId, p.requestHash, p.response, p.createdAt],
    );
  }

  async insertPurchaseLines(
    m: EntityManager,
    purchaseId: string,
    memberId: string,
    lines: Array<{ sku: string; category: string; quantityMilli: number; amountCents: number; eligible: boolean }>,
  ): Promise<void> {
    await m.query(
      `INSERT INTO purchase_lines (purchase_id, line_no, member_id, sku, category, quantity_milli, amount_cents, eligible,
         refunded_quantity_milli, refunded_cents)
       VALUES ${placeholders(lines.length, 10)}`,
      lines.flatMap((l, i) => [purchaseId, i + 1, memberId, l.sku, l.category, l.quantityMilli, l.amountCents, l.eligible, 0, 0]),
    );
  }

  async lockPurchase(m: EntityManager, purchaseId: string): Promise<PurchaseForRefund> {
    const rows: Array<Record<string, string | null>> = await m.query(
      `SELECT id, member_id, receipt_no, eligible_cents, points_earned, refunded_eligible_cents, points_reversed, lot_id
         FROM purchases WHERE id = ? FOR UPDATE`,
      [purchaseId],
    );
    const r = rows[0];
    return {
      id: String(r.id),
      memberId: String(r.member_id),
      receiptNo: String(r.receipt_no),
      eligibleCents: toInt(r.eligible_cents),
      pointsEarned: toInt(r.points_earned),
      refundedEligibleCents: toInt(r.refunded_eligible_cents),
      pointsReversed: toInt(r.points_reversed),
      lotId: r.lot_id === null ? null : toInt(r.lot_id),
    };
  }

  async purchaseLines(m: EntityManager, purchaseId: string): Promise<PurchasedLine[]> {
    const rows: Array<Record<string, string | number>> = await m.query(
      `SELECT line_no, sku, quantity_milli, amount_cents, eligible, refunded_quantity_milli, refunded_cents
         FROM purchase_lines WHERE purchase_id = ? ORDER BY line_no`,
      [purchaseId],
    );
    return rows.map((r) => ({
      lineNo: toInt(r.line_no),
      sku: String(r.sku),
      quantityMilli: toInt(r.quantity_milli),
      amountCents: toInt(r.amount_cents),
      eligible: Number(r.eligible) === 1,
      refundedQuantityMilli: toInt(r.refunded_quantity_milli),
      refundedCents: toInt(r.refunded_cents),
    }));
  }

  async applyRefund(
    m: EntityManager,
    purchaseId: string,
    lines: Array<{ lineNo: number; quantityMilli: number; amountCents: number }>,
    totals: { refundedCents: number; refundedEligibleCents: number; pointsReversed: number },
  ): Promise<void> {
    for (const l of lines) {
      await m.query(
        `UPDATE purchase_lines SET refunded_quantity_milli = refunded_quantity_milli + ?, refunded_cents = refunded_cents + ?
          WHERE purchase_id = ? AND line_no = ?`,
        [l.quantityMilli, l.amountCents, purchaseId, l.lineNo],
      );
    }
    await m.query(
      `UPDATE purchases SET refunded_cents = refunded_cents + ?, refunded_eligible_cents = refunded_eligible_cents + ?,
              points_reversed = points_reversed + ? WHERE id = ?`,
      [totals.refundedCents, totals.refundedEligibleCents, totals.pointsReversed, purchaseId],
    );
  }

  // Refunds

  async findRefund(storeId: string, refundNo: string): Promise<StoredPosting | null> {
    return this.findPosting('refunds', 'refund_no', storeId, refundNo);
  }

  async insertRefund(
    m: EntityManager,
    r: {
      id: string;
      storeId: string;
      refundNo: string;
      purchaseId: string;
      memberId: string;
      refundedCents: number;
      refundedEligibleCents: number;
      pointsReversed: number;
      requestHash: string;
      response: string;
      createdAt: Date;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO refunds (id, store_id, refund_no, purchase_id, member_id, refunded_cents, refunded_eligible_cents,
         points_reversed, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.storeId, r.refundNo, r.purchaseId, r.memberId, r.refundedCents, r.refundedEligibleCents, r.pointsReversed, r.requestHash, r.response, r.createdAt],
    );
  }

  // Redemptions

  async findRedemption(storeId: string, redemptionNo: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<RedemptionRow | null> {
    const rows: Array<Record<string, string | null>> = await m.query(
      `SELECT id, member_id, redemption_no, points, entry_id, status, request_hash, response, cancel_response
         FROM redemptions WHERE store_id = ? AND redemption_no = ?${lock ? ' FOR UPDATE' : ''}`,
      [storeId, redemptionNo],
    );
    const r = rows[0];
    if (!r) {
      return null;
    }
    return {
      id: String(r.id),
      memberId: String(r.member_id),
      redemptionNo: String(r.redemption_no),
      points: toInt(r.points),
      entryId: toInt(r.entry_id),
      status: r.status as RedemptionRow['status'],
      requestHash: String(r.request_hash),
      response: String(r.response),
      cancelResponse: r.cancel_response,
    };
  }

  async insertRedemption(
    m: EntityManager,
    r: {
      id: string;
      storeId: string;
      redemptionNo: string;
      memberId: string;
      points: number;
      discountCents: number;
      entryId: number;
      requestHash: string;
      response: string;
      createdAt: Date;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO redemptions (id, store_id, redemption_no, member_id, points, discount_cents, entry_id, status,
         request_hash, response, cancel_response, created_at, cancelled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'completed', ?, ?, NULL, ?, NULL)`,
      [r.id, r.storeId, r.redemptionNo, r.memberId, r.points, r.discountCents, r.entryId, r.requestHash, r.response, r.createdAt],
    );
  }

  async markRedemptionCancelled(m: EntityManager, id: string, cancelResponse: string, now: Date): Promise<void> {
    await m.query("UPDATE redemptions SET status = 'cancelled', cancel_response = ?, cancelled_at = ? WHERE id = ?", [
      cancelResponse,
      now,
      id,
    ]);
  }

  // Tiers (changed inside postings, under the account lock)

  async changeTier(m: EntityManager, memberId: string, from: string, to: string, reason: string, refId: string | null, now: Date): Promise<void> {
    await m.query('UPDATE members SET tier_code = ?, tier_since = ?, updated_at = ? WHERE id = ?', [to, now, now, memberId]);
    await m.query(
      'INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [memberId, from, to, reason, refId, now],
    );
  }

  /** A posting's idempotency row by its per-store number: what a replay or a conflict is judged on. */
  private async findPosting(
    table: 'purchases' | 'refunds',
    numberColumn: 'receipt_no' | 'refund_no',
    storeId: string,
    documentNo: string,
  ): Promise<StoredPosting | null> {
    const rows: Array<{ id: string; member_id: string; request_hash: string; response: string }> = await this.dataSource.query(
      `SELECT id, member_id, request_hash, response FROM ${table} WHERE store_id = ? AND ${numberColumn} = ?`,
      [storeId, documentNo],
    );
    const r = rows[0];
    return r ? { id: r.id, memberId: r.member_id, requestHash: r.request_hash, response: r.response } : null;
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
}
