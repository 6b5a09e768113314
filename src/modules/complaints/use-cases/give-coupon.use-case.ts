import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { Actor } from '../../audit/audit.service';
import { RewardsRepository } from '../../rewards/rewards.repository';
import { IssueCoupon } from '../../rewards/use-cases/issue-coupon';
import { ComplaintRecorder } from '../complaint-recorder';
import { complaintInvalid, complaintInvalidTransition } from '../complaints.errors';
import { ComplaintsRepository } from '../complaints.repository';

/**
 * Service recovery with a coupon: one coupon of a reward template (an active
 * reward without a points price, as campaign grants use) issued to the
 * member for the case, in one transaction with the `coupon` step (its code and
 * the reward's names); once per case (a second is 409 and issues nothing). The
 * "coupon issued" notice follows the commit, as for any coupon.
 */
@Injectable()
export class GiveCouponUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: ComplaintsRepository,
    private readonly recorder: ComplaintRecorder,
    private readonly rewards: RewardsRepository,
    private readonly issuer: IssueCoupon,
  ) {}

  async give(actor: Actor, complaintId: string, rewardId: string): Promise<{ code: string }> {
    const reward = await this.rewards.find(rewardId);
    if (!reward || reward.status !== 'active' || reward.pointsPrice !== null) {
      throw complaintInvalid('rewardId', 'not an active coupon template (a reward without a points price)');
    }
    const coupon = await this.transactions.retrying(async (m) => {
      const c = await this.recorder.lock(m, complaintId);
      if ((await this.repo.steps(c.id, ['coupon'])).length > 0) {
        throw complaintInvalidTransition(c.caseNo, 'a coupon was already given for this case', 'rewardId');
      }
      const now = new Date();
      const issued = await this.issuer.issue(m, {
        reward,
        memberId: c.memberId,
        source: 'admin',
        sourceRef: `complaint:${c.id}`,
        pointsPaid: 0,
        exchangeEntryId: null,
        now,
      });
      await this.recorder.record(m, actor, c, { kind: 'coupon', text: `${reward.nameZh} / ${reward.nameEn} · ${issued.code}` }, {}, now);
      return issued;
    });
    await this.issuer.notifyIssued([coupon], reward.timezone);
    return { code: coupon.code };
  }
}
