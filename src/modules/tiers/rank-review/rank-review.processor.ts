import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, PlanPayload, QueueName } from '../../../queue/queue.constants';
import { JobRunsService, PartPayload } from '../../jobs/job-runs.service';
import { RankReviewUseCase } from './rank-review.use-case';
import { StartRankReviewUseCase } from './start-rank-review.use-case';

/** The rank review: a plan job (monthly schedule) starts a run; its one part ranks and moves the members. */
@Processor(QueueName.TierRankReview)
export class RankReviewProcessor extends WorkerHost {
  constructor(
    private readonly start: StartRankReviewUseCase,
    private readonly review: RankReviewUseCase,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | (PartPayload & { asOf: string })>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanRankReview: {
        const { asOf } = job.data;
        return this.start.start(asOf ? new Date(asOf) : new Date(), null);
      }
      case JobName.RankReview: {
        const data = job.data as PartPayload & { asOf: string };
        return this.runs.runPart(job as Job<PartPayload>, () => this.review.review(data.runId, new Date(data.asOf)));
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.TierRankReview}`);
    }
  }
}
