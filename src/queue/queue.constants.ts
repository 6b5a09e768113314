/** Queue and job names. A worker process runs the queues named in ACTIVE_WORKERS. */
export enum QueueName {
  PointsExpiry = 'points-expiry',
}

export enum JobName {
  ExpireDueLots = 'expire-due-lots',
}

export interface ExpireDueLotsPayload {
  /** Expire lots due at or before this instant (ISO); defaults to the job's run time. */
  asOf?: string;
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
