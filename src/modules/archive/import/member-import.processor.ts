import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ImportPartPayload, JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { MemberImportService } from './member-import.service';

/** One part of a CSV member import per job; the run's progress is at GET /api/v1/admin/jobs/{id}. */
@Processor(QueueName.MemberImport)
export class MemberImportProcessor extends WorkerHost {
  constructor(
    private readonly imports: MemberImportService,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<ImportPartPayload, unknown, JobName>): Promise<unknown> {
    if (job.name !== JobName.ImportMembersPart) {
      throw new Error(`Unknown job ${job.name} on ${QueueName.MemberImport}`);
    }
    return this.runs.runPart(job, () => this.imports.processPart(job.data.runId, job.data.fromRow, job.data.toRow));
  }
}
