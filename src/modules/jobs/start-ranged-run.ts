import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { JobRunsService } from './job-runs.service';
import { PlanMemberRanges } from './plan-member-ranges';
import { RangedJob } from './ranged-job';

/**
 * Records a run of a ranged job over the member-id ranges and queues one job
 * per range, `{ asOf, fromId, toId }` (job ids come from the run, so queuing
 * twice queues once; the range jobs themselves are safe to run twice anyway).
 */
@Injectable()
export class StartRangedRun {
  constructor(
    private readonly plan: PlanMemberRanges,
    private readonly runs: JobRunsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async start(job: RangedJob, asOf: string, createdBy: string | null = null): Promise<{ runId: string; asOf: string; ranges: number }> {
    const ranges = await this.plan.plan();
    const runId = await this.runs.start(job.kind, ranges.length, { asOf }, createdBy);
    await this.runs.queueParts(
      this.moduleRef.get<Queue>(getQueueToken(job.queue), { strict: false }),
      job.rangeJob,
      runId,
      ranges.map((r) => ({ asOf, fromId: r.fromId, toId: r.toId })),
    );
    return { runId, asOf, ranges: ranges.length };
  }
}
