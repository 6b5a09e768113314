import { Injectable, Logger } from '@nestjs/common';
import { isDuplicateKey } from '../../../common/errors/mysql-errors';
import { newId } from '../../../common/ids';
import { Transactions } from '../../../database/transactions';
import { ClubsService } from '../../clubs/clubs.service';
import { LedgerWriter } from '../../points/ledger/ledger-writer';
import { PostingResult } from '../../points/points.types';
import { ExchangeResponse } from '../dto/reward.response';
import { Coupon } from '../entities/coupon.entity';
import { RewardsRepository } from '../rewards.repository';
import { exchangeKeyConflict, rewardNotAvailable, rewardNotFound } from '../rewards.errors';
import { couponView, parseList } from '../reward-views';
import { exchangeBlockers, onSale } from '../rules/reward-eligibility';
import { IssueCoupon } from './issue-coupon';

const EXCHANGE_KEY = 'ux_reward_exchanges_member_key';

/**
 * A member exchanges points for a reward, in one transaction: the member's
 * account is locked by the ledger writer (the points check cannot race), the
 * eligibility is checked, one of the stock and one of the member's limit are
 * taken by conditional UPDATEs (affected rows checked), the points leave
 * through a `reward_exchange` entry, and the coupon is issued. Any refusal
 * rolls all of it back. Once per idempotency key: the same key answers the
 * first result; the same key for another reward is 409.
 */
@Injectable()
export class ExchangeRewardUseCase {
  private readonly logger = new Logger(ExchangeRewardUseCase.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly rewards: RewardsRepository,
    private readonly ledger: LedgerWriter,
    private readonly clubs: ClubsService,
    private readonly issueCoupon: IssueCoupon,
  ) {}

  async exchange(memberId: string, rewardId: string, key: string): Promise<PostingResult<ExchangeResponse>> {
    const replay = await this.replay(memberId, rewardId, key);
    if (replay) {
      return replay;
    }
    try {
      const { body, coupon, timezone } = await this.exchangeOnce(memberId, rewardId, key);
      await this.notifyIssued(coupon, timezone);
      return { status: 201, body };
    } catch (err) {
      // The same key sent twice at once: the second waited on the account lock and lost on the unique key.
      if (isDuplicateKey(err, EXCHANGE_KEY)) {
        const stored = await this.replay(memberId, rewardId, key);
        if (stored) {
          return stored;
        }
      }
      throw err;
    }
  }

  private async replay(memberId: string, rewardId: string, key: string): Promise<PostingResult<ExchangeResponse> | null> {
    const stored = await this.rewards.findExchange(memberId, key);
    if (!stored) {
      return null;
    }
    if (stored.rewardId !== rewardId) {
      throw exchangeKeyConflict(key);
    }
    return { status: 200, body: JSON.parse(stored.response) as ExchangeResponse };
  }

  private async exchangeOnce(
    memberId: string,
    rewardId: string,
    key: string,
  ): Promise<{ body: ExchangeResponse; coupon: Coupon; timezone: string }> {
    // A reward sold out or off sale answers at once, without a transaction: a rush on the last items must not queue
    // every refusal behind the reward's row lock. The conditional UPDATE below stays the only guard of the stock.
    const seen = await this.rewards.find(rewardId);
    if (!seen) {
      throw rewardNotFound(rewardId);
    }
    if (!onSale({ ...seen, eligibleTiers: null, eligibleClubs: null }, new Date())) {
      throw rewardNotAvailable('not_on_sale');
    }
    if (seen.stockLeft !== null && seen.stockLeft <= 0) {
      throw rewardNotAvailable('stock');
    }
    const clubCodes = await this.clubs.clubCodesOf(memberId);
    return this.transactions.retrying(async (m) => {
      const reward = await this.rewards.find(rewardId, m);
      if (!reward) {
        throw rewardNotFound(rewardId);
      }
      const session = await this.ledger.open(m, [memberId]);
      const account = session.account(memberId);
      const price = reward.pointsPrice ?? 0;
      const availableBefore = account.balance - account.pending;
      const exchanged = (await this.rewards.exchangedBy(memberId, [rewardId], m)).get(rewardId) ?? 0;
      const blockers = exchangeBlockers(
        {
          ...reward,
          eligibleTiers: parseList(reward.eligibleTiers),
          eligibleClubs: parseList(reward.eligibleClubs),
        },
        { availablePoints: availableBefore, tierCode: account.tierCode, clubCodes, exchanged },
        session.now,
      );
      // The stock and the limit are decided by the conditional UPDATEs below, not by this read.
      const firm = blockers.filter((b) => b !== 'stock' && b !== 'limit');
      if (firm.length > 0) {
        throw rewardNotAvailable(firm[0]);
      }
      if (reward.stockLeft !== null && !(await this.rewards.takeStock(m, rewardId))) {
        throw rewardNotAvailable('stock');
      }
      if (!(await this.rewards.takeMemberSlot(m, rewardId, memberId, reward.perMemberLimit))) {
        throw rewardNotAvailable('limit');
      }
      const exchangeId = newId();
      const debit =
        price > 0
          ? await session.debit(memberId, {
              type: 'reward_exchange',
              points: price,
              storeId: null,
              refType: 'reward',
              refId: exchangeId,
              note: `${reward.nameZh} / ${reward.nameEn}`,
              counts: 'redeemed',
            })
          : null;
      await session.flush();
      const coupon = await this.issueCoupon.issue(m, {
        reward,
        memberId,
        source: 'exchange',
        sourceRef: exchangeId,
        pointsPaid: price,
        exchangeEntryId: debit?.entryId ?? null,
        now: session.now,
      });
      const body: ExchangeResponse = {
        exchangeId,
        pointsSpent: price,
        pointsBefore: availableBefore,
        pointsAfter: account.balance - account.pending,
        coupon: couponView(coupon, session.now),
      };
      await this.rewards.insertExchange(m, {
        id: exchangeId,
        memberId,
        key,
        rewardId,
        couponId: coupon.id,
        response: JSON.stringify(body),
        at: session.now,
      });
      return { body, coupon, timezone: reward.timezone };
    });
  }

  /**
   * The "coupon issued" notice after the commit. The exchange has happened (points taken, coupon issued): a notice
   * that cannot be queued now (a busy pool in a rush on the last items) is logged, never answered as a failed
   * exchange the member would try again.
   */
  private async notifyIssued(coupon: Coupon, timezone: string): Promise<void> {
    try {
      await this.issueCoupon.notifyIssued([coupon], timezone);
    } catch (err) {
      this.logger.warn({
        msg: 'coupon issued notice not queued',
        couponId: coupon.id,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
}
