import { Module } from '@nestjs/common';
import { JobRunsService } from './job-runs.service';
import { JobsRepository } from './jobs.repository';

/** Long jobs split into parts, with their progress kept in the database (GET /api/v1/admin/jobs/{id}). */
@Module({
  providers: [JobsRepository, JobRunsService],
  exports: [JobRunsService],
})
export class JobsModule {}
