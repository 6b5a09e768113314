import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { PlannedJob } from '../../jobs/ranged-job';

/** The daily analytics snapshot: one part, one run at a time. */
export const ANALYTICS_SNAPSHOT = {
  kind: 'analytics-snapshot',
  queue: QueueName.AnalyticsSnapshots,
  planJob: JobName.PlanAnalyticsSnapshot,
  schedule: {
    id: 'daily-analytics-snapshot',
    pattern: '0 0 5 * * *',
    tz: 'UTC',
    says: 'analytics snapshot daily 05:00 (after value run and tier review)',
  },
} satisfies PlannedJob;

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

  async start(asOf: Date, createdBy: string | null): Promise<{ runId: string }> {
    const { runId, started } = await this.runs.startUnlessRunning(ANALYTICS_SNAPSHOT.kind, 1, { asOf: asOf.toISOString() }, createdBy);
    if (started) {
      await this.runs.queueParts<SnapshotPayload>(this.queue, JobName.AnalyticsSnapshot, runId, [{ asOf: asOf.toISOString() }]);
    }
    return { runId };
  }
}
