import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { SnapshotFigures } from './snapshot-figures';

/** The console's dashboard: member and points figures from the snapshot, running campaigns live. */
@Injectable()
export class GetDashboardUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get() {
    const [s, runningCampaigns] = await Promise.all([SnapshotFigures.load(this.repo, ['members', 'points']), this.repo.runningCampaigns()]);
    return {
      ...s.stamp(),
      members: s.get('members', 'totals', 'members'),
      activeMembers90d: s.get('members', 'totals', 'active90'),
      pointsIssued: s.get('points', 'lifetime', 'issued'),
      pointsRedeemed: s.get('points', 'lifetime', 'redeemed'),
      pointsExpired: s.get('points', 'lifetime', 'expired'),
      pointsOutstanding: s.get('points', 'balances', 'outstanding'),
      runningCampaigns,
    };
  }
}
