import { createHash } from 'node:crypto';
import { PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { newId } from '../src/common/ids';

export interface RawLine {
  sku: string;
  category: string;
  quantity: number;
  amountCents: number;
}

/**
 * The writes of one accrual and nothing else, one transaction per purchase on
 * a dedicated connection per terminal: lock the account, ledger entry, lot,
 * account update, purchase with its stored answer, its lines.
 */
export async function rawPurchase(
  conn: PoolConnection,
  memberId: string,
  cardNo: string,
  storeId: string,
  receiptNo: string,
  lines: RawLine[],
): Promise<{ points: number; balanceAfter: number; purchaseId: string }> {
  const total = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const points = Math.floor(total / 100);
  const now = new Date();
  const expires = new Date(now);
  expires.setUTCMonth(expires.getUTCMonth() + 24);
  const purchaseId = newId();
  const requestHash = createHash('sha256').update(JSON.stringify({ receiptNo, cardNo, lines, total })).digest('hex');

  await conn.query('START TRANSACTION');
  try {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT balance FROM point_accounts WHERE member_id = ? FOR UPDATE', [memberId]);
    const balanceAfter = Number(rows[0].balance) + points;
    const [entry] = await conn.query<ResultSetHeader>(
      `INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, note, created_at)
       VALUES (?, 'accrual', ?, ?, ?, 'purchase', ?, NULL, ?)`,
      [memberId, points, balanceAfter, storeId, purchaseId, now],
    );
    const [lot] = await conn.query<ResultSetHeader>(
      'INSERT INTO point_lots (member_id, entry_id, points, remaining, earned_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      [memberId, entry.insertId, points, points, now, expires],
    );
    await conn.query(
      `UPDATE point_accounts SET balance = balance + ?, lifetime_earned = lifetime_earned + ?, lifetime_redeemed = lifetime_redeemed + 0,
          updated_at = ? WHERE member_id = ?`,
      [points, points, now, memberId],
    );
    // An answer of the same shape and size as the one the API stores for replays.
    const response = JSON.stringify({
      transactionId: purchaseId,
      receiptNo,
      memberId,
      pointsEarned: points,
      breakdown: [{ rule: 'base', points }],
      points: { balance: balanceAfter, available: balanceAfter, pending: 0 },
      tier: { code: 'STANDARD', changed: false, previous: null },
    });
    await conn.query(
      `INSERT INTO purchases (id, store_id, receipt_no, member_id, card_no, occurred_at, total_cents, eligible_cents,
         points_earned, refunded_cents, refunded_eligible_cents, points_reversed, lot_id, request_hash, response, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)`,
      [purchaseId, storeId, receiptNo, memberId, cardNo, now, total, total, points, lot.insertId, requestHash, response, now],
    );
    await conn.query(
      `INSERT INTO purchase_lines (purchase_id, line_no, member_id, sku, category, quantity_milli, amount_cents, eligible,
         refunded_quantity_milli, refunded_cents) VALUES ?`,
      [lines.map((l, i) => [purchaseId, i + 1, memberId, l.sku, l.category, l.quantity * 1000, l.amountCents, 1, 0, 0])],
    );
    await conn.query('COMMIT');
    return { points, balanceAfter, purchaseId };
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * The read of one till lookup by card, as the API's MembersRepository.posView makes it (member, balance, card
 * status and the active clubs in one statement); the tier comes from the API's cache, so it has no twin here.
 */
export async function rawLookup(conn: PoolConnection, cardNo: string): Promise<boolean> {
  const [rows] = await conn.query<RowDataPacket[]>(
    `SELECT m.id, m.name, m.phone, m.tier_code, COALESCE(a.balance, 0) AS balance, COALESCE(a.pending, 0) AS pending,
       (SELECT GROUP_CONCAT(cl.code ORDER BY cl.code SEPARATOR ',') FROM club_members cm JOIN clubs cl ON cl.id = cm.club_id
         WHERE cm.member_id = m.id AND cm.status = 'active' AND cl.status = 'active') AS club_codes,
       c.card_no, c.status AS card_status
       FROM cards c JOIN members m ON m.id = c.member_id LEFT JOIN point_accounts a ON a.member_id = m.id
      WHERE c.card_no = ?`,
    [cardNo],
  );
  return rows.length === 1 && rows[0].card_status === 'active';
}
