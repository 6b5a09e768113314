import { Injectable } from '@nestjs/common';
import { CouponsQueries } from '../coupons.queries';
import { CouponConflictsResponse } from '../dto/reward.response';

/** Admin coupons/conflicts: offline receipts that named a coupon that could not be used (the till gave the discount). */
@Injectable()
export class ListCouponConflictsUseCase {
  constructor(private readonly queries: CouponsQueries) {}

  async list(cursor: number | null, limit: number, storeId: string | null): Promise<CouponConflictsResponse> {
    const rows = await this.queries.conflicts(cursor, limit + 1, storeId);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: String(r.id),
        code: r.code,
        couponId: r.couponId,
        memberId: r.memberId,
        storeId: r.storeId,
        storeName: r.storeName,
        receiptNo: r.receiptNo,
        purchaseId: r.purchaseId,
        reason: r.reason ?? 'not_found',
        occurredAt: r.occurredAt.toISOString(),
        postedAt: r.createdAt.toISOString(),
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
    };
  }
}
