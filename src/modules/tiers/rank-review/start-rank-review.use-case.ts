import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { PlannedJob } from '../../jobs/ranged-job';
import { RANK_REVIEW_PATTERN, valueRunCoversRankReview } from '../rules/rank-review-date';
import { rankReviewNeedsValueRun } from '../tiers.errors';
import { RankReviewRepository } from './rank-review.repository';

/** The monthly rank review: one part, since the selection is global. */
export const RANK_REVIEW = {
  kind: 'tier-rank-review',
  queue: QueueName.TierRankReview,
  planJob: JobName.PlanRankReview,
  schedule: {
    id: 'monthly-rank-review',
    pattern: RANK_REVIEW_PATTERN,
    tz: 'UTC',
    says: 'rank review monthly 1st 03:00 (after value run, before tier review)',
  },
} satisfies PlannedJob;

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

  async start(asOf: Date, createdBy: string | null): Promise<{ runId: string }> {
    const valueAsOf = await this.repo.latestValueRunAsOf();
    if (!valueRunCoversRankReview(valueAsOf, asOf)) {
      throw rankReviewNeedsValueRun(asOf, valueAsOf);
    }
    const runId = await this.runs.start(RANK_REVIEW.kind, 1, { asOf: asOf.toISOString() }, createdBy);
    await this.runs.queueParts(this.queue, JobName.RankReview, runId, [{ asOf: asOf.toISOString() }]);
    return { runId };
  }
}
