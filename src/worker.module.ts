import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { Queue } from 'bullmq';
import { coreImports } from './core.module';
import { AppConfig, loadConfig } from './config/app-config';
import { ClubMembershipProcessor } from './modules/clubs/club-membership.processor';
import { ClubsModule } from './modules/clubs/clubs.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { CampaignsProcessor } from './modules/campaigns/campaigns.processor';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { AnalyticsProcessor } from './modules/analytics/analytics.processor';
import { ArchiveModule } from './modules/archive/archive.module';
import { MemberImportProcessor } from './modules/archive/import/member-import.processor';
import { PointsExpiryProcessor } from './modules/points/points-expiry.processor';
import { JobReconciler } from './modules/jobs/job-reconciler';
import { JobsModule } from './modules/jobs/jobs.module';
import { ensureJobScheduler, ReconcileLoop } from './modules/jobs/reconcile-loop';
import { MessagesModule } from './modules/messages/messages.module';
import { MessagesProcessor } from './modules/messages/messages.processor';
import { PointsModule } from './modules/points/points.module';
import { MemberErasureProcessor } from './modules/privacy/member-erasure.processor';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { PointsReleaseProcessor } from './modules/points/points-release.processor';
import { RankReviewModule } from './modules/tiers/rank-review/rank-review.module';
import { RankReviewProcessor } from './modules/tiers/rank-review/rank-review.processor';
import { ValueModule } from './modules/value/value.module';
import { ValueProcessor } from './modules/value/value.processor';
import { BirthdayBonusProcessor } from './modules/tiers/engine/birthday-bonus.processor';
import { TierEngineModule } from './modules/tiers/engine/tier-engine.module';
import { TierReviewProcessor } from './modules/tiers/engine/tier-review.processor';
import { RANK_REVIEW_PATTERN } from './modules/tiers/rules/rank-review-date';
import { JobName, QueueName } from './queue/queue.constants';

/** The repeating schedules: one BullMQ job scheduler each, upserted at every worker start, so there is exactly one of each. */
const SCHEDULES: Array<{ queue: QueueName; id: string; pattern: string; job: JobName; says: string }> = [
  {
    queue: QueueName.PointsExpiry,
    id: 'daily-points-expiry',
    pattern: '0 30 3 * * *',
    job: JobName.PlanExpiry,
    says: 'points expiry daily 03:30',
  },
  {
    queue: QueueName.PointsRelease,
    id: 'hourly-pending-release',
    pattern: '0 15 * * * *',
    job: JobName.PlanRelease,
    says: 'pending release hourly :15',
  },
  {
    queue: QueueName.ClubMembership,
    id: 'nightly-club-regroup',
    pattern: '0 0 2 * * *',
    job: JobName.PlanClubRegroup,
    says: 'club regroup daily 02:00',
  },
  {
    queue: QueueName.MemberValue,
    id: 'daily-member-value',
    pattern: '0 0 2 * * *',
    job: JobName.PlanValueRun,
    says: 'member value daily 02:00',
  },
  {
    queue: QueueName.TierRankReview,
    id: 'monthly-rank-review',
    pattern: RANK_REVIEW_PATTERN,
    job: JobName.PlanRankReview,
    says: 'rank review monthly 1st 03:00 (after value run, before tier review)',
  },
  {
    queue: QueueName.TierReview,
    id: 'daily-tier-review',
    pattern: '0 0 4 * * *',
    job: JobName.PlanTierReview,
    says: 'tier review daily 04:00',
  },
  {
    queue: QueueName.TierReview,
    id: 'daily-window-stats',
    pattern: '0 20 0 * * *',
    job: JobName.PlanWindowStats,
    says: 'simulation window sums daily 00:20',
  },
  {
    queue: QueueName.BirthdayBonus,
    id: 'daily-birthday-bonus',
    pattern: '0 5 0 * * *',
    job: JobName.PlanBirthdayBonus,
    says: 'birthday bonus daily 00:05',
  },
  {
    queue: QueueName.AnalyticsSnapshots,
    id: 'daily-analytics-snapshot',
    pattern: '0 0 5 * * *',
    job: JobName.PlanAnalyticsSnapshot,
    says: 'analytics snapshot daily 05:00 (after value run and tier review)',
  },
];

@Injectable()
class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('Schedules');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly reconciler: JobReconciler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const s of SCHEDULES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(s.queue), { strict: false });
      await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: 'UTC' }, { name: s.job, data: {} });
    }
    // Registered again by the reconciler should Redis lose them (a restart of a Redis that keeps nothing on disk).
    this.reconciler.registerTask({
      name: 'schedules',
      run: async () => {
        for (const s of SCHEDULES) {
          const queue = this.moduleRef.get<Queue>(getQueueToken(s.queue), { strict: false });
          await ensureJobScheduler(queue, s.id, { pattern: s.pattern, tz: 'UTC' }, { name: s.job, data: {} });
        }
      },
    });
    this.logger.log(`Scheduled (UTC): ${SCHEDULES.map((s) => s.says).join(', ')}`);
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
      ],
      providers: [...processors, { provide: Schedules, useClass: Schedules }, ReconcileLoop],
    };
  }
}
