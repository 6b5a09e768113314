import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../../common/transformers';
import { placeholders } from '../../../database/multi-row';
import { PurchasedLine } from '../rules/refund-allocation';

/** A posting's idempotency row: what a replay or a conflict is judged on. */
export interface StoredPosting {
  id: string;
  memberId: string;
  requestHash: string;
  response: string;
}

export interface NewPurchase {
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
  lines: Array<{ sku: string; category: string; quantityMilli: number; amountCents: number; eligible: boolean }>;
}

export interface PurchaseForRefund {
  id: string;
  memberId: string;
  receiptNo: string;
  occurredAt: Date;
  totalCents: number;
  refundedCents: number;
  eligibleCents: number;
  pointsEarned: number;
  refundedEligibleCents: number;
  pointsReversed: number;
  lotId: number | null;
  /** The campaign bonus rows of the purchase's answer (what each rule gave). */
  campaignRows: Array<{ campaignId: string; points: number }>;
}

export interface NewRefund {
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
}

/** All SQL of receipts: purchases with their lines, and refunds. */
@Injectable()
export class ReceiptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPurchase(storeId: string, receiptNo: string, m: EntityManager = this.dataSource.manager): Promise<StoredPosting | null> {
    return (await this.findPurchases(m, [{ storeId, receiptNo }])).get(receiptKey(storeId, receiptNo)) ?? null;
  }

  /** The purchases already posted under these numbers, keyed by receiptKey(). */
  async findPurchases(m: EntityManager, keys: Array<{ storeId: string; receiptNo: string }>): Promise<Map<string, StoredPosting>> {
    const out = new Map<string, StoredPosting>();
    if (keys.length === 0) {
      return out;
    }
    const rows: Array<{ id: string; store_id: string; receipt_no: string; member_id: string; request_hash: string; response: string }> =
      await m.query(
        `SELECT id, store_id, receipt_no, member_id, request_hash, response FROM purchases
          WHERE ${keys.map(() => '(store_id = ? AND receipt_no = ?)').join(' OR ')}`,
        keys.flatMap((k) => [k.storeId, k.receiptNo]),
      );
    for (const r of rows) {
      out.set(receiptKey(r.store_id, r.receipt_no), { id: r.id, memberId: r.member_id, requestHash: r.request_hash, response: r.response });
    }
    return out;
  }

  /** Purchases and all their lines: two multi-row INSERTs whatever the number of receipts. */
  async insertPurchases(m: EntityManager, purchases: NewPurchase[]): Promise<void> {
    if (purchases.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO purchases (id, store_id, receipt_no, member_id, card_no, occurred_at, total_cents, eligible_cents,
         points_earned, refunded_cents, refunded_eligible_cents, points_reversed, lot_id, request_hash, response, created_at)
       VALUES ${purchases.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)').join(', ')}`,
      purchases.flatMap((p) => [
        p.id,
        p.storeId,
        p.receiptNo,
        p.memberId,
        p.cardNo,
        p.occurredAt,
        p.totalCents,
        p.eligibleCents,
        p.pointsEarned,
        p.lotId,
        p.requestHash,
        p.response,
        p.createdAt,
      ]),
    );
    const lines = purchases.flatMap((p) =>
      p.lines.map((l, i) => [p.id, i + 1, p.memberId, l.sku, l.category, l.quantityMilli, l.amountCents, l.eligible, 0, 0]),
    );
    await m.query(
      `INSERT INTO purchase_lines (purchase_id, line_no, member_id, sku, category, quantity_milli, amount_cents, eligible,
         refunded_quantity_milli, refunded_cents)
       VALUES ${placeholders(lines.length, 10)}`,
      lines.flat(),
    );
  }

  async lockPurchase(m: EntityManager, purchaseId: string): Promise<PurchaseForRefund> {
    const rows: Array<Record<string, string | Date | null>> = await m.query(
      `SELECT id, member_id, receipt_no, occurred_at, total_cents, refunded_cents, eligible_cents, points_earned,
              refunded_eligible_cents, points_reversed, lot_id, response
         FROM purchases WHERE id = ? FOR UPDATE`,
      [purchaseId],
    );
    const r = rows[0];
    return {
      id: String(r.id),
      memberId: String(r.member_id),
      receiptNo: String(r.receipt_no),
      occurredAt: new Date(r.occurred_at as Date),
      totalCents: toInt(r.total_cents),
      refundedCents: toInt(r.refunded_cents),
      eligibleCents: toInt(r.eligible_cents),
      pointsEarned: toInt(r.points_earned),
      refundedEligibleCents: toInt(r.refunded_eligible_cents),
      pointsReversed: toInt(r.points_reversed),
      lotId: r.lot_id === null ? null : toInt(r.lot_id),
      campaignRows: campaignRowsOf(String(r.response)),
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

  async findRefund(storeId: string, refundNo: string): Promise<StoredPosting | null> {
    const rows: Array<{ id: string; member_id: string; request_hash: string; response: string }> = await this.dataSource.query(
      'SELECT id, member_id, request_hash, response FROM refunds WHERE store_id = ? AND refund_no = ?',
      [storeId, refundNo],
    );
    const r = rows[0];
    return r ? { id: r.id, memberId: r.member_id, requestHash: r.request_hash, response: r.response } : null;
  }

  async insertRefund(m: EntityManager, r: NewRefund): Promise<void> {
    await m.query(
      `INSERT INTO refunds (id, store_id, refund_no, purchase_id, member_id, refunded_cents, refunded_eligible_cents,
         points_reversed, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.id,
        r.storeId,
        r.refundNo,
        r.purchaseId,
        r.memberId,
        r.refundedCents,
        r.refundedEligibleCents,
        r.pointsReversed,
        r.requestHash,
        r.response,
        r.createdAt,
      ],
    );
  }

  /** A merge: purchases (with their lines) and refunds follow the person to the survivor. */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    for (const table of ['purchases', 'purchase_lines', 'refunds']) {
      await m.query(`UPDATE ${table} SET member_id = ? WHERE member_id = ?`, [toMemberId, fromMemberId]);
    }
  }
}

export function receiptKey(storeId: string, receiptNo: string): string {
  return `${storeId}\u0000${receiptNo}`;
}

/** The campaign rows of a stored purchase answer (its breakdown is the record of what each bonus rule gave). */
function campaignRowsOf(response: string): Array<{ campaignId: string; points: number }> {
  const body = JSON.parse(response) as { breakdown?: Array<{ rule: string; campaignId?: string; points: number }> };
  return (body.breakdown ?? []).flatMap((row) =>
    row.rule === 'campaign' && row.campaignId ? [{ campaignId: row.campaignId, points: row.points }] : [],
  );
}
