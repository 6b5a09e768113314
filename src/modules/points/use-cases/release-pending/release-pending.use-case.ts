import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../../database/transaction';
import { LedgerWriter } from '../../ledger/ledger-writer';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { MemberRange } from '../member-ranges';

const MEMBERS_PER_TRANSACTION = 200;

/**
 * Pending points whose return window has run become spendable, for one
 * member-id range. The ledger has no entry for it (the points were already in
 * the balance); only `pending` goes down. Safe to run twice.
 */
@Injectable()
export class ReleasePendingUseCase {
  private readonly logger = new Logger(ReleasePendingUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly repo: LedgerRepository,
  ) {}

  async execute(range: MemberRange, asOf: Date): Promise<{ members: number; lots: number; points: number }> {
    const totals = { members: 0, lots: 0, points: 0 };
    let after = '';
    for (;;) {
      const memberIds = await this.repo.membersWithReleasableLots(range.fromId, range.toId, asOf, after, MEMBERS_PER_TRANSACTION);
      if (memberIds.length === 0) {
        break;
      }
      const done = await inTransaction(this.dataSource, async (m) => {
        const session = await this.ledger.open(m, memberIds);
        const lots = await this.repo.lockReleasableLots(
          m,
          memberIds.filter((id) => session.has(id)),
          asOf,
        );
        const t = { members: 0, lots: 0, points: 0 };
        for (const [memberId, memberLots] of lots) {
          t.points += await session.releaseLots(memberId, memberLots);
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
    this.logger.log({ ...totals, range, asOf: asOf.toISOString() }, 'pending points released');
    return totals;
  }
}
