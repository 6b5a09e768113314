import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LedgerWriter } from '../../ledger/ledger-writer';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { handleLotsByMemberChunks, LotTotals } from '../lots-by-member-chunks';
import { MemberRange } from '../../../jobs/member-ranges';

const MEMBERS_PER_TRANSACTION = 200;

export type ExpiryTotals = LotTotals;

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

  async expire(range: MemberRange, asOf: Date): Promise<ExpiryTotals> {
    const totals = await handleLotsByMemberChunks({
      dataSource: this.dataSource,
      ledger: this.ledger,
      nextMembers: (after) => this.repo.membersWithExpiredLots(range.fromId, range.toId, asOf, after, MEMBERS_PER_TRANSACTION),
      lockLots: (session, memberIds) => this.repo.lockExpiredLots(session.manager, memberIds, asOf),
      handle: (session, memberId, lots) => Promise.resolve(session.expireLots(memberId, lots)),
    });
    this.logger.log({ ...totals, range, asOf: asOf.toISOString() }, 'points expired');
    return totals;
  }
}
