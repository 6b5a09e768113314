import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ExpireDueLotsPayload, JobName, QueueName } from '../../queue/queue.constants';
import { ExpiryService } from './expiry.service';

@Processor(QueueName.PointsExpiry)
export class PointsExpiryProcessor extends WorkerHost {
  constructor(private readonly expiry: ExpiryService) {
    super();
  }

  async process(job: Job<ExpireDueLotsPayload>): Promise<unknown> {
    switch (job.name) {
      case JobName.ExpireDueLots:
        return this.expiry.expireDue(job.data.asOf ? new Date(job.data.asOf) : new Date());
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.PointsExpiry}`);
    }
  }
}
