// Every module that registers a queue imports these names: the queue and worker classes are set before any of them.
import './bull-classes';

/** Queue and job names. A worker process runs the queues named in ACTIVE_WORKERS. */
export enum QueueName {
  PointsExpiry = 'points-expiry',
  PointsRelease = 'points-release',
  /** The outbox sender, webhook deliveries, notices and the events of posted purchases. */
  Messages = 'messages',
  ClubMembership = 'club-membership',
  MemberValue = 'member-value',
  TierRankReview = 'tier-rank-review',
  TierReview = 'tier-review',
  BirthdayBonus = 'birthday-bonus',
  Campaigns = 'campaigns',
  MemberImport = 'member-import',
  /** Anonymises a member who asked to be forgotten (one job per request). */
  MemberErasure = 'member-erasure',
  AnalyticsSnapshots = 'analytics-snapshots',
  /** Daily coupon expiry and expiring-coupon notices. */
  Coupons = 'coupons',
}

export enum JobName {
  /** Splits the members into id ranges and queues one ExpireRange job per range. */
  PlanExpiry = 'plan-expiry',
  ExpireRange = 'expire-range',
  /** Splits the members into id ranges and queues one ReleaseRange job per range. */
  PlanRelease = 'plan-release',
  ReleaseRange = 'release-range',
  /** Sends the outbox rows that are due (repeats every MESSAGES_POLL_MS). */
  SendOutbox = 'send-outbox',
  /** POSTs the webhook deliveries that are due (repeats every MESSAGES_POLL_MS). */
  DeliverWebhooks = 'deliver-webhooks',
  /** Monthly: splits the members into id ranges and queues one ExpiryNoticeRange job per range. */
  PlanExpiryNotices = 'plan-expiry-notices',
  ExpiryNoticeRange = 'expiry-notice-range',
  /** Purchases and tier moves of posted POS batches: webhooks and tier notices, off the POS path. */
  PostingEvents = 'posting-events',
  /** Re-evaluates the automatic clubs of the members who just bought (a batch of member ids). */
  EvaluateClubMembers = 'evaluate-club-members',
  /** Nightly: records a regroup run of every active automatic club and queues one RegroupClubRange job per range. */
  PlanClubRegroup = 'plan-club-regroup',
  RegroupClubRange = 'regroup-club-range',
  /** Records a value run and queues one ValueRange job per member-id range. */
  PlanValueRun = 'plan-value-run',
  ValueRange = 'value-range',
  /** The value run's last part: grades, RFM and ranks over the whole population. */
  FinalizeValueRun = 'finalize-value-run',
  /** Records a rank review run and queues its one part. */
  PlanRankReview = 'plan-rank-review',
  RankReview = 'rank-review',
  /** Splits the members into id ranges and queues one TierReviewRange job per range (grant expiry, then reviews). */
  PlanTierReview = 'plan-tier-review',
  TierReviewRange = 'tier-review-range',
  /** Splits the members into id ranges and queues one BirthdayBonusRange job per range. */
  PlanBirthdayBonus = 'plan-birthday-bonus',
  BirthdayBonusRange = 'birthday-bonus-range',
  /** Daily on the tier-review queue: records a refresh of the simulation's window sums and queues one WindowStatsRange job per range. */
  PlanWindowStats = 'plan-window-stats',
  WindowStatsRange = 'window-stats-range',
  /** Plans one occurrence of a campaign: a run over member-id ranges, one CampaignBatch job per range. */
  PlanCampaign = 'plan-campaign',
  CampaignBatch = 'campaign-batch',
  /** One part (about 1000 rows) of a CSV member import. */
  ImportMembersPart = 'import-members-part',
  /** The one part of a member erasure run. */
  EraseMember = 'erase-member',
  /** Daily: records an analytics snapshot run and queues its one part. */
  PlanAnalyticsSnapshot = 'plan-analytics-snapshot',
  /** Computes every precomputed analytics figure into one snapshot. */
  AnalyticsSnapshot = 'analytics-snapshot',
  /** Daily: splits the members into id ranges and queues one CouponExpiryRange job per range. */
  PlanCouponExpiry = 'plan-coupon-expiry',
  CouponExpiryRange = 'coupon-expiry-range',
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

export interface ImportPartPayload {
  runId: string;
  partNo: number;
  fromRow: number;
  toRow: number;
}

export interface ErasurePayload {
  runId: string;
  partNo: number;
  memberId: string;
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
