import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobName, PlanPayload, QueueName } from '../../queue/queue.constants';
import { JobRunsService, PartPayload } from '../jobs/job-runs.service';
import { ComputeValueRangeUseCase } from './use-cases/compute-value-range.use-case';
import { FinalizeValueRunUseCase } from './use-cases/finalize-value-run.use-case';
import { StartValueRunUseCase, ValueRangePayload } from './use-cases/start-value-run.use-case';

type RangeJob = Job<ValueRangePayload & PartPayload>;

/**
 * The value run: a plan job (daily schedule) starts a run; range parts
 * compute figures and scores; when every range part is done the finalising
 * part (the run's last, so the run completes only after it) grades the
 * whole population. Every step is safe to run twice.
 */
@Processor(QueueName.MemberValue)
export class ValueProcessor extends WorkerHost {
  constructor(
    private readonly start: StartValueRunUseCase,
    private readonly compute: ComputeValueRangeUseCase,
    private readonly finalize: FinalizeValueRunUseCase,
    private readonly runs: JobRunsService,
    @InjectQueue(QueueName.MemberValue) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | (ValueRangePayload & PartPayload) | PartPayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanValueRun: {
        const data = job.data as PlanPayload;
        return this.start.start(data.asOf ? new Date(data.asOf) : new Date(), null);
      }
      case JobName.ValueRange:
        return this.range(job as RangeJob);
      case JobName.FinalizeValueRun:
        return this.runs.runPart(job as Job<PartPayload>, async () => {
          const { runId } = job.data as PartPayload;
          // A range part that failed for good left its members' figures stale: keep the last grades, the run ends as failed.
          if ((await this.runs.view(runId)).failed > 0) {
            return { graded: 0 };
          }
          return this.finalize.finalize(runId);
        });
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.MemberValue}`);
    }
  }

  private async range(job: RangeJob): Promise<unknown> {
    const d = job.data;
    try {
      return await this.runs.runPart(job, () =>
        this.compute.compute(d.runId, { fromId: d.fromId, toId: d.toId }, new Date(d.asOf), d.weights, d.reference),
      );
    } finally {
      // Also after a re-delivered part that was already done: the finalising part is queued by whichever range part sees them all through.
      await this.queueFinalizeWhenRangesDone(d.runId, d.ranges);
    }
  }

  /**
   * Queues the finalising part once every range part has ended (done, or
   * failed on its last attempt: the finalising part then skips the grading
   * and the run ends as failed). Its job id makes queuing it twice queue once.
   */
  private async queueFinalizeWhenRangesDone(runId: string, ranges: number): Promise<void> {
    const view = await this.runs.view(runId);
    if (view.state !== 'running' || view.done + view.failed < ranges) {
      return;
    }
    await this.runs.queueParts(this.queue, JobName.FinalizeValueRun, runId, [{}], { partNos: [ranges] });
  }
}
