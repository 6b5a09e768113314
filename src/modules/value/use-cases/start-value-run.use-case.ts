import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { PlanMemberRanges } from '../../points/use-cases/plan-member-ranges';
import { ValueRepository } from '../value.repository';
import { ValueReference, ValueWeights } from '../rules/value-score';
import { currentGradeShares, currentReference, currentWeights } from '../value-settings';

export const VALUE_RUN_KIND = 'member-value';

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

  async execute(asOf: Date, createdBy: string | null): Promise<{ runId: string; ranges: number }> {
    const ranges = await this.plan.execute();
    const settings = await this.repo.settings();
    const weights = currentWeights(settings);
    const reference = currentReference(settings);
    const runId = await this.runs.start(VALUE_RUN_KIND, ranges.length + 1, { asOf: asOf.toISOString(), weights, reference }, createdBy);
    await this.repo.insertRun({ id: runId, asOf, startedAt: new Date(), weights, grades: currentGradeShares(settings) });
    await this.runs.queueParts<Omit<ValueRangePayload, 'runId' | 'partNo'>>(
      this.queue,
      JobName.ValueRange,
      runId,
      ranges.map((r) => ({ asOf: asOf.toISOString(), fromId: r.fromId, toId: r.toId, ranges: ranges.length, weights, reference })),
    );
    return { runId, ranges: ranges.length };
  }
}
