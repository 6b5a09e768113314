import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { valueRunCoversRankReview } from '../rules/rank-review-date';
import { rankReviewNeedsValueRun } from '../tiers.errors';
import { RankReviewRepository } from './rank-review.repository';

export const RANK_REVIEW_KIND = 'tier-rank-review';

/**
 * Records a rank review run (one part: the selection is global) and queues it.
 * Refused (409 RANK_REVIEW_NEEDS_VALUE_RUN, nothing recorded) while no
 * finished value run covers the month: the review ranks by those scores.
 */
@Injectable()
export class StartRankReviewUseCase {
  constructor(
    private readonly runs: JobRunsService,
    private readonly repo: RankReviewRepository,
    @InjectQueue(QueueName.TierRankReview) private readonly queue: Queue,
  ) {}

  async execute(asOf: Date, createdBy: string | null): Promise<{ runId: string }> {
    const valueAsOf = await this.repo.latestValueRunAsOf();
    if (!valueRunCoversRankReview(valueAsOf, asOf)) {
      throw rankReviewNeedsValueRun(asOf, valueAsOf);
    }
    const runId = await this.runs.start(RANK_REVIEW_KIND, 1, { asOf: asOf.toISOString() }, createdBy);
    await this.runs.queueParts(this.queue, JobName.RankReview, runId, [{ asOf: asOf.toISOString() }]);
    return { runId };
  }
}
