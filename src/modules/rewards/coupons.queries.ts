import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { select } from '../../database/sql';
import { CouponStatus } from './entities/coupon.entity';

export interface MemberCouponRow {
  id: string;
  code: string;
  rewardId: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  valueCents: number | null;
  percentOff: number | null;
  giftSku: string | null;
  minSpendCents: number;
  storeIds: string | null;
  validFrom: Date;
  validUntil: Date;
  status: CouponStatus;
  issuedAt: Date;
  redeemedAt: Date | null;
}

export interface CouponConflictRow {
  id: number;
  code: string;
  couponId: string | null;
  memberId: string;
  storeId: string;
  storeName: string | null;
  receiptNo: string;
  purchaseId: string;
  reason: string | null;
  occurredAt: Date;
  createdAt: Date;
}

export interface OutstandingCoupons {
  count: number;
  faceValueCents: number;
  /** Coupons without a fixed face value (percent off, gift). */
  withoutFaceValue: number;
  expiring: Array<{ month: string; count: number; faceValueCents: number }>;
}

/** A campaign's coupons: issued, used at a till, and the receipts they were used on (net of refunds). */
export interface CampaignCouponFigures {
  issued: number;
  used: number;
  purchases: number;
  spendCents: number;
}

/** Read models over coupons: a member's coupons, the offline conflicts, and the outstanding coupons for the liability report. */
@Injectable()
export class CouponsQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A member's coupons (the member/status/validity index), at most 200 per status group. */
  async ofMember(memberId: string): Promise<MemberCouponRow[]> {
    const rows = await select<Record<string, unknown>>(
      this.dataSource.manager,
      `SELECT id, code, reward_id, name_zh, name_en, kind, value_cents, percent_off, gift_sku, min_spend_cents, store_ids,
              valid_from, valid_until, status, issued_at, redeemed_at
         FROM coupons WHERE member_id = ? ORDER BY valid_until DESC, id DESC LIMIT 600`,
      [memberId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      code: r.code as string,
      rewardId: r.reward_id as string,
      nameZh: r.name_zh as string,
      nameEn: r.name_en as string,
      kind: r.kind as string,
      valueCents: r.value_cents === null ? null : Number(r.value_cents),
      percentOff: r.percent_off === null ? null : Number(r.percent_off),
      giftSku: r.gift_sku as string | null,
      minSpendCents: Number(r.min_spend_cents),
      storeIds: r.store_ids as string | null,
      validFrom: new Date(r.valid_from as Date),
      validUntil: new Date(r.valid_until as Date),
      status: r.status as CouponStatus,
      issuedAt: new Date(r.issued_at as Date),
      redeemedAt: r.redeemed_at ? new Date(r.redeemed_at as Date) : null,
    }));
  }

  /** The reward names of a member's exchanges (for the points history), keyed by exchange id. */
  async exchangeNames(memberId: string, exchangeIds: string[]): Promise<Map<string, { nameZh: string; nameEn: string }>> {
    if (exchangeIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ id: string; name_zh: string; name_en: string }>(
      this.dataSource.manager,
      `SELECT e.id, c.name_zh, c.name_en FROM reward_exchanges e JOIN coupons c ON c.id = e.coupon_id
        WHERE e.member_id = ? AND e.id IN (${exchangeIds.map(() => '?').join(', ')})`,
      [memberId, ...exchangeIds],
    );
    return new Map(rows.map((r) => [r.id, { nameZh: r.name_zh, nameEn: r.name_en }]));
  }

  /** Offline receipts whose coupon was rejected, newest first, paged by id. */
  async conflicts(cursor: number | null, limit: number, storeId: string | null): Promise<CouponConflictRow[]> {
    const where = ["u.status = 'rejected'", cursor !== null ? 'u.id < ?' : null, storeId ? 'u.store_id = ?' : null].filter(
      (w) => w !== null,
    );
    const rows = await select<Record<string, unknown>>(
      this.dataSource.manager,
      `SELECT u.id, u.code, u.coupon_id, u.member_id, u.store_id, s.name AS store_name, u.receipt_no, u.purchase_id, u.reason,
              u.occurred_at, u.created_at
         FROM coupon_uses u LEFT JOIN stores s ON s.id = u.store_id
        WHERE ${where.join(' AND ')} ORDER BY u.id DESC LIMIT ${Number(limit)}`,
      [cursor, storeId].filter((v) => v !== null),
    );
    return rows.map((r) => ({
      id: Number(r.id),
      code: r.code as string,
      couponId: r.coupon_id as string | null,
      memberId: r.member_id as string,
      storeId: r.store_id as string,
      storeName: r.store_name as string | null,
      receiptNo: r.receipt_no as string,
      purchaseId: r.purchase_id as string,
      reason: r.reason as string | null,
      occurredAt: new Date(r.occurred_at as Date),
      createdAt: new Date(r.created_at as Date),
    }));
  }

  /** Active coupons not yet past their validity: count, face value (amount off) and by month of expiry (UTC months). */
  async outstanding(asOf: Date): Promise<OutstandingCoupons> {
    const rows = await select<{ month: string; n: string | number; face: string | number | null; unpriced: string | number }>(
      this.dataSource.manager,

      `SELECT DATE_FORMAT(valid_until, '%Y-%m') AS month, COUNT(*) AS n,
              SUM(CASE WHEN kind = 'amount_off' THEN value_cents ELSE 0 END) AS face,
              SUM(CASE WHEN kind = 'amount_off' THEN 0 ELSE 1 END) AS unpriced
         FROM coupons WHERE status = 'active' AND valid_until >= ?
        GROUP BY DATE_FORMAT(valid_until, '%Y-%m') ORDER BY month`,
      [asOf],
    );
    const expiring = rows.map((r) => ({ month: r.month, count: Number(r.n), faceValueCents: Number(r.face ?? 0) }));
    return {
      count: expiring.reduce((s, e) => s + e.count, 0),
      faceValueCents: expiring.reduce((s, e) => s + e.faceValueCents, 0),
      withoutFaceValue: rows.reduce((s, r) => s + Number(r.unpriced), 0),
      expiring,
    };
  }

  /** The coupons a campaign issued (every occurrence), how many were used, and the receipts they were used on. */
  async ofCampaign(campaignId: string): Promise<CampaignCouponFigures> {
    const [row] = await select<{ issued: string; used: string | null; purchases: string; spend: string | null }>(
      this.dataSource,
      `SELECT COUNT(*) AS issued, SUM(c.redeemed_at IS NOT NULL) AS used, COUNT(DISTINCT c.redeemed_purchase_id) AS purchases,
              SUM(p.total_cents - p.refunded_cents) AS spend
         FROM coupons c LEFT JOIN purchases p ON p.id = c.redeemed_purchase_id
        WHERE c.source = 'campaign' AND c.source_ref LIKE ?`,
      [`${campaignId}:%`],
    );
    return {
      issued: Number(row?.issued ?? 0),
      used: Number(row?.used ?? 0),
      purchases: Number(row?.purchases ?? 0),
      spendCents: Number(row?.spend ?? 0),
    };
  }
}
