import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { select, execute } from '../../database/sql';
import { Coupon, CouponStatus } from './entities/coupon.entity';
import { CouponUseStatus } from './entities/coupon-use.entity';

type Db = Pick<EntityManager, 'query'>;

interface CouponRow {
  id: string;
  code: string;
  reward_id: string;
  member_id: string;
  source: Coupon['source'];
  source_ref: string | null;
  points_paid: string | number;
  exchange_entry_id: string | number | null;
  name_zh: string;
  name_en: string;
  kind: Coupon['kind'];
  value_cents: string | number | null;
  percent_off: number | null;
  gift_sku: string | null;
  min_spend_cents: string | number;
  store_ids: string | null;
  valid_from: Date;
  valid_until: Date;
  status: CouponStatus;
  issued_at: Date;
  redeemed_purchase_id: string | null;
  redeemed_at: Date | null;
  void_reason: string | null;
  voided_at: Date | null;
  expired_at: Date | null;
  expiry_notice_at: Date | null;
}

const FIELDS: Array<[keyof Coupon, keyof CouponRow]> = [
  ['id', 'id'],
  ['code', 'code'],
  ['rewardId', 'reward_id'],
  ['memberId', 'member_id'],
  ['source', 'source'],
  ['sourceRef', 'source_ref'],
  ['pointsPaid', 'points_paid'],
  ['exchangeEntryId', 'exchange_entry_id'],
  ['nameZh', 'name_zh'],
  ['nameEn', 'name_en'],
  ['kind', 'kind'],
  ['valueCents', 'value_cents'],
  ['percentOff', 'percent_off'],
  ['giftSku', 'gift_sku'],
  ['minSpendCents', 'min_spend_cents'],
  ['storeIds', 'store_ids'],
  ['validFrom', 'valid_from'],
  ['validUntil', 'valid_until'],
  ['status', 'status'],
  ['issuedAt', 'issued_at'],
  ['redeemedPurchaseId', 'redeemed_purchase_id'],
  ['redeemedAt', 'redeemed_at'],
  ['voidReason', 'void_reason'],
  ['voidedAt', 'voided_at'],
  ['expiredAt', 'expired_at'],
  ['expiryNoticeAt', 'expiry_notice_at'],
];

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

function toCoupon(r: CouponRow): Coupon {
  return {
    ...Object.fromEntries(FIELDS.map(([field, column]) => [field, r[column]])),
    pointsPaid: Number(r.points_paid),
    exchangeEntryId: num(r.exchange_entry_id),
    valueCents: num(r.value_cents),
    minSpendCents: Number(r.min_spend_cents),
  } as Coupon;
}

export interface NewCouponUse {
  purchaseId: string;
  code: string;
  couponId: string | null;
  memberId: string;
  storeId: string;
  receiptNo: string;
  status: CouponUseStatus;
  reason: string | null;
  discountCents: number | null;
  occurredAt: Date;
  createdAt: Date;
}

/** The coupons aggregate: issued coupons, their guarded state changes, and their uses on purchases. All SQL here. */
@Injectable()
export class CouponsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(m: Db, coupon: Coupon): Promise<void> {
    await execute(
      m,
      `INSERT INTO coupons (${FIELDS.map(([, c]) => c).join(', ')}) VALUES (${FIELDS.map(() => '?').join(', ')})`,
      FIELDS.map(([field]) => coupon[field]),
    );
  }

  async findByCode(code: string, m: Db = this.dataSource.manager): Promise<Coupon | null> {
    const rows = await select<CouponRow>(m, 'SELECT * FROM coupons WHERE code = ?', [code]);
    return rows[0] ? toCoupon(rows[0]) : null;
  }

  /** Locks the coupons of these codes (in code order, so two sales naming the same coupons never deadlock). */
  async lockByCodes(m: Db, codes: string[]): Promise<Map<string, Coupon>> {
    if (codes.length === 0) {
      return new Map();
    }
    const rows = await select<CouponRow>(
      m,
      `SELECT * FROM coupons WHERE code IN (${codes.map(() => '?').join(', ')}) ORDER BY code FOR UPDATE`,
      codes,
    );
    return new Map(rows.map((r) => [r.code, toCoupon(r)]));
  }

  /** active → redeemed for this purchase; false when it was not active any more. */
  async redeem(m: Db, couponId: string, purchaseId: string, at: Date): Promise<boolean> {
    const result = await execute(
      m,
      `UPDATE coupons SET status = 'redeemed', redeemed_purchase_id = ?, redeemed_at = ? WHERE id = ? AND status = 'active'`,
      [purchaseId, at, couponId],
    );
    return result.affectedRows === 1;
  }

  /** active → void; false when it was not active any more. */
  async void(m: Db, couponId: string, reason: string, at: Date): Promise<boolean> {
    const result = await execute(
      m,
      `UPDATE coupons SET status = 'void', void_reason = ?, voided_at = ? WHERE id = ? AND status = 'active'`,
      [reason, at, couponId],
    );
    return result.affectedRows === 1;
  }

  /** A merge: the source's coupons and their uses go to the survivor (each coupon keeps its code and state). */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    await execute(m, 'UPDATE coupons SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
    await execute(m, 'UPDATE coupon_uses SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
  }

  async insertUses(m: Db, uses: NewCouponUse[]): Promise<void> {
    if (uses.length === 0) {
      return;
    }
    await execute(
      m,
      `INSERT INTO coupon_uses (purchase_id, code, coupon_id, member_id, store_id, receipt_no, status, reason, discount_cents, occurred_at, created_at)
       VALUES ${uses.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      uses.flatMap((u) => [
        u.purchaseId,
        u.code,
        u.couponId,
        u.memberId,
        u.storeId,
        u.receiptNo,
        u.status,
        u.reason,
        u.discountCents,
        u.occurredAt,
        u.createdAt,
      ]),
    );
  }

  /**
   * A full refund: each use of the purchase still `redeemed` becomes `returned` (once: the guarded UPDATE on the
   * use), and its coupon active again if still valid at `now`; a coupon past its validity stays redeemed.
   */
  async returnUsesOf(m: Db, purchaseId: string, now: Date): Promise<number> {
    const uses = await select<{ id: string; coupon_id: string }>(
      m,
      `SELECT id, coupon_id FROM coupon_uses WHERE purchase_id = ? AND status = 'redeemed' ORDER BY id FOR UPDATE`,
      [purchaseId],
    );
    let reactivated = 0;
    for (const use of uses) {
      const marked = await execute(m, `UPDATE coupon_uses SET status = 'returned' WHERE id = ? AND status = 'redeemed'`, [use.id]);
      if (marked.affectedRows !== 1) {
        continue;
      }
      const back = await execute(
        m,
        `UPDATE coupons SET status = 'active', redeemed_purchase_id = NULL, redeemed_at = NULL
          WHERE id = ? AND status = 'redeemed' AND redeemed_purchase_id = ? AND valid_until >= ?`,
        [use.coupon_id, purchaseId, now],
      );
      reactivated += back.affectedRows;
    }
    return reactivated;
  }

  /** Active coupons of the members in [fromId, toId) whose validity ended before asOf. */
  async expiredIn(fromId: string, toId: string | null, asOf: Date, limit: number): Promise<Array<{ id: string; memberId: string }>> {
    const rows = await select<{ id: string; member_id: string }>(
      this.dataSource.manager,
      `SELECT id, member_id FROM coupons
        WHERE status = 'active' AND valid_until < ? AND member_id >= ? ${toId !== null ? 'AND member_id < ?' : ''}
        ORDER BY id LIMIT ${Number(limit)}`,
      toId !== null ? [asOf, fromId, toId] : [asOf, fromId],
    );
    return rows.map((r) => ({ id: r.id, memberId: r.member_id }));
  }

  /** active → expired for these coupons (guarded: one used or voided meanwhile stays as it is). */
  async expire(ids: string[], at: Date): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const result = await execute(
      this.dataSource.manager,
      `UPDATE coupons SET status = 'expired', expired_at = ? WHERE status = 'active' AND id IN (${ids.map(() => '?').join(', ')})`,
      [at, ...ids],
    );
    return result.affectedRows;
  }

  /** Active coupons of the range ending within (asOf, until] whose expiry notice has not been queued. */
  async expiringUnnoticed(
    fromId: string,
    toId: string | null,
    asOf: Date,
    until: Date,
    limit: number,
  ): Promise<Array<{ id: string; memberId: string; code: string; nameZh: string; nameEn: string; validUntil: Date }>> {
    const rows = await select<{ id: string; member_id: string; code: string; name_zh: string; name_en: string; valid_until: Date }>(
      this.dataSource.manager,

      `SELECT id, member_id, code, name_zh, name_en, valid_until FROM coupons
          WHERE status = 'active' AND expiry_notice_at IS NULL AND valid_until > ? AND valid_until <= ?
            AND member_id >= ? ${toId !== null ? 'AND member_id < ?' : ''}
          ORDER BY id LIMIT ${Number(limit)}`,
      toId !== null ? [asOf, until, fromId, toId] : [asOf, until, fromId],
    );
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      validUntil: new Date(r.valid_until),
    }));
  }

  async markExpiryNoticed(m: Db, ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await execute(
      m,
      `UPDATE coupons SET expiry_notice_at = ? WHERE expiry_notice_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
      [at, ...ids],
    );
  }
}
