/** Queue and job names. A worker process runs the queues named in ACTIVE_WORKERS. */
export enum QueueName {
  PointsExpiry = 'points-expiry',
  PointsRelease = 'points-release',
  Campaigns = 'campaigns',
}

export enum JobName {
  /** Splits the members into id ranges and queues one ExpireRange job per range. */
  PlanExpiry = 'plan-expiry',
  ExpireRange = 'expire-range',
  /** Splits the members into id ranges and queues one ReleaseRange job per range. */
  PlanRelease = 'plan-release',
  ReleaseRange = 'release-range',
  /** Plans one occurrence of a campaign: a run over member-id ranges, one CampaignBatch job per range. */
  PlanCampaign = 'plan-campaign',
  CampaignBatch = 'campaign-batch',
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
