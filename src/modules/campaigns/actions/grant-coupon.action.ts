import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { RewardsRepository } from '../../rewards/rewards.repository';
import { Coupon } from '../../rewards/entities/coupon.entity';
import { IssueCoupon } from '../../rewards/use-cases/issue-coupon';
import { CampaignsRepository } from '../campaigns.repository';
import { bilingual } from '../rule-description';
import { grantsThatFit } from '../rules/budget';
import { ActionDelivery, CampaignActionKind, DeliveryBatch } from './campaign-action.kind';

/** The reward whose coupon each member reached gets (a template: a reward without a points price). Also the stored body. */
export class CouponGrantDto {
  @ApiProperty({ type: 'string', format: 'uuid', example: '01a212aa-9000-7000-8000-000000000001' })
  @IsUUID()
  rewardId: string;
}

export class GrantCouponActionDto extends CouponGrantDto {
  @ApiProperty({ enum: ['grantCoupon'], example: 'grantCoupon' })
  @IsIn(['grantCoupon'])
  type: 'grantCoupon';
}

/**
 * One coupon of the reward to each member reached, issued in the batch's
 * transaction (members already delivered in this occurrence are skipped by
 * the fan-out's delivery rows, so a re-run issues none). The budget counts
 * coupons here: each batch locks the budget row and issues only what fits in
 * the cap (one unit per coupon); the members past it are over budget. The
 * program's per-occurrence limit is in points, so it does not apply. The
 * reward must still be an active template when the batch runs (checked here:
 * validate cannot read the database); the reward's stock is not taken.
 */
@Injectable()
export class GrantCouponDelivery implements ActionDelivery<CouponGrantDto> {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly rewards: RewardsRepository,
    private readonly issuer: IssueCoupon,
  ) {}

  async apply(batch: DeliveryBatch, grant: CouponGrantDto): Promise<void> {
    if (batch.reached.length === 0) {
      return;
    }
    const { m, campaign: c, occurrence, now } = batch;
    const reward = await this.rewards.find(grant.rewardId, m);
    if (!reward || reward.status !== 'active' || reward.pointsPrice !== null) {
      throw new Error(`campaign ${c.id}: reward ${grant.rewardId} is not an active coupon template (no points price)`);
    }
    const budget = await this.repo.lockBudget(m, c.id, occurrence);
    batch.stopAfter(grantsThatFit(budget.capPoints, budget.spentPoints, 1, batch.reached.length));
    await this.repo.spend(m, c.id, batch.reached.length, occurrence);
    const issued: Coupon[] = [];
    for (const memberId of batch.reached) {
      issued.push(
        await this.issuer.issue(m, {
          reward,
          memberId,
          source: 'campaign',
          sourceRef: `${c.id}:${occurrence}`,
          pointsPaid: 0,
          exchangeEntryId: null,
          now,
        }),
      );
    }
    batch.afterCommit.push(() => this.issuer.notifyIssued(issued, c.timezone));
  }
}

export const grantCouponAction: CampaignActionKind<GrantCouponActionDto, CouponGrantDto> = {
  type: 'grantCoupon',
  input: GrantCouponActionDto,
  stored: CouponGrantDto,
  validate: (input) => ({ rewardId: input.rewardId }),
  describe: (grant) => bilingual(`赠送优惠券（奖励 ${grant.rewardId}）`, `grant a coupon (reward ${grant.rewardId})`),
  budgetUnit: 'coupons',
  delivery: GrantCouponDelivery,
};
