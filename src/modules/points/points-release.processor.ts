import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../queue/queue.constants';
import { planRanges } from './points-expiry.processor';
import { JobRunsService } from '../jobs/job-runs.service';
import { PlanMemberRanges } from './use-cases/plan-member-ranges';
import { ReleasePendingUseCase } from './use-cases/release-pending/release-pending.use-case';

/** Pending points whose return window has run become spendable: a plan job, then one job per member-id range. */
@Processor(QueueName.PointsRelease)
export class PointsReleaseProcessor extends WorkerHost {
  constructor(
    private readonly plan: PlanMemberRanges,
    private readonly release: ReleasePendingUseCase,
    private readonly runs: JobRunsService,
    @InjectQueue(QueueName.PointsRelease) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | RangePayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanRelease:
        return planRanges(this.queue, this.plan, this.runs, JobName.ReleaseRange, 'points-release', job.data);
      case JobName.ReleaseRange: {
        const data = job.data as RangePayload;
        return this.runs.runPart(job as Job<RangePayload>, () =>
          this.release.execute({ fromId: data.fromId, toId: data.toId }, new Date(data.asOf)),
        );
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.PointsRelease}`);
    }
  }
}
