import { JobName, QueueName } from '../../queue/queue.constants';

/** When a job is planned without being asked: one BullMQ job scheduler, upserted at every worker start, so there is one of each. */
export interface JobSchedule {
  id: string;
  /** Cron with seconds, in `tz`. */
  pattern: string;
  tz: string;
  /** For the worker's start-up line. */
  says: string;
}

/** A job run (job_runs.kind) that a plan job on `queue` starts: by its schedule, or when the console asks. */
export interface PlannedJob {
  kind: string;
  queue: QueueName;
  planJob: JobName;
  schedule?: JobSchedule;
}

/** A run over member-id ranges: the plan job records the run and queues one `rangeJob` per range (StartRangedRun). */
export interface RangedJob extends PlannedJob {
  rangeJob: JobName;
}

/** A planned job that has a schedule: what the worker's schedule list holds. */
export type ScheduledJob = PlannedJob & { schedule: JobSchedule };
