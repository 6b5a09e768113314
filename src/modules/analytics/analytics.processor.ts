import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, PlanPayload, QueueName } from '../../queue/queue.constants';
import { JobRunsService, PartPayload } from '../jobs/job-runs.service';
import { RefreshSnapshotUseCase } from './use-cases/refresh-snapshot.use-case';
import { SnapshotPayload, StartSnapshotUseCase } from './use-cases/start-snapshot.use-case';

/**
 * Analytics snapshots: the daily plan job (or POST analytics/snapshots)
 * records a run; its one part computes the figures. A part run twice writes
 * the same snapshot again (its figures are replaced, not added).
 */
@Processor(QueueName.AnalyticsSnapshots)
export class AnalyticsProcessor extends WorkerHost {
  constructor(
    private readonly start: StartSnapshotUseCase,
    private readonly refresh: RefreshSnapshotUseCase,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | (SnapshotPayload & PartPayload)>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanAnalyticsSnapshot: {
        const data = job.data;
        return this.start.start(data.asOf ? new Date(data.asOf) : new Date(), null);
      }
      case JobName.AnalyticsSnapshot: {
        const data = job.data as SnapshotPayload & PartPayload;
        return this.runs.runPart(job as Job<PartPayload>, () => this.refresh.refresh(data.runId, new Date(data.asOf)));
      }
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.AnalyticsSnapshots}`);
    }
  }
}
