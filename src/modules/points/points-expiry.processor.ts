import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../queue/queue.constants';
import { JobRunsService } from '../jobs/job-runs.service';
import { RangedJob } from '../jobs/ranged-job';
import { StartRangedRun } from '../jobs/start-ranged-run';
import { ExpirePointsUseCase } from './use-cases/expire-points/expire-points.use-case';

export const POINTS_EXPIRY = {
  kind: 'points-expiry',
  queue: QueueName.PointsExpiry,
  planJob: JobName.PlanExpiry,
  rangeJob: JobName.ExpireRange,
  schedule: { id: 'daily-points-expiry', pattern: '0 30 3 * * *', tz: 'UTC', says: 'points expiry daily 03:30' },
} satisfies RangedJob;

/** Daily expiry: a plan job records a run and fans out one job per member-id range; any number of workers share them. */
@Processor(QueueName.PointsExpiry)
export class PointsExpiryProcessor extends WorkerHost {
  constructor(
    private readonly startRun: StartRangedRun,
    private readonly expire: ExpirePointsUseCase,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | RangePayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanExpiry:
        return this.startRun.start(POINTS_EXPIRY, job.data.asOf ?? new Date().toISOString());
      case JobName.ExpireRange: {
        const data = job.data as RangePayload;
        return this.runs.runPart(job as Job<RangePayload>, () =>
          this.expire.expire({ fromId: data.fromId, toId: data.toId }, new Date(data.asOf)),
        );
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.PointsExpiry}`);
    }
  }
}
