import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newId } from '../../../../common/ids';
import { inTransaction } from '../../../../database/transaction';
import { postOnce } from '../../idempotency/post-once';
import { LedgerWriter } from '../../ledger/ledger-writer';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { refundExceedsPurchase, transactionNotFound } from '../../points.errors';
import { PostingResult, pointsSummary, RefundCommand, RefundResult } from '../../points.types';
import { monthKey } from '../../rules/monthly-stats';
import { ProgramSettingsService } from '../../../program/program-settings.service';
import { ReceiptsRepository } from '../../receipts/receipts.repository';
import { PURCHASE_CAMPAIGN_BONUSES, PurchaseCampaignBonuses } from '../../campaign-bonuses.port';
import { campaignGiveBack, clawbackDebit, clawbackForRefund } from '../../rules/clawback';
import { allocateRefund } from '../../rules/refund-allocation';

/**
 * A refund of part or all of a receipt: the points the refunded lines earned
 * claw back proportionally (from the purchase's own lot first, so a refund
 * inside the return window takes back pending points), and the qualifying
 * spend of the purchase's month goes down. Tiers do not move down here: the
 * review decides.
 */
@Injectable()
export class PostRefundUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly ledgerRepo: LedgerRepository,
    private readonly receipts: ReceiptsRepository,
    private readonly program: ProgramSettingsService,
    @Optional() @Inject(PURCHASE_CAMPAIGN_BONUSES) private readonly campaignBonuses?: PurchaseCampaignBonuses,
  ) {}

  async refund(cmd: RefundCommand): Promise<PostingResult<RefundResult>> {
    return postOnce({
      field: 'refundNo',
      documentNo: cmd.refundNo,
      requestHash: cmd.requestHash,
      uniqueKey: 'ux_refunds_store_refund',
      find: () => this.receipts.findRefund(cmd.storeId, cmd.refundNo),
      post: () => this.post(cmd),
    });
  }

  private async post(cmd: RefundCommand): Promise<RefundResult> {
    const purchaseRef = await this.receipts.findPurchase(cmd.storeId, cmd.receiptNo);
    if (!purchaseRef) {
      throw transactionNotFound(cmd.receiptNo);
    }
    const program = await this.program.get();
    return inTransaction(this.dataSource, async (m) => {
      const session = await this.ledger.open(m, [purchaseRef.memberId]);
      const purchase = await this.receipts.lockPurchase(m, purchaseRef.id);
      const allocation = allocateRefund(await this.receipts.purchaseLines(m, purchase.id), cmd.lines);
      if (!allocation.ok) {
        throw refundExceedsPurchase(allocation.reason);
      }
      const clawback = clawbackForRefund({
        pointsEarned: purchase.pointsEarned,
        eligibleCents: purchase.eligibleCents,
        refundedEligibleCentsBefore: purchase.refundedEligibleCents,
        refundedEligibleCentsNow: allocation.refundedEligibleCents,
        pointsReversedBefore: purchase.pointsReversed,
      });
      const account = session.account(purchase.memberId);
      const { debit, forgiven } = clawbackDebit(clawback, account.balance, program.allowNegativeBalance);
      const refundId = newId();
      if (debit > 0) {
        await session.debit(purchase.memberId, {
          type: 'refund_clawback',
          points: debit,
          storeId: cmd.storeId,
          refType: 'refund',
          refId: refundId,
          note: forgiven > 0 ? `${forgiven} points forgiven: the balance may not go below zero` : null,
          firstLotId: purchase.lotId,
          counts: 'unearned',
        });
      }
      await session.flush();
      // Bonus points taken back return to their campaigns' budgets, in this transaction.
      if (this.campaignBonuses) {
        const refunded = {
          eligibleCents: purchase.eligibleCents,
          refundedEligibleCentsBefore: purchase.refundedEligibleCents,
          refundedEligibleCentsNow: allocation.refundedEligibleCents,
        };
        for (const row of campaignGiveBack(purchase.campaignRows, refunded, { clawback, debit })) {
          await this.campaignBonuses.giveBack(m, row.campaignId, row.points);
        }
      }
      await this.receipts.applyRefund(m, purchase.id, allocation.lines, {
        refundedCents: allocation.refundedCents,
        refundedEligibleCents: allocation.refundedEligibleCents,
        pointsReversed: clawback,
      });
      const fullyRefundedNow =
        purchase.refundedCents < purchase.totalCents && purchase.refundedCents + allocation.refundedCents >= purchase.totalCents;
      await this.ledgerRepo.addMonthlyStats(m, [
        {
          memberId: purchase.memberId,
          month: monthKey(purchase.occurredAt),
          spendCents: -allocation.refundedCents,
          points: -clawback,
          purchases: fullyRefundedNow ? -1 : 0,
        },
      ]);
      const body: RefundResult = {
        refundId,
        refundNo: cmd.refundNo,
        receiptNo: cmd.receiptNo,
        memberId: purchase.memberId,
        refundedCents: allocation.refundedCents,
        pointsReversed: debit,
        points: pointsSummary(account.balance, account.pending),
      };
      await this.receipts.insertRefund(m, {
        id: refundId,
        storeId: cmd.storeId,
        refundNo: cmd.refundNo,
        purchaseId: purchase.id,
        memberId: purchase.memberId,
        refundedCents: allocation.refundedCents,
        refundedEligibleCents: allocation.refundedEligibleCents,
        pointsReversed: debit,
        requestHash: cmd.requestHash,
        response: JSON.stringify(body),
        createdAt: session.now,
      });
      return body;
    });
  }
}
