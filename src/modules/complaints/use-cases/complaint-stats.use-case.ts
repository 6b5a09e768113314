import { Injectable } from '@nestjs/common';
import { complaintInvalid } from '../complaints.errors';
import { ComplaintsRepository } from '../complaints.repository';
import { ComplaintStatsResponse, ComplaintStoreRow } from '../dto/complaint.response';
import { median, perThousandReceipts } from '../rules/complaint-figures';

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 100) / 100);

/**
 * The store archive's figures for cases raised in [from, to): complaints per
 * 1,000 receipts (purchases posted at the store in the same period) by store
 * and by store and category, and the median hours to the first answer and to
 * the resolution (of the cases that have one), in all and by store.
 */
@Injectable()
export class ComplaintStatsUseCase {
  constructor(private readonly repo: ComplaintsRepository) {}

  async stats(from: Date, to: Date): Promise<ComplaintStatsResponse> {
    if (to <= from) {
      throw complaintInvalid('to', 'to must be after from');
    }
    const counts = await this.repo.countsByStoreAndCategory(from, to);
    const storeIds = [...new Set(counts.map((c) => c.storeId).filter((s): s is string => s !== null))];
    const [receipts, names, durations] = await Promise.all([
      this.repo.receiptsByStore(from, to, storeIds),
      this.repo.storeNames(storeIds),
      this.repo.durations(from, to),
    ]);
    const receiptsOf = (storeId: string | null) => (storeId ? (receipts.get(storeId) ?? 0) : 0);
    const nameOf = (storeId: string | null) => (storeId ? (names.get(storeId)?.name ?? null) : null);
    const medians = (storeId: string | null | undefined) => {
      const rows = storeId === undefined ? durations : durations.filter((d) => d.storeId === storeId);
      return {
        medianHoursToFirstAnswer: hours(median(rows.flatMap((d) => (d.toAnswer === null ? [] : [d.toAnswer])))),
        medianHoursToResolution: hours(median(rows.flatMap((d) => (d.toResolve === null ? [] : [d.toResolve])))),
      };
    };
    const byStore = new Map<string | null, number>();
    for (const c of counts) {
      byStore.set(c.storeId, (byStore.get(c.storeId) ?? 0) + c.complaints);
    }
    const storeRows: ComplaintStoreRow[] = [...byStore.entries()].map(([storeId, complaints]) => ({
      storeId,
      storeName: nameOf(storeId),
      complaints,
      receipts: receiptsOf(storeId),
      perThousandReceipts: storeId ? perThousandReceipts(complaints, receiptsOf(storeId)) : null,
      ...medians(storeId),
    }));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      complaints: counts.reduce((s, c) => s + c.complaints, 0),
      ...medians(undefined),
      byStore: storeRows.sort((a, b) => b.complaints - a.complaints),
      byStoreAndCategory: counts
        .map((c) => ({
          storeId: c.storeId,
          storeName: nameOf(c.storeId),
          category: c.category,
          complaints: c.complaints,
          receipts: receiptsOf(c.storeId),
          perThousandReceipts: c.storeId ? perThousandReceipts(c.complaints, receiptsOf(c.storeId)) : null,
        }))
        .sort((a, b) => b.complaints - a.complaints || a.category.localeCompare(b.category)),
    };
  }
}
