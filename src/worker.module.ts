import { InjectQueue } from '@nestjs/bullmq';
import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { Queue } from 'bullmq';
import { coreImports } from './core.module';
import { AppConfig, loadConfig } from './config/app-config';
import { ClubMembershipProcessor } from './modules/clubs/club-membership.processor';
import { ClubsModule } from './modules/clubs/clubs.module';
import { PointsExpiryProcessor } from './modules/points/points-expiry.processor';
import { JobsModule } from './modules/jobs/jobs.module';
import { MessagesModule } from './modules/messages/messages.module';
import { MessagesProcessor } from './modules/messages/messages.processor';
import { PointsModule } from './modules/points/points.module';
import { PointsReleaseProcessor } from './modules/points/points-release.processor';
import { RankReviewModule } from './modules/tiers/rank-review/rank-review.module';
import { RankReviewProcessor } from './modules/tiers/rank-review/rank-review.processor';
import { ValueModule } from './modules/value/value.module';
import { ValueProcessor } from './modules/value/value.processor';
import { JobName, QueueName } from './queue/queue.constants';

/** Repeating schedules; upserted at every worker start, so there is exactly one of each. */
@Injectable()
class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('Schedules');

  constructor(
    @InjectQueue(QueueName.PointsExpiry) private readonly expiryQueue: Queue,
    @InjectQueue(QueueName.PointsRelease) private readonly releaseQueue: Queue,
    @InjectQueue(QueueName.ClubMembership) private readonly clubQueue: Queue,
    @InjectQueue(QueueName.MemberValue) private readonly valueQueue: Queue,
    @InjectQueue(QueueName.TierRankReview) private readonly rankReviewQueue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.expiryQueue.upsertJobScheduler(
      'daily-points-expiry',
      { pattern: '0 30 3 * * *', tz: 'UTC' },
      { name: JobName.PlanExpiry, data: {} },
    );
    await this.releaseQueue.upsertJobScheduler(
      'hourly-pending-release',
      { pattern: '0 15 * * * *', tz: 'UTC' },
      { name: JobName.PlanRelease, data: {} },
    );
    await this.clubQueue.upsertJobScheduler(
      'nightly-club-regroup',
      { pattern: '0 0 2 * * *', tz: 'UTC' },
      { name: JobName.PlanClubRegroup, data: {} },
    );
    this.logger.log(
      'Scheduled points expiry daily at 03:30 UTC, the release of pending points hourly at :15 and the club regroup nightly at 02:00 UTC',
    );
    await this.valueQueue.upsertJobScheduler(
      'daily-member-value',
      { pattern: '0 0 2 * * *', tz: 'UTC' },
      { name: JobName.PlanValueRun, data: {} },
    );
    await this.rankReviewQueue.upsertJobScheduler(
      'monthly-rank-review',
      { pattern: '0 0 4 1 * *', tz: 'UTC' },
      { name: JobName.PlanRankReview, data: {} },
    );
    this.logger.log('Scheduled points expiry daily at 03:30 UTC and the release of pending points hourly at :15');
    this.logger.log('Scheduled the member value run daily at 02:00 UTC and the rank review monthly on the 1st at 04:00 UTC');
  }
}

const PROCESSORS: Record<QueueName, Provider> = {
  [QueueName.PointsExpiry]: PointsExpiryProcessor,
  [QueueName.PointsRelease]: PointsReleaseProcessor,
  [QueueName.Messages]: MessagesProcessor,
  [QueueName.ClubMembership]: ClubMembershipProcessor,
  [QueueName.MemberValue]: ValueProcessor,
  [QueueName.TierRankReview]: RankReviewProcessor,
};

/** The worker process: BullMQ processors for the queues in ACTIVE_WORKERS, no HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig = loadConfig()): DynamicModule {
    const processors = (Object.keys(PROCESSORS) as QueueName[]).filter((q) => config.isWorkerActive(q)).map((q) => PROCESSORS[q]);
    return {
      module: WorkerModule,
      imports: [...coreImports('worker'), PointsModule, JobsModule, MessagesModule, ClubsModule, ValueModule, RankReviewModule],
      providers: [...processors, { provide: Schedules, useClass: Schedules }],
    };
  }
}
