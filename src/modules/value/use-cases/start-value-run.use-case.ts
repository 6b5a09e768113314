import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { PlanMemberRanges } from '../../jobs/plan-member-ranges';
import { RangedJob } from '../../jobs/ranged-job';
import { ValueRepository } from '../value.repository';
import { ValueReference, ValueWeights } from '../rules/value-score';
import { currentGradeShares, currentReference, currentWeights } from '../value-settings';

/** The daily value run: range parts, then a finalising part (FinalizeValueRun) that grades the whole population. */
export const VALUE_RUN = {
  kind: 'member-value',
  queue: QueueName.MemberValue,
  planJob: JobName.PlanValueRun,
  rangeJob: JobName.ValueRange,
  schedule: { id: 'daily-member-value', pattern: '0 0 2 * * *', tz: 'UTC', says: 'member value daily 02:00' },
} satisfies RangedJob;

/** What each range part of a value run carries. */
export interface ValueRangePayload {
  asOf: string;
  fromId: string;
  toId: string | null;
  /** Parts before the finalising one: the finalising part is number `ranges`. */
  ranges: number;
  /** The settings at the start: every part of a run scores alike even if the settings change meanwhile. */
  weights: ValueWeights;
  reference: ValueReference;
}

/**
 * Records a value run (a job run of ranges + 1 parts, and its value_runs row
 * with the weights in force) and queues one part per member-id range. The
 * last part, the finalising step, is queued once every range part is done.
 */
@Injectable()
export class StartValueRunUseCase {
  constructor(
    private readonly plan: PlanMemberRanges,
    private readonly runs: JobRunsService,
    private readonly repo: ValueRepository,
    @InjectQueue(QueueName.MemberValue) private readonly queue: Queue,
  ) {}

  async start(asOf: Date, createdBy: string | null): Promise<{ runId: string; ranges: number }> {
    const ranges = await this.plan.plan();
    const settings = await this.repo.settings();
    const weights = currentWeights(settings);
    const reference = currentReference(settings);
    const runId = await this.runs.start(VALUE_RUN.kind, ranges.length + 1, { asOf: asOf.toISOString(), weights, reference }, createdBy);
    await this.repo.insertRun({ id: runId, asOf, startedAt: new Date(), weights, grades: currentGradeShares(settings) });
    await this.runs.queueParts<Omit<ValueRangePayload, 'runId' | 'partNo'>>(
      this.queue,
      VALUE_RUN.rangeJob,
      runId,
      ranges.map((r) => ({ asOf: asOf.toISOString(), fromId: r.fromId, toId: r.toId, ranges: ranges.length, weights, reference })),
    );
    return { runId, ranges: ranges.length };
  }
}
