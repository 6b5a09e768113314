import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';

export const SNAPSHOT_RUN_KIND = 'analytics-snapshot';

export interface SnapshotPayload {
  asOf: string;
}

/**
 * Records a snapshot run (a job run of one part; its id becomes the
 * snapshot's id) and queues the part. Progress at GET jobs/{jobId}.
 * One run at a time (a run reads every member for about a minute at 1M
 * members): while one is running, asking again answers that run.
 */
@Injectable()
export class StartSnapshotUseCase {
  constructor(
    private readonly runs: JobRunsService,
    @InjectQueue(QueueName.AnalyticsSnapshots) private readonly queue: Queue,
  ) {}

  async execute(asOf: Date, createdBy: string | null): Promise<{ runId: string }> {
    const { runId, started } = await this.runs.startUnlessRunning(SNAPSHOT_RUN_KIND, 1, { asOf: asOf.toISOString() }, createdBy);
    if (started) {
      await this.runs.queueParts<SnapshotPayload>(this.queue, JobName.AnalyticsSnapshot, runId, [{ asOf: asOf.toISOString() }]);
    }
    return { runId };
  }
}
