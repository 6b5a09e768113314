import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { RefreshWindowStatsUseCase } from './refresh-window-stats.use-case';
import { ReviewTiersUseCase } from './review-tiers.use-case';
import { TierRunsService } from './tier-runs.service';

/**
 * Daily tier review, and the daily refresh of the simulation's window sums: a
 * plan job fans out one job per member-id range; any number of workers share them.
 */
@Processor(QueueName.TierReview)
export class TierReviewProcessor extends WorkerHost {
  constructor(
    private readonly starter: TierRunsService,
    private readonly review: ReviewTiersUseCase,
    private readonly runs: JobRunsService,
    private readonly windowStats: RefreshWindowStatsUseCase,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | RangePayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanTierReview:
        return this.starter.start('tier-review', job.data.asOf ? new Date(job.data.asOf) : new Date());
      case JobName.TierReviewRange: {
        const data = job.data as RangePayload;
        return this.runs.runPart(job as Job<RangePayload>, () =>
          this.review.review({ fromId: data.fromId, toId: data.toId }, new Date(data.asOf)),
        );
      }
      case JobName.PlanWindowStats:
        return this.windowStats.start(job.data.asOf ? new Date(job.data.asOf) : new Date());
      case JobName.WindowStatsRange: {
        const data = job.data as RangePayload;
        const outcome = await this.runs.runPart(job as Job<RangePayload>, () =>
          this.windowStats.refreshRange(data.runId, { fromId: data.fromId, toId: data.toId }),
        );
        // Also when a re-delivered last part finds itself done: the snapshot is finished by whichever part sees the run completed.
        if ((await this.runs.view(data.runId)).state === 'completed') {
          await this.windowStats.finish(data.runId);
        }
        return outcome;
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.TierReview}`);
    }
  }
}
