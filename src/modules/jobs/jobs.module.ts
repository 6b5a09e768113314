import { Module } from '@nestjs/common';
import { JobRunsService } from './job-runs.service';
import { JobReconciler } from './job-reconciler';
import { JobsRepository } from './jobs.repository';

/**
 * Long jobs split into parts, with their progress kept in the database (GET /api/v1/admin/jobs/{id}).
 * Worker processes add ReconcileLoop, which queues again the parts Redis lost.
 */
@Module({
  providers: [JobsRepository, JobRunsService, JobReconciler],
  exports: [JobRunsService, JobReconciler],
})
export class JobsModule {}
