import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';

export const RANK_REVIEW_KIND = 'tier-rank-review';

/** Records a rank review run (one part: the selection is global) and queues it. */
@Injectable()
export class StartRankReviewUseCase {
  constructor(
    private readonly runs: JobRunsService,
    @InjectQueue(QueueName.TierRankReview) private readonly queue: Queue,
  ) {}

  async execute(asOf: Date, createdBy: string | null): Promise<{ runId: string }> {
    const runId = await this.runs.start(RANK_REVIEW_KIND, 1, { asOf: asOf.toISOString() }, createdBy);
    await this.runs.queueParts(this.queue, JobName.RankReview, runId, [{ asOf: asOf.toISOString() }]);
    return { runId };
  }
}
