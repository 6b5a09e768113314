import { InjectQueue } from '@nestjs/bullmq';
import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { Queue } from 'bullmq';
import { coreImports } from './core.module';
import { AppConfig, loadConfig } from './config/app-config';
import { ArchiveModule } from './modules/archive/archive.module';
import { MemberImportProcessor } from './modules/archive/import/member-import.processor';
import { PointsExpiryProcessor } from './modules/points/points-expiry.processor';
import { JobsModule } from './modules/jobs/jobs.module';
import { PointsModule } from './modules/points/points.module';
import { PointsReleaseProcessor } from './modules/points/points-release.processor';
import { JobName, QueueName } from './queue/queue.constants';

/** Repeating schedules; upserted at every worker start, so there is exactly one of each. */
@Injectable()
class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('Schedules');

  constructor(
    @InjectQueue(QueueName.PointsExpiry) private readonly expiryQueue: Queue,
    @InjectQueue(QueueName.PointsRelease) private readonly releaseQueue: Queue,
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
    this.logger.log('Scheduled points expiry daily at 03:30 UTC and the release of pending points hourly at :15');
  }
}

const PROCESSORS: Record<QueueName, Provider> = {
  [QueueName.PointsExpiry]: PointsExpiryProcessor,
  [QueueName.PointsRelease]: PointsReleaseProcessor,
  [QueueName.MemberImport]: MemberImportProcessor,
};

/** The worker process: BullMQ processors for the queues in ACTIVE_WORKERS, no HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig = loadConfig()): DynamicModule {
    const processors = (Object.keys(PROCESSORS) as QueueName[]).filter((q) => config.isWorkerActive(q)).map((q) => PROCESSORS[q]);
    return {
      module: WorkerModule,
      imports: [...coreImports('worker'), PointsModule, JobsModule, ArchiveModule],
      providers: [...processors, { provide: Schedules, useClass: Schedules }],
    };
  }
}
