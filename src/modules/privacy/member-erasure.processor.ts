import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ErasurePayload, JobName, QueueName } from '../../queue/queue.constants';
import { JobRunsService } from '../jobs/job-runs.service';
import { EraseMemberUseCase } from './use-cases/erase-member.use-case';

/** One erasure per job; its progress is at GET /api/v1/admin/jobs/{id}. */
@Processor(QueueName.MemberErasure)
export class MemberErasureProcessor extends WorkerHost {
  constructor(
    private readonly erase: EraseMemberUseCase,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<ErasurePayload, unknown, JobName>): Promise<unknown> {
    if (job.name !== JobName.EraseMember) {
      throw new Error(`Unknown job ${job.name} on ${QueueName.MemberErasure}`);
    }
    return this.runs.runPart(job, () => this.erase.erase(job.data.memberId));
  }
}
