import { Injectable } from '@nestjs/common';
import { CouponsQueries } from '../../rewards/coupons.queries';
import { PortalQueries, PurchaseRef } from '../portal.queries';
import { describeEntry, EntryContext, HistoryItem } from '../rules/history-wording';

interface StoredBreakdown {
  breakdown?: Array<{ rule: string; points: number; name?: string | null }>;
}

/**
 * GET me/history: the member's ledger, newest first, each entry in words.
 * Looked up per page with one query per kind (purchases, refunds,
 * redemptions, stores, campaigns, lots), every one keyed by the member's id,
 * so nothing of another member can be joined in.
 */
@Injectable()
export class GetHistoryUseCase {
  constructor(
    private readonly repo: PortalQueries,
    private readonly coupons: CouponsQueries,
  ) {}

  async get(
    memberId: string,
    cursor: number | null,
    limit: number,
    direction: 'earned' | 'spent' | null = null,
  ): Promise<{ items: HistoryItem[]; nextCursor: string | null }> {
    const rows = await this.repo.entries(memberId, cursor, limit + 1, direction);
    const page = rows.slice(0, limit);
    const refs = (refType: string) => [...new Set(page.filter((e) => e.refType === refType).map((e) => e.refId))];
    const [purchases, refunds, redemptions, lots, rewards] = await Promise.all([
      this.repo.purchases(memberId, refs('purchase')),
      this.repo.refunds(memberId, refs('refund')),
      this.repo.redemptions(memberId, refs('redemption')),
      this.repo.lotsEarnedAt(
        memberId,
        refs('lot')
          .map(Number)
          .filter((n) => Number.isSafeInteger(n)),
      ),
      this.coupons.exchangeNames(memberId, refs('reward')),
    ]);
    const campaignIds = [...new Set(refs('campaign').map((r) => r.split(':')[0]))];
    const storeIds = new Set<string>(page.map((e) => e.storeId).filter((s): s is string => s !== null));
    [...purchases.values(), ...refunds.values(), ...redemptions.values()].forEach((r) => storeIds.add(r.storeId));
    const [stores, campaigns] = await Promise.all([this.repo.storeNames([...storeIds]), this.repo.campaignNames(campaignIds)]);

    const items = page.map((e) => {
      const ctx: EntryContext = {};
      const storeId = e.storeId;
      if (e.refType === 'purchase') {
        const p = purchases.get(e.refId);
        if (p) {
          Object.assign(ctx, {
            receiptNo: p.receiptNo,
            totalCents: p.totalCents,
            occurredAt: p.occurredAt,
            breakdown: breakdownOf(p),
            storeName: stores.get(p.storeId),
          });
        }
      } else if (e.refType === 'refund') {
        const f = refunds.get(e.refId);
        if (f) {
          Object.assign(ctx, { receiptNo: f.receiptNo, refundNo: f.refundNo, storeName: stores.get(f.storeId) });
        }
      } else if (e.refType === 'redemption') {
        const r = redemptions.get(e.refId);
        if (r) {
          Object.assign(ctx, { redemptionNo: r.redemptionNo, discountCents: r.discountCents, storeName: stores.get(r.storeId) });
        }
      } else if (e.refType === 'campaign') {
        ctx.campaignName = campaigns.get(e.refId.split(':')[0]) ?? null;
      } else if (e.refType === 'reward') {
        const r = rewards.get(e.refId);
        ctx.rewardName = r ? `${r.nameZh} / ${r.nameEn}` : null;
      } else if (e.refType === 'lot') {
        ctx.earnedAt = lots.get(Number(e.refId)) ?? null;
      }
      if (!ctx.storeName && storeId) {
        ctx.storeName = stores.get(storeId) ?? null;
      }
      return describeEntry(e, ctx);
    });
    return { items, nextCursor: rows.length > limit ? String(page[page.length - 1].entryId) : null };
  }
}

function breakdownOf(p: PurchaseRef): StoredBreakdown['breakdown'] {
  try {
    const body = JSON.parse(p.response) as StoredBreakdown;
    return Array.isArray(body.breakdown) ? body.breakdown.map((b) => ({ rule: b.rule, points: b.points, name: b.name ?? null })) : [];
  } catch {
    return [];
  }
}
