import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../../database/transaction';
import { LedgerWriter } from '../../ledger/ledger-writer';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { MemberRange } from '../member-ranges';

const MEMBERS_PER_TRANSACTION = 200;

export interface ExpiryTotals {
  members: number;
  lots: number;
  points: number;
}

/**
 * Expires the lots of one member-id range whose date has passed: each lot's
 * remaining points leave through an `expiry` entry. Safe to run twice (an
 * expired lot has nothing left) and beside postings (same account locks).
 */
@Injectable()
export class ExpirePointsUseCase {
  private readonly logger = new Logger(ExpirePointsUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly repo: LedgerRepository,
  ) {}

  async execute(range: MemberRange, asOf: Date): Promise<ExpiryTotals> {
    const totals: ExpiryTotals = { members: 0, lots: 0, points: 0 };
    let after = '';
    for (;;) {
      const memberIds = await this.repo.membersWithExpiredLots(range.fromId, range.toId, asOf, after, MEMBERS_PER_TRANSACTION);
      if (memberIds.length === 0) {
        break;
      }
      const done = await inTransaction(this.dataSource, async (m) => {
        const session = await this.ledger.open(m, memberIds);
        const lots = await this.repo.lockExpiredLots(
          m,
          memberIds.filter((id) => session.has(id)),
          asOf,
        );
        const t: ExpiryTotals = { members: 0, lots: 0, points: 0 };
        for (const [memberId, memberLots] of lots) {
          t.points += session.expireLots(memberId, memberLots);
          t.lots += memberLots.length;
          t.members += 1;
        }
        await session.flush();
        return t;
      });
      totals.members += done.members;
      totals.lots += done.lots;
      totals.points += done.points;
      after = memberIds[memberIds.length - 1];
    }
    this.logger.log({ ...totals, range, asOf: asOf.toISOString() }, 'points expired');
    return totals;
  }
}
