import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../queue/queue.constants';
import { ExpirePointsUseCase } from './use-cases/expire-points/expire-points.use-case';
import { PlanMemberRanges } from './use-cases/plan-member-ranges';

/** Daily expiry: a plan job fans out into one job per member-id range; any number of workers share them. */
@Processor(QueueName.PointsExpiry)
export class PointsExpiryProcessor extends WorkerHost {
  constructor(
    private readonly plan: PlanMemberRanges,
    private readonly expire: ExpirePointsUseCase,
    @InjectQueue(QueueName.PointsExpiry) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | RangePayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanExpiry:
        return planRanges(this.queue, this.plan, JobName.ExpireRange, 'expire', job.data as PlanPayload);
      case JobName.ExpireRange: {
        const data = job.data as RangePayload;
        return this.expire.execute({ fromId: data.fromId, toId: data.toId }, new Date(data.asOf));
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.PointsExpiry}`);
    }
  }
}

/**
 * Queues one job per member-id range. Job ids are derived from the run's
 * instant and the range, so a plan that runs twice queues each range once;
 * the range jobs themselves are safe to run twice anyway.
 */
export async function planRanges(
  queue: Queue,
  plan: PlanMemberRanges,
  rangeJob: JobName,
  idPrefix: string,
  data: PlanPayload,
): Promise<{ asOf: string; ranges: number }> {
  const asOf = data.asOf ?? new Date().toISOString();
  const ranges = await plan.execute();
  const stamp = Date.parse(asOf);
  await queue.addBulk(
    ranges.map((r, i) => ({
      name: rangeJob,
      data: { asOf, fromId: r.fromId, toId: r.toId } satisfies RangePayload,
      opts: { jobId: `${idPrefix}-${stamp}-${i}` },
    })),
  );
  return { asOf, ranges: ranges.length };
}
