import { Injectable } from '@nestjs/common';
import { RewardListResponse, RewardResponse } from '../dto/reward.response';
import { RewardsRepository } from '../rewards.repository';
import { rewardView } from '../reward-views';
import { rewardNotFound } from '../rewards.errors';

/** The console's catalog: a page of rewards (newest first) and one reward. */
@Injectable()
export class ListRewardsUseCase {
  constructor(private readonly rewards: RewardsRepository) {}

  async page(cursor: string | null, limit: number, status: 'active' | 'archived' | null): Promise<RewardListResponse> {
    const rows = await this.rewards.list(cursor, limit + 1, status);
    const page = rows.slice(0, limit);
    return { items: page.map(rewardView), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async one(rewardId: string): Promise<RewardResponse> {
    const reward = await this.rewards.find(rewardId);
    if (!reward) {
      throw rewardNotFound(rewardId);
    }
    return rewardView(reward);
  }
}
