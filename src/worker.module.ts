import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { Queue } from 'bullmq';
import { coreImports } from './core.module';
import { AppConfig, loadConfig } from './config/app-config';
import { ClubMembershipProcessor } from './modules/clubs/club-membership.processor';
import { ClubsModule } from './modules/clubs/clubs.module';
import { CLUB_REGROUP } from './modules/clubs/club-membership.service';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { CampaignsProcessor } from './modules/campaigns/campaigns.processor';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { AnalyticsProcessor } from './modules/analytics/analytics.processor';
import { ANALYTICS_SNAPSHOT } from './modules/analytics/use-cases/start-snapshot.use-case';
import { ArchiveModule } from './modules/archive/archive.module';
import { MemberImportProcessor } from './modules/archive/import/member-import.processor';
import { POINTS_EXPIRY, PointsExpiryProcessor } from './modules/points/points-expiry.processor';
import { JobReconciler } from './modules/jobs/job-reconciler';
import { JobsModule } from './modules/jobs/jobs.module';
import { ScheduledJob } from './modules/jobs/ranged-job';
import { ensureJobScheduler, ReconcileLoop } from './modules/jobs/reconcile-loop';
import { MessagesModule } from './modules/messages/messages.module';
import { MessagesProcessor } from './modules/messages/messages.processor';
import { PointsModule } from './modules/points/points.module';
import { MemberErasureProcessor } from './modules/privacy/member-erasure.processor';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { POINTS_RELEASE, PointsReleaseProcessor } from './modules/points/points-release.processor';
import { RankReviewModule } from './modules/tiers/rank-review/rank-review.module';
import { RankReviewProcessor } from './modules/tiers/rank-review/rank-review.processor';
import { RANK_REVIEW } from './modules/tiers/rank-review/start-rank-review.use-case';
import { ValueModule } from './modules/value/value.module';
import { ValueProcessor } from './modules/value/value.processor';
import { VALUE_RUN } from './modules/value/use-cases/start-value-run.use-case';
import { BirthdayBonusProcessor } from './modules/tiers/engine/birthday-bonus.processor';
import { TierEngineModule } from './modules/tiers/engine/tier-engine.module';
import { TierPortsModule } from './modules/tiers/tier-ports.module';
import { TierReviewProcessor } from './modules/tiers/engine/tier-review.processor';
import { BIRTHDAY_BONUS, TIER_REVIEW } from './modules/tiers/engine/tier-runs.service';
import { WINDOW_STATS } from './modules/tiers/engine/refresh-window-stats.use-case';
import { QueueName } from './queue/queue.constants';
import { COUPON_EXPIRY, CouponsProcessor } from './modules/rewards/coupons.processor';
import { SurveyPortsModule } from './modules/surveys/surveys.module';
import { CouponPortsModule, RewardsModule } from './modules/rewards/rewards.module';

/**
 * The repeating schedules, in the order they are upserted and logged: one BullMQ job scheduler each, upserted at
 * every worker start, so there is exactly one of each. Each job's definition (queue, plan job, schedule) is
 * beside the code that starts it; the messages queue schedules its own jobs.
 */
const SCHEDULED_JOBS: ScheduledJob[] = [
  POINTS_EXPIRY,
  POINTS_RELEASE,
  CLUB_REGROUP,
  VALUE_RUN,
  RANK_REVIEW,
  TIER_REVIEW,
  WINDOW_STATS,
  BIRTHDAY_BONUS,
  ANALYTICS_SNAPSHOT,
  COUPON_EXPIRY,
];

@Injectable()
class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('Schedules');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly reconciler: JobReconciler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { queue: name, planJob, schedule } of SCHEDULED_JOBS) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      await queue.upsertJobScheduler(schedule.id, { pattern: schedule.pattern, tz: schedule.tz }, { name: planJob, data: {} });
    }
    // Registered again by the reconciler should Redis lose them (a restart of a Redis that keeps nothing on disk).
    this.reconciler.registerTask({
      name: 'schedules',
      run: async () => {
        for (const { queue: name, planJob, schedule } of SCHEDULED_JOBS) {
          const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
          await ensureJobScheduler(queue, schedule.id, { pattern: schedule.pattern, tz: schedule.tz }, { name: planJob, data: {} });
        }
      },
    });
    this.logger.log(`Scheduled (UTC): ${SCHEDULED_JOBS.map((j) => j.schedule.says).join(', ')}`);
  }
}

const PROCESSORS: Record<QueueName, Provider> = {
  [QueueName.PointsExpiry]: PointsExpiryProcessor,
  [QueueName.PointsRelease]: PointsReleaseProcessor,
  [QueueName.Messages]: MessagesProcessor,
  [QueueName.ClubMembership]: ClubMembershipProcessor,
  [QueueName.MemberValue]: ValueProcessor,
  [QueueName.TierRankReview]: RankReviewProcessor,
  [QueueName.TierReview]: TierReviewProcessor,
  [QueueName.BirthdayBonus]: BirthdayBonusProcessor,
  [QueueName.Campaigns]: CampaignsProcessor,
  [QueueName.MemberImport]: MemberImportProcessor,
  [QueueName.MemberErasure]: MemberErasureProcessor,
  [QueueName.AnalyticsSnapshots]: AnalyticsProcessor,
  [QueueName.Coupons]: CouponsProcessor,
};

/** The worker process: BullMQ processors for the queues in ACTIVE_WORKERS and the long-job reconciler, no HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig = loadConfig()): DynamicModule {
    const processors = (Object.keys(PROCESSORS) as QueueName[]).filter((q) => config.isWorkerActive(q)).map((q) => PROCESSORS[q]);
    return {
      module: WorkerModule,
      imports: [
        ...coreImports('worker'),
        TierPortsModule,
        CouponPortsModule,
        SurveyPortsModule,
        PointsModule,
        JobsModule,
        MessagesModule,
        ClubsModule,
        ValueModule,
        RankReviewModule,
        TierEngineModule,
        CampaignsModule,
        ArchiveModule,
        PrivacyModule,
        AnalyticsModule,
        RewardsModule,
      ],
      providers: [...processors, { provide: Schedules, useClass: Schedules }, ReconcileLoop],
    };
  }
}
