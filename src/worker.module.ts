import { InjectQueue } from '@nestjs/bullmq';
import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { Queue } from 'bullmq';
import { coreImports } from './core.module';
import { AppConfig, loadConfig } from './config/app-config';
import { PointsExpiryProcessor } from './modules/points/points-expiry.processor';
import { JobsModule } from './modules/jobs/jobs.module';
import { PointsModule } from './modules/points/points.module';
import { PointsReleaseProcessor } from './modules/points/points-release.processor';
import { BirthdayBonusProcessor } from './modules/tiers/engine/birthday-bonus.processor';
import { TierEngineModule } from './modules/tiers/engine/tier-engine.module';
import { TierReviewProcessor } from './modules/tiers/engine/tier-review.processor';
import { JobName, QueueName } from './queue/queue.constants';

/** Repeating schedules; upserted at every worker start, so there is exactly one of each. */
@Injectable()
class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('Schedules');

  constructor(
    @InjectQueue(QueueName.PointsExpiry) private readonly expiryQueue: Queue,
    @InjectQueue(QueueName.PointsRelease) private readonly releaseQueue: Queue,
    @InjectQueue(QueueName.TierReview) private readonly tierReviewQueue: Queue,
    @InjectQueue(QueueName.BirthdayBonus) private readonly birthdayQueue: Queue,
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
    await this.tierReviewQueue.upsertJobScheduler(
      'daily-tier-review',
      { pattern: '0 0 4 * * *', tz: 'UTC' },
      { name: JobName.PlanTierReview, data: {} },
    );
    await this.birthdayQueue.upsertJobScheduler(
      'daily-birthday-bonus',
      { pattern: '0 5 0 * * *', tz: 'UTC' },
      { name: JobName.PlanBirthdayBonus, data: {} },
    );
    this.logger.log(
      'Scheduled points expiry daily at 03:30 UTC, the release of pending points hourly at :15, the tier review daily at 04:00 UTC and birthday bonuses daily at 00:05 UTC',
    );
  }
}

const PROCESSORS: Record<QueueName, Provider> = {
  [QueueName.PointsExpiry]: PointsExpiryProcessor,
  [QueueName.PointsRelease]: PointsReleaseProcessor,
  [QueueName.TierReview]: TierReviewProcessor,
  [QueueName.BirthdayBonus]: BirthdayBonusProcessor,
};

/** The worker process: BullMQ processors for the queues in ACTIVE_WORKERS, no HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig = loadConfig()): DynamicModule {
    const processors = (Object.keys(PROCESSORS) as QueueName[]).filter((q) => config.isWorkerActive(q)).map((q) => PROCESSORS[q]);
    return {
      module: WorkerModule,
      imports: [...coreImports('worker'), PointsModule, JobsModule, TierEngineModule],
      providers: [...processors, { provide: Schedules, useClass: Schedules }],
    };
  }
}
