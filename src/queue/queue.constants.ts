/** Queue and job names. A worker process runs the queues named in ACTIVE_WORKERS. */
export enum QueueName {
  PointsExpiry = 'points-expiry',
  PointsRelease = 'points-release',
  MemberImport = 'member-import',
}

export enum JobName {
  /** Splits the members into id ranges and queues one ExpireRange job per range. */
  PlanExpiry = 'plan-expiry',
  ExpireRange = 'expire-range',
  /** Splits the members into id ranges and queues one ReleaseRange job per range. */
  PlanRelease = 'plan-release',
  ReleaseRange = 'release-range',
  /** One part (about 1000 rows) of a CSV member import. */
  ImportMembersPart = 'import-members-part',
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

export interface ImportPartPayload {
  runId: string;
  partNo: number;
  fromRow: number;
  toRow: number;
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
