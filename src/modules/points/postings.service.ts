import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { newId } from '../../common/ids';
import { addDays, addMonths } from '../../common/time';
import { maskCardNo } from '../../common/masking';
import { inTransaction } from '../../database/transaction';
import { ResolvedMember } from '../members/members.service';
import { canUpgrade, upgradeOnPurchase } from '../tiers/rules/tier-qualification';
import { TiersService } from '../tiers/tiers.service';
import { LockedAccount, PointsRepository, RedemptionRow, StoredPosting } from './points.repository';
import {
  PostingResult,
  pointsSummary,
  PurchaseCommand,
  PurchaseResult,
  RedemptionCancelResult,
  RedemptionCommand,
  RedemptionResult,
  RefundCommand,
  RefundResult,
} from './points.types';
import { ProgramSettingsService } from './program-settings.service';
import { clawbackForRefund } from './rules/clawback';
import { computeEarning } from './rules/earning';
import { discountCentsFor, LotTake, splitCredit, takeFromLots } from './rules/lots';
import { allocateRefund } from './rules/refund-allocation';

const LOT_PAGE = 200;

/**
 * Purchases, refunds, redemptions and cancellations. Each posting is one
 * transaction that first locks the member's account row: postings for one
 * member are serialised by the database, postings for different members run
 * in parallel. The idempotency key is a unique index; its row carries the
 * first answer, which a replay returns.
 */
@Injectable()
export class PostingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: PointsRepository,
    private readonly program: ProgramSettingsService,
    private readonly tiers: TiersService,
  ) {}

  // Purchases

  async purchase(cmd: PurchaseCommand, resolveMember: () => Promise<ResolvedMember>): Promise<PostingResult<PurchaseResult>> {
    const existing = await this.repo.findPurchaseByReceipt(cmd.storeId, cmd.receiptNo);
    if (existing) {
      return replay(existing, cmd.requestHash, 'receiptNo', cmd.receiptNo);
    }
    const sum = cmd.lines.reduce((s, l) => s + l.amountCents, 0);
    if (sum !== cmd.totalCents) {
      throw new DomainError(
        ErrorCode.TOTAL_MISMATCH,
        `totalCents is ${cmd.totalCents} but the lines add up to ${sum}. Send the lines and the total of the same receipt.`,
        [{ field: 'totalCents', message: `expected ${sum}` }],
      );
    }
    const member = await resolveMember();
    const [program, tiers] = await Promise.all([this.program.get(), this.tiers.list()]);
    const oldestAccepted = addDays(new Date(), -program.offlineAcceptanceDays);
    if (cmd.occurredAt < oldestAccepted) {
      throw new DomainError(
        ErrorCode.RECEIPT_TOO_OLD,
        `The receipt is from ${cmd.occurredAt.toISOString()}, older than the ${program.offlineAcceptanceDays}-day offline acceptance window. It cannot earn points; the member can ask the service desk.`,
        [{ field: 'occurredAt', message: `must be after ${oldestAccepted.toISOString()}` }],
      );
    }
    try {
      return await inTransaction(this.dataSource, async (m) => {
        const now = new Date();
        const account = await this.lockAccount(m, member.memberId);
        await this.assertCardStillActive(m, member);
        const tier = tiers.find((t) => t.code === account.tierCode) ?? tiers[0];
        const earning = computeEarning({
          lines: cmd.lines,
          excludedCategories: program.excludedCategories,
          centsPerPoint: program.centsPerPoint,
          tierMultiplierPermille: tier.earnMultiplierPermille,
        });
        const purchaseId = newId();
        const balanceAfter = account.balance + earning.pointsEarned;
        let lotId: number | null = null;
        if (earning.pointsEarned > 0) {
          const entryId = await this.repo.insertEntry(m, {
            memberId: member.memberId,
            type: 'accrual',
            points: earning.pointsEarned,
            balanceAfter,
            storeId: cmd.storeId,
            refType: 'purchase',
            refId: purchaseId,
            createdAt: now,
          });
          const { toLots } = splitCredit(account.balance, earning.pointsEarned);
          lotId = await this.repo.insertLot(m, {
            memberId: member.memberId,
            entryId,
            points: earning.pointsEarned,
            remaining: toLots,
            earnedAt: cmd.occurredAt,
            expiresAt: addMonths(cmd.occurredAt, program.pointsExpiryMonths),
          });
          await this.repo.updateAccount(m, member.memberId, { balanceDelta: earning.pointsEarned, earnedDelta: earning.pointsEarned }, now);
        }

        let tierAfter = tier.code;
        if (canUpgrade(tiers, tier.code)) {
          const since = addMonths(now, -program.qualifyingWindowMonths);
          const stats = await this.repo.qualifyingStats(m, member.memberId, since);
          if (cmd.occurredAt >= since) {
            stats.spendCents += cmd.totalCents;
            stats.points += earning.pointsEarned;
            stats.purchases += 1;
          }
          const target = upgradeOnPurchase(tiers, tier.code, stats);
          if (target) {
            await this.repo.changeTier(m, member.memberId, tier.code, target.code, 'purchase', purchaseId, now);
            tierAfter = target.code;
          }
        }

        const body: PurchaseResult = {
          transactionId: purchaseId,
          receiptNo: cmd.receiptNo,
          memberId: member.memberId,
          pointsEarned: earning.pointsEarned,
          breakdown: earning.breakdown,
          points: pointsSummary(balanceAfter, account.pending),
          tier: { code: tierAfter, changed: tierAfter !== tier.code, previous: tierAfter !== tier.code ? tier.code : null },
        };
        await this.repo.insertPurchase(m, {
          id: purchaseId,
          storeId: cmd.storeId,
          receiptNo: cmd.receiptNo,
          memberId: member.memberId,
          cardNo: member.cardNo,
          occurredAt: cmd.occurredAt,
          totalCents: cmd.totalCents,
          eligibleCents: earning.eligibleCents,
          pointsEarned: earning.pointsEarned,
          lotId,
          requestHash: cmd.requestHash,
          response: JSON.stringify(body),
          createdAt: now,
        });
        await this.repo.insertPurchaseLines(
          m,
          purchaseId,
          member.memberId,
          cmd.lines.map((l, i) => ({ ...l, eligible: earning.lineEligible[i] })),
        );
        return { status: 201 as const, body };
      });
    } catch (err) {
      if (isDuplicateKey(err, 'ux_purchases_store_receipt')) {
        // The same receipt arrived twice at once; the other request won.
        const stored = await this.repo.findPurchaseByReceipt(cmd.storeId, cmd.receiptNo);
        if (stored) {
          return replay(stored, cmd.requestHash, 'receiptNo', cmd.receiptNo);
        }
      }
      throw err;
    }
  }

  // Refunds

  async refund(cmd: RefundCommand): Promise<PostingResult<RefundResult>> {
    const existing = await this.repo.findRefund(cmd.storeId, cmd.refundNo);
    if (existing) {
      return replay(existing, cmd.requestHash, 'refundNo', cmd.refundNo);
    }
    const purchaseRef = await this.repo.findPurchaseByReceipt(cmd.storeId, cmd.receiptNo);
    if (!purchaseRef) {
      throw new DomainError(
        ErrorCode.TRANSACTION_NOT_FOUND,
        `No purchase with receipt ${cmd.receiptNo} at this store. A refund must be posted by the store that took the purchase.`,
      );
    }
    const program = await this.program.get();
    try {
      return await inTransaction(this.dataSource, async (m) => {
        const now = new Date();
        const account = await this.lockAccount(m, purchaseRef.memberId);
        const purchase = await this.repo.lockPurchase(m, purchaseRef.id);
        const lines = await this.repo.purchaseLines(m, purchase.id);
        const allocation = allocateRefund(lines, cmd.lines);
        if (!allocation.ok) {
          throw new DomainError(ErrorCode.REFUND_EXCEEDS_PURCHASE, `${allocation.reason}.`, [
            { field: 'lines', message: allocation.reason },
          ]);
        }
        const clawback = clawbackForRefund({
          pointsEarned: purchase.pointsEarned,
          eligibleCents: purchase.eligibleCents,
          refundedEligibleCentsBefore: purchase.refundedEligibleCents,
          refundedEligibleCentsNow: allocation.refundedEligibleCents,
          pointsReversedBefore: purchase.pointsReversed,
        });
        const refundId = newId();
        // With negative balances off, a clawback stops at zero and the rest is forgiven.
        const debit = program.allowNegativeBalance ? clawback : Math.min(clawback, Math.max(account.balance, 0));
        const balanceAfter = account.balance - debit;
        if (debit > 0) {
          const entryId = await this.repo.insertEntry(m, {
            memberId: purchase.memberId,
            type: 'refund_clawback',
            points: -debit,
            balanceAfter,
            storeId: cmd.storeId,
            refType: 'refund',
            refId: refundId,
            note: debit < clawback ? `${clawback - debit} points forgiven: the balance may not go below zero` : null,
            createdAt: now,
          });
          // Take from the purchase's own lot first, then the other lots first-in first-out.
          const takes = await this.takeFromLots(m, purchase.memberId, debit, purchase.lotId);
          await this.repo.adjustLots(m, takes, -1);
          await this.repo.insertConsumptions(m, purchase.memberId, entryId, takes);
          await this.repo.updateAccount(m, purchase.memberId, { balanceDelta: -debit, earnedDelta: -debit }, now);
        }
        await this.repo.applyRefund(m, purchase.id, allocation.lines, {
          refundedCents: allocation.refundedCents,
          refundedEligibleCents: allocation.refundedEligibleCents,
          pointsReversed: clawback,
        });
        const body: RefundResult = {
          refundId,
          refundNo: cmd.refundNo,
          receiptNo: cmd.receiptNo,
          memberId: purchase.memberId,
          refundedCents: allocation.refundedCents,
          pointsReversed: debit,
          points: pointsSummary(balanceAfter, account.pending),
        };
        await this.repo.insertRefund(m, {
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
          createdAt: now,
        });
        return { status: 201 as const, body };
      });
    } catch (err) {
      if (isDuplicateKey(err, 'ux_refunds_store_refund')) {
        const stored = await this.repo.findRefund(cmd.storeId, cmd.refundNo);
        if (stored) {
          return replay(stored, cmd.requestHash, 'refundNo', cmd.refundNo);
        }
      }
      throw err;
    }
  }

  // Redemptions

  async redeem(cmd: RedemptionCommand, resolveMember: () => Promise<ResolvedMember>): Promise<PostingResult<RedemptionResult>> {
    const existing = await this.repo.findRedemption(cmd.storeId, cmd.redemptionNo);
    if (existing) {
      return replayRedemption(existing, cmd);
    }
    const member = await resolveMember();
    const program = await this.program.get();
    try {
      return await inTransaction(this.dataSource, async (m) => {
        const now = new Date();
        const account = await this.lockAccount(m, member.memberId);
        await this.assertCardStillActive(m, member);
        const available = account.balance - account.pending;
        if (cmd.points > available) {
          throw new DomainError(
            ErrorCode.INSUFFICIENT_POINTS,
            `The member has ${Math.max(available, 0)} points available; ${cmd.points} were asked for.`,
            [{ field: 'points', message: `at most ${Math.max(available, 0)}` }],
          );
        }
        const redemptionId = newId();
        const balanceAfter = account.balance - cmd.points;
        const entryId = await this.repo.insertEntry(m, {
          memberId: member.memberId,
          type: 'redemption',
          points: -cmd.points,
          balanceAfter,
          storeId: cmd.storeId,
          refType: 'redemption',
          refId: redemptionId,
          createdAt: now,
        });
        const takes = await this.takeFromLots(m, member.memberId, cmd.points, null);
        await this.repo.adjustLots(m, takes, -1);
        await this.repo.insertConsumptions(m, member.memberId, entryId, takes);
        await this.repo.updateAccount(m, member.memberId, { balanceDelta: -cmd.points, redeemedDelta: cmd.points }, now);
        const body: RedemptionResult = {
          redemptionId,
          redemptionNo: cmd.redemptionNo,
          memberId: member.memberId,
          pointsRedeemed: cmd.points,
          discountCents: discountCentsFor(cmd.points, program.redemptionCentsPer100Points),
          points: pointsSummary(balanceAfter, account.pending),
        };
        await this.repo.insertRedemption(m, {
          id: redemptionId,
          storeId: cmd.storeId,
          redemptionNo: cmd.redemptionNo,
          memberId: member.memberId,
          points: cmd.points,
          discountCents: body.discountCents,
          entryId,
          requestHash: cmd.requestHash,
          response: JSON.stringify(body),
          createdAt: now,
        });
        return { status: 201 as const, body };
      });
    } catch (err) {
      if (isDuplicateKey(err, 'ux_redemptions_store_no')) {
        const stored = await this.repo.findRedemption(cmd.storeId, cmd.redemptionNo);
        if (stored) {
          return replayRedemption(stored, cmd);
        }
      }
      throw err;
    }
  }

  /** Gives the points back to the lots they came from. Cancelling twice returns the first answer. */
  async cancelRedemption(storeId: string, redemptionNo: string): Promise<RedemptionCancelResult> {
    const found = await this.repo.findRedemption(storeId, redemptionNo);
    if (!found) {
      throw new DomainError(ErrorCode.REDEMPTION_NOT_FOUND, `No redemption ${redemptionNo} at this store.`);
    }
    if (found.cancelResponse) {
      return JSON.parse(found.cancelResponse) as RedemptionCancelResult;
    }
    return inTransaction(this.dataSource, async (m) => {
      const now = new Date();
      const account = await this.lockAccount(m, found.memberId);
      const redemption = await this.repo.findRedemption(storeId, redemptionNo, m, true);
      if (!redemption) {
        throw new DomainError(ErrorCode.REDEMPTION_NOT_FOUND, `No redemption ${redemptionNo} at this store.`);
      }
      if (redemption.cancelResponse) {
        return JSON.parse(redemption.cancelResponse) as RedemptionCancelResult;
      }
      const balanceAfter = account.balance + redemption.points;
      await this.repo.insertEntry(m, {
        memberId: redemption.memberId,
        type: 'redemption_cancel',
        points: redemption.points,
        balanceAfter,
        storeId,
        refType: 'redemption',
        refId: redemption.id,
        createdAt: now,
      });
      // Points go back to their original lots; a debt run up meanwhile is paid first.
      let toLots = splitCredit(account.balance, redemption.points).toLots;
      const returns: LotTake[] = [];
      for (const c of await this.repo.consumptionsOf(m, redemption.entryId)) {
        if (toLots <= 0) {
          break;
        }
        const back = Math.min(c.points, toLots);
        returns.push({ lotId: c.lotId, points: back });
        toLots -= back;
      }
      await this.repo.adjustLots(m, returns, 1);
      await this.repo.updateAccount(m, redemption.memberId, { balanceDelta: redemption.points, redeemedDelta: -redemption.points }, now);
      const body: RedemptionCancelResult = {
        redemptionNo,
        pointsReturned: redemption.points,
        points: pointsSummary(balanceAfter, account.pending),
      };
      await this.repo.markRedemptionCancelled(m, redemption.id, JSON.stringify(body), now);
      return body;
    });
  }

  // Helpers

  /**
   * The card was active when the member was resolved, but a freeze may have
   * committed since. A shared lock on the card row makes a concurrent freeze
   * wait for this posting, or this posting see the freeze.
   */
  private async assertCardStillActive(m: EntityManager, member: ResolvedMember): Promise<void> {
    if (!member.cardNo) {
      return;
    }
    const status = await this.repo.lockCardStatus(m, member.cardNo);
    if (status !== 'active') {
      throw new DomainError(
        ErrorCode.CARD_INACTIVE,
        `Card ${maskCardNo(member.cardNo)} is ${status ?? 'unknown'}. Ask the member for another card or look them up by phone.`,
      );
    }
  }

  private async lockAccount(m: EntityManager, memberId: string): Promise<LockedAccount> {
    const account = await this.repo.lockAccount(m, memberId);
    if (!account) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, 'The member has no points account.');
    }
    return account;
  }

  /** Plans a debit over the member's lots: `firstLotId` first, then soonest expiry first. */
  private async takeFromLots(m: EntityManager, memberId: string, points: number, firstLotId: number | null): Promise<LotTake[]> {
    const takes: LotTake[] = [];
    let left = points;
    if (firstLotId !== null) {
      const lot = await this.repo.lockLot(m, firstLotId);
      if (lot) {
        const r = takeFromLots([lot], left);
        takes.push(...r.takes);
        left = r.shortfall;
      }
    }
    const seen: number[] = [];
    while (left > 0) {
      const lots = await this.repo.lockSpendableLots(m, memberId, firstLotId, LOT_PAGE, seen);
      if (lots.length === 0) {
        break; // the rest becomes a visible debt (negative balance)
      }
      const r = takeFromLots(lots, left);
      takes.push(...r.takes);
      left = r.shortfall;
      seen.push(...lots.map((l) => l.id));
    }
    return takes;
  }
}

/** A redemption number is dead once cancelled: a till resending it must not give the discount again. */
function replayRedemption(stored: RedemptionRow, cmd: RedemptionCommand): PostingResult<RedemptionResult> {
  if (stored.status === 'cancelled') {
    throw new DomainError(
      ErrorCode.REDEMPTION_CANCELLED,
      `Redemption ${cmd.redemptionNo} was cancelled. Do not give this discount; start a new redemption with a new redemptionNo.`,
      [{ field: 'redemptionNo', message: 'cancelled; use a new number' }],
    );
  }
  return replay(stored, cmd.requestHash, 'redemptionNo', cmd.redemptionNo);
}

function replay<T>(stored: StoredPosting, requestHash: string, keyName: string, keyValue: string): PostingResult<T> {
  if (stored.requestHash !== requestHash) {
    throw new DomainError(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      `${keyName} ${keyValue} was already used for a different request. Use a new ${keyName} for a new ${keyName === 'receiptNo' ? 'purchase' : 'request'}.`,
      [{ field: keyName, message: 'already used with a different body' }],
    );
  }
  return { status: 200, body: JSON.parse(stored.response) as T };
}

