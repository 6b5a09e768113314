import { Injectable } from '@nestjs/common';
import { toInt } from '../../common/transformers';
import { LedgerRepository } from './ledger/ledger.repository';
import { PointsSummary, pointsSummary } from './points.types';

export interface LedgerEntryView {
  id: number;
  type: string;
  points: number;
  balanceAfter: number;
  storeId: string | null;
  refType: string;
  refId: string;
  note: string | null;
  createdAt: string;
}

export interface LedgerPage {
  memberId: string;
  points: PointsSummary;
  entries: LedgerEntryView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

@Injectable()
export class LedgerService {
  constructor(private readonly repo: LedgerRepository) {}

  async summary(memberId: string): Promise<PointsSummary> {
    const account = await this.repo.readAccount(memberId);
    return pointsSummary(account?.balance ?? 0, account?.pending ?? 0);
  }

  /** The member's entries, newest first, a page at a time. */
  async page(memberId: string, limit: number, before: number | null): Promise<LedgerPage> {
    const [points, rows] = await Promise.all([this.summary(memberId), this.repo.ledgerPage(memberId, limit + 1, before)]);
    const entries = rows.slice(0, limit).map((r): LedgerEntryView => ({
      id: toInt(r.id),
      type: String(r.type),
      points: toInt(r.points),
      balanceAfter: toInt(r.balance_after),
      storeId: (r.store_id as string | null) ?? null,
      refType: String(r.ref_type),
      refId: String(r.ref_id),
      note: (r.note as string | null) ?? null,
      createdAt: new Date(r.created_at as string | Date).toISOString(),
    }));
    const nextBefore = rows.length > limit ? entries[entries.length - 1].id : null;
    return { memberId, points, entries, nextBefore };
  }
}
