import { Injectable, Logger } from '@nestjs/common';
import { PurchaseFollowUps } from '../../messages/purchase-follow-ups.port';
import type { PostedPurchase } from '../../points/posting-events';
import { shouldInvite } from '../rules/invitation-sampling';
import { SurveyInviter } from '../survey-inviter';
import { SurveysRepository } from '../surveys.repository';

/**
 * Post-purchase invitations, run by the messages worker after a batch of POS
 * purchases has been posted (never on the till's path). For each active
 * survey that invites after a purchase: the purchases sampled at its rate, at
 * its stores, of members without an invitation within its cooldown; a member
 * with several purchases in the batch is invited once. Running the same batch
 * again invites nobody twice (the invitation is keyed by the purchase id, the
 * sample by a hash of it).
 */
@Injectable()
export class InvitePurchasersUseCase implements PurchaseFollowUps {
  private readonly logger = new Logger(InvitePurchasersUseCase.name);

  constructor(
    private readonly repo: SurveysRepository,
    private readonly inviter: SurveyInviter,
  ) {}

  async afterPurchases(purchases: PostedPurchase[]): Promise<number> {
    const surveys = await this.repo.afterPurchase();
    if (surveys.length === 0 || purchases.length === 0) {
      return 0;
    }
    const now = new Date();
    const last = await this.repo.lastInvitedAt([...new Set(purchases.map((p) => p.memberId))]);
    let invited = 0;
    for (const survey of surveys) {
      const policy = {
        samplePercent: survey.samplePercent,
        storeIds: survey.storeIds ? (JSON.parse(survey.storeIds) as string[]) : null,
        cooldownDays: survey.cooldownDays,
      };
      const chosen = new Map<string, PostedPurchase>();
      for (const p of purchases) {
        if (!chosen.has(p.memberId) && shouldInvite(policy, p, last.get(p.memberId) ?? null, now)) {
          chosen.set(p.memberId, p);
        }
      }
      const statuses = await this.inviter.inviteTargets(
        survey,
        [...chosen.values()].map((p) => ({
          memberId: p.memberId,
          source: 'purchase' as const,
          sourceRef: p.purchaseId,
          storeId: p.storeId,
        })),
        now,
      );
      for (const memberId of statuses.keys()) {
        last.set(memberId, now);
      }
      invited += statuses.size;
    }
    this.logger.debug({ msg: 'post-purchase survey invitations', purchases: purchases.length, invited });
    return invited;
  }
}
