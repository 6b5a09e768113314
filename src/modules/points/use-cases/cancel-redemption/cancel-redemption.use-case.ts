import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../../database/transaction';
import { LedgerWriter } from '../../ledger/ledger-writer';
import { redemptionNotFound } from '../../points.errors';
import { pointsSummary, RedemptionCancelResult } from '../../points.types';
import { RedemptionsRepository } from '../../redemptions/redemptions.repository';

/**
 * Cancels a redemption: the points go back to the lots they came from (a
 * debt run up meanwhile is paid first). Cancelling again answers the first
 * answer; the redemption number is dead from now on.
 */
@Injectable()
export class CancelRedemptionUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly redemptions: RedemptionsRepository,
  ) {}

  async cancel(storeId: string, redemptionNo: string): Promise<RedemptionCancelResult> {
    const found = await this.redemptions.find(storeId, redemptionNo);
    if (!found) {
      throw redemptionNotFound(redemptionNo);
    }
    if (found.cancelResponse) {
      return JSON.parse(found.cancelResponse) as RedemptionCancelResult;
    }
    return inTransaction(this.dataSource, async (m) => {
      const session = await this.ledger.open(m, [found.memberId]);
      const redemption = await this.redemptions.find(storeId, redemptionNo, m, true);
      if (!redemption) {
        throw redemptionNotFound(redemptionNo);
      }
      if (redemption.cancelResponse) {
        return JSON.parse(redemption.cancelResponse) as RedemptionCancelResult;
      }
      await session.restore(redemption.memberId, {
        type: 'redemption_cancel',
        points: redemption.points,
        storeId,
        refType: 'redemption',
        refId: redemption.id,
        takenBy: redemption.entryId,
      });
      await session.flush();
      const account = session.account(redemption.memberId);
      const body: RedemptionCancelResult = {
        redemptionNo,
        pointsReturned: redemption.points,
        points: pointsSummary(account.balance, account.pending),
      };
      await this.redemptions.markCancelled(m, redemption.id, JSON.stringify(body), session.now);
      return body;
    });
  }
}
