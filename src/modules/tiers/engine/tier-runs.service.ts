import { Injectable } from '@nestjs/common';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { RangedJob } from '../../jobs/ranged-job';
import { StartRangedRun } from '../../jobs/start-ranged-run';

/** The daily tier review over member-id ranges (also started from the console). */
export const TIER_REVIEW = {
  kind: 'tier-review',
  queue: QueueName.TierReview,
  planJob: JobName.PlanTierReview,
  rangeJob: JobName.TierReviewRange,
  schedule: { id: 'daily-tier-review', pattern: '0 0 4 * * *', tz: 'UTC', says: 'tier review daily 04:00' },
} satisfies RangedJob;

/** The daily birthday bonuses over member-id ranges. */
export const BIRTHDAY_BONUS = {
  kind: 'birthday-bonus',
  queue: QueueName.BirthdayBonus,
  planJob: JobName.PlanBirthdayBonus,
  rangeJob: JobName.BirthdayBonusRange,
  schedule: { id: 'daily-birthday-bonus', pattern: '0 5 0 * * *', tz: 'UTC', says: 'birthday bonus daily 00:05' },
} satisfies RangedJob;

export type TierRunKind = 'tier-review' | 'birthday-bonus';

/**
 * Starts a tier review or birthday bonus run over member-id ranges. Used by
 * the daily plan jobs and by POST /api/v1/admin/tiers/reviews, which answers
 * the run id at once.
 */
@Injectable()
export class TierRunsService {
  constructor(private readonly startRun: StartRangedRun) {}

  async start(kind: TierRunKind, asOf: Date, createdBy: string | null = null): Promise<{ runId: string; asOf: string; ranges: number }> {
    return this.startRun.start(kind === 'tier-review' ? TIER_REVIEW : BIRTHDAY_BONUS, asOf.toISOString(), createdBy);
  }
}
