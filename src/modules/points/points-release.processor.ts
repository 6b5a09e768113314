import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../queue/queue.constants';
import { JobRunsService } from '../jobs/job-runs.service';
import { RangedJob } from '../jobs/ranged-job';
import { StartRangedRun } from '../jobs/start-ranged-run';
import { ReleasePendingUseCase } from './use-cases/release-pending/release-pending.use-case';

export const POINTS_RELEASE = {
  kind: 'points-release',
  queue: QueueName.PointsRelease,
  planJob: JobName.PlanRelease,
  rangeJob: JobName.ReleaseRange,
  schedule: { id: 'hourly-pending-release', pattern: '0 15 * * * *', tz: 'UTC', says: 'pending release hourly :15' },
} satisfies RangedJob;

/** Pending points whose return window has run become spendable: a plan job, then one job per member-id range. */
@Processor(QueueName.PointsRelease)
export class PointsReleaseProcessor extends WorkerHost {
  constructor(
    private readonly startRun: StartRangedRun,
    private readonly release: ReleasePendingUseCase,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | RangePayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanRelease:
        return this.startRun.start(POINTS_RELEASE, job.data.asOf ?? new Date().toISOString());
      case JobName.ReleaseRange: {
        const data = job.data as RangePayload;
        return this.runs.runPart(job as Job<RangePayload>, () =>
          this.release.release({ fromId: data.fromId, toId: data.toId }, new Date(data.asOf)),
        );
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.PointsRelease}`);
    }
  }
}
