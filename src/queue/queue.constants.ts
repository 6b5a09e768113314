/** Queue and job names. A worker process runs the queues named in ACTIVE_WORKERS. */
export enum QueueName {
  PointsExpiry = 'points-expiry',
  PointsRelease = 'points-release',
  MemberValue = 'member-value',
  TierRankReview = 'tier-rank-review',
}

export enum JobName {
  /** Splits the members into id ranges and queues one ExpireRange job per range. */
  PlanExpiry = 'plan-expiry',
  ExpireRange = 'expire-range',
  /** Splits the members into id ranges and queues one ReleaseRange job per range. */
  PlanRelease = 'plan-release',
  ReleaseRange = 'release-range',
  /** Records a value run and queues one ValueRange job per member-id range. */
  PlanValueRun = 'plan-value-run',
  ValueRange = 'value-range',
  /** The value run's last part: grades, RFM and ranks over the whole population. */
  FinalizeValueRun = 'finalize-value-run',
  /** Records a rank review run and queues its one part. */
  PlanRankReview = 'plan-rank-review',
  RankReview = 'rank-review',
}

export interface PlanPayload {
  /** The instant the run is for (ISO); defaults to when the plan runs. */
  asOf?: string;
}

export interface RangePayload {
  runId: string;
  partNo: number;
  asOf: string;
  fromId: string;
  toId: string | null;
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
