import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../queue/queue.constants';
import { JobRunsService } from '../jobs/job-runs.service';
import { ExpirePointsUseCase } from './use-cases/expire-points/expire-points.use-case';
import { PlanMemberRanges } from './use-cases/plan-member-ranges';

/** Daily expiry: a plan job records a run and fans out one job per member-id range; any number of workers share them. */
@Processor(QueueName.PointsExpiry)
export class PointsExpiryProcessor extends WorkerHost {
  constructor(
    private readonly plan: PlanMemberRanges,
    private readonly expire: ExpirePointsUseCase,
    private readonly runs: JobRunsService,
    @InjectQueue(QueueName.PointsExpiry) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | RangePayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanExpiry:
        return planRanges(this.queue, this.plan, this.runs, JobName.ExpireRange, 'points-expiry', job.data);
      case JobName.ExpireRange: {
        const data = job.data as RangePayload;
        return this.runs.runPart(job as Job<RangePayload>, () =>
          this.expire.execute({ fromId: data.fromId, toId: data.toId }, new Date(data.asOf)),
        );
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.PointsExpiry}`);
    }
  }
}

/**
 * Records a run over the member-id ranges and queues one job per range (job
 * ids come from the run, so queuing twice queues once; the range jobs
 * themselves are safe to run twice anyway). Answers the run's id.
 */
export async function planRanges(
  queue: Queue,
  plan: PlanMemberRanges,
  runs: JobRunsService,
  rangeJob: JobName,
  kind: string,
  data: PlanPayload,
): Promise<{ runId: string; asOf: string; ranges: number }> {
  const asOf = data.asOf ?? new Date().toISOString();
  const ranges = await plan.execute();
  const runId = await runs.start(kind, ranges.length, { asOf });
  await runs.queueParts(
    queue,
    rangeJob,
    runId,
    ranges.map((r) => ({ asOf, fromId: r.fromId, toId: r.toId })),
  );
  return { runId, asOf, ranges: ranges.length };
}
