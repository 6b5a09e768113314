import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { BirthdayBonusUseCase } from './birthday-bonus.use-case';
import { TierRunsService } from './tier-runs.service';

/** Daily birthday bonuses: a plan job fans out one job per member-id range. */
@Processor(QueueName.BirthdayBonus)
export class BirthdayBonusProcessor extends WorkerHost {
  constructor(
    private readonly starter: TierRunsService,
    private readonly bonus: BirthdayBonusUseCase,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | RangePayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanBirthdayBonus:
        return this.starter.start('birthday-bonus', job.data.asOf ? new Date(job.data.asOf) : new Date());
      case JobName.BirthdayBonusRange: {
        const data = job.data as RangePayload;
        return this.runs.runPart(job as Job<RangePayload>, () =>
          this.bonus.grant({ fromId: data.fromId, toId: data.toId }, new Date(data.asOf)),
        );
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.BirthdayBonus}`);
    }
  }
}
