import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { PlanMemberRanges } from '../../points/use-cases/plan-member-ranges';

export type TierRunKind = 'tier-review' | 'birthday-bonus';

/**
 * Starts a run over member-id ranges: records it (JobRunsService) and queues
 * one part job per range. Used by the daily plan jobs and by
 * POST /api/v1/admin/tiers/reviews, which answers the run id at once.
 */
@Injectable()
export class TierRunsService {
  constructor(
    private readonly plan: PlanMemberRanges,
    private readonly runs: JobRunsService,
    @InjectQueue(QueueName.TierReview) private readonly reviewQueue: Queue,
    @InjectQueue(QueueName.BirthdayBonus) private readonly birthdayQueue: Queue,
  ) {}

  async start(kind: TierRunKind, asOf: Date, createdBy: string | null = null): Promise<{ runId: string; asOf: string; ranges: number }> {
    const ranges = await this.plan.execute();
    const at = asOf.toISOString();
    const runId = await this.runs.start(kind, ranges.length, { asOf: at }, createdBy);
    await this.runs.queueParts(
      kind === 'tier-review' ? this.reviewQueue : this.birthdayQueue,
      kind === 'tier-review' ? JobName.TierReviewRange : JobName.BirthdayBonusRange,
      runId,
      ranges.map((r) => ({ asOf: at, fromId: r.fromId, toId: r.toId })),
    );
    return { runId, asOf: at, ranges: ranges.length };
  }
}
