import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ClubsModule } from '../clubs/clubs.module';
import { JobsModule } from '../jobs/jobs.module';
import { PointsModule } from '../points/points.module';
import { QueueModule } from '../../queue/queue.module';
import { ProgramModule } from '../program/program.module';
import { RewardsModule } from '../rewards/rewards.module';
import { AnalyticsRepository } from './analytics.repository';
import { GetCampaignResultsUseCase } from './use-cases/get-campaign-results.use-case';
import { GetChurnUseCase } from './use-cases/get-churn.use-case';
import { GetClubGrowthUseCase } from './use-cases/get-club-growth.use-case';
import { GetDashboardUseCase } from './use-cases/get-dashboard.use-case';
import { GetLiabilityUseCase } from './use-cases/get-liability.use-case';
import { GetOverviewUseCase } from './use-cases/get-overview.use-case';
import { GetLoyaltyUseCase } from './use-cases/get-loyalty.use-case';
import { GetRfmUseCase } from './use-cases/get-rfm.use-case';
import { GetTierMovementsUseCase } from './use-cases/get-tier-movements.use-case';
import { RefreshSnapshotUseCase } from './use-cases/refresh-snapshot.use-case';
import { StartSnapshotUseCase } from './use-cases/start-snapshot.use-case';

const USE_CASES = [
  StartSnapshotUseCase,
  RefreshSnapshotUseCase,
  GetDashboardUseCase,
  GetOverviewUseCase,
  GetChurnUseCase,
  GetLoyaltyUseCase,
  GetLiabilityUseCase,
  GetRfmUseCase,
  GetTierMovementsUseCase,
  GetClubGrowthUseCase,
  GetCampaignResultsUseCase,
];

/**
 * The console's analytics: heavy figures precomputed into snapshots by a
 * daily job (AnalyticsProcessor, in the worker) and read from the newest
 * one; club growth and campaign results read live from their modules.
 */
@Module({
  imports: [ProgramModule, PointsModule, JobsModule, QueueModule, ClubsModule, CampaignsModule, RewardsModule],
  providers: [AnalyticsRepository, ...USE_CASES],
  exports: USE_CASES,
})
export class AnalyticsModule {}
