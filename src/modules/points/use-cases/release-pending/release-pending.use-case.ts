import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LedgerWriter } from '../../ledger/ledger-writer';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { handleLotsByMemberChunks, LotTotals } from '../lots-by-member-chunks';
import { MemberRange } from '../../../jobs/member-ranges';

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

  async release(range: MemberRange, asOf: Date): Promise<LotTotals> {
    const totals = await handleLotsByMemberChunks({
      dataSource: this.dataSource,
      ledger: this.ledger,
      nextMembers: (after) => this.repo.membersWithReleasableLots(range.fromId, range.toId, asOf, after, MEMBERS_PER_TRANSACTION),
      lockLots: (session, memberIds) => this.repo.lockReleasableLots(session.manager, memberIds, asOf),
      handle: (session, memberId, lots) => session.releaseLots(memberId, lots),
    });
    this.logger.log({ ...totals, range, asOf: asOf.toISOString() }, 'pending points released');
    return totals;
  }
}
