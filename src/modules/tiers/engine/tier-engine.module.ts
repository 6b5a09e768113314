import { Module } from '@nestjs/common';
import { QueueModule } from '../../../queue/queue.module';
import { AuditModule } from '../../audit/audit.module';
import { JobsModule } from '../../jobs/jobs.module';
import { MembersModule } from '../../members/members.module';
import { PointsModule } from '../../points/points.module';
import { TiersModule } from '../tiers.module';
import { ProgramModule } from '../../program/program.module';
import { BirthdayBonusUseCase } from './birthday-bonus.use-case';
import { ExplainTierCriteriaUseCase } from './explain-criteria.use-case';
import { GrantTierUseCase } from './grant-tier.use-case';
import { RefreshWindowStatsUseCase } from './refresh-window-stats.use-case';
import { ReviewTiersUseCase } from './review-tiers.use-case';
import { SimulateLadderUseCase } from './simulate-ladder.use-case';
import { TierEngineRepository } from './tier-engine.repository';
import { TierRunsService } from './tier-runs.service';

/**
 * The tiers engine over the points engine: reviews and grant expiry, manual
 * grants, the what-if simulation (over a snapshot of window sums refreshed daily) and birthday bonuses (written through the
 * ledger writer). Its processors are registered by the worker module.
 */
@Module({
  imports: [ProgramModule, TiersModule, PointsModule, MembersModule, JobsModule, AuditModule, QueueModule],
  providers: [
    TierEngineRepository,
    ReviewTiersUseCase,
    BirthdayBonusUseCase,
    GrantTierUseCase,
    SimulateLadderUseCase,
    TierRunsService,
    RefreshWindowStatsUseCase,
    ExplainTierCriteriaUseCase,
  ],
  exports: [
    TierEngineRepository,
    ReviewTiersUseCase,
    BirthdayBonusUseCase,
    GrantTierUseCase,
    SimulateLadderUseCase,
    TierRunsService,
    RefreshWindowStatsUseCase,
    ExplainTierCriteriaUseCase,
  ],
})
export class TierEngineModule {}
