/** Queue and job names. A worker process runs the queues named in ACTIVE_WORKERS. */
export enum QueueName {
  PointsExpiry = 'points-expiry',
  PointsRelease = 'points-release',
  ClubMembership = 'club-membership',
}

export enum JobName {
  /** Splits the members into id ranges and queues one ExpireRange job per range. */
  PlanExpiry = 'plan-expiry',
  ExpireRange = 'expire-range',
  /** Splits the members into id ranges and queues one ReleaseRange job per range. */
  PlanRelease = 'plan-release',
  ReleaseRange = 'release-range',
  /** Re-evaluates the automatic clubs of the members who just bought (a batch of member ids). */
  EvaluateClubMembers = 'evaluate-club-members',
  /** Nightly: records a regroup run of every active automatic club and queues one RegroupClubRange job per range. */
  PlanClubRegroup = 'plan-club-regroup',
  RegroupClubRange = 'regroup-club-range',
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

export interface EvaluateClubMembersPayload {
  memberIds: string[];
}

export interface ClubRegroupRangePayload extends RangePayload {
  clubIds: string[];
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
