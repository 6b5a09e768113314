import { Module } from '@nestjs/common';
import { JobRunsService } from './job-runs.service';
import { JobReconciler } from './job-reconciler';
import { JobsRepository } from './jobs.repository';
import { MemberRangesQueries } from './member-ranges.queries';
import { PlanMemberRanges } from './plan-member-ranges';
import { StartRangedRun } from './start-ranged-run';

/**
 * Long jobs split into parts, with their progress kept in the database (GET /api/v1/admin/jobs/{id}),
 * and the member-id ranges that ranged jobs (ranged-job.ts) are split into.
 * Worker processes add ReconcileLoop, which queues again the parts Redis lost.
 */
@Module({
  providers: [JobsRepository, JobRunsService, JobReconciler, MemberRangesQueries, PlanMemberRanges, StartRangedRun],
  exports: [JobRunsService, JobReconciler, PlanMemberRanges, StartRangedRun],
})
export class JobsModule {}
