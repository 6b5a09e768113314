import { AnalyticsFigure } from '../modules/analytics/entities/analytics-figure.entity';
import { AnalyticsSnapshot } from '../modules/analytics/entities/analytics-snapshot.entity';
import { JobRunPart } from '../modules/jobs/entities/job-run-part.entity';
import { JobRun } from '../modules/jobs/entities/job-run.entity';
import { CampaignActionType } from '../modules/campaigns/entities/campaign-action-type.entity';
import { CampaignBudget } from '../modules/campaigns/entities/campaign-budget.entity';
import { CampaignDelivery } from '../modules/campaigns/entities/campaign-delivery.entity';
import { CampaignRun } from '../modules/campaigns/entities/campaign-run.entity';
import { Campaign } from '../modules/campaigns/entities/campaign.entity';
import { AuditLog } from '../modules/audit/entities/audit-log.entity';
import { AdminUser } from '../modules/auth/entities/admin-user.entity';
import { Card } from '../modules/cards/entities/card.entity';
import { MemberCode } from '../modules/cards/entities/member-code.entity';
import { ClubMemberHistory } from '../modules/clubs/entities/club-member-history.entity';
import { ClubMember } from '../modules/clubs/entities/club-member.entity';
import { Club } from '../modules/clubs/entities/club.entity';
import { MemberImportRow } from '../modules/archive/entities/member-import-row.entity';
import { MemberMerge } from '../modules/archive/entities/member-merge.entity';
import { PointAdjustment } from '../modules/archive/entities/point-adjustment.entity';
import { ConsoleAdjustmentDay } from '../modules/archive/entities/console-adjustment-day.entity';
import { MemberChange } from '../modules/members/entities/member-change.entity';
import { MemberRefreshToken } from '../modules/members/entities/member-refresh-token.entity';
import { MemberNote } from '../modules/members/entities/member-note.entity';
import { MemberTag } from '../modules/members/entities/member-tag.entity';
import { MemberConsent } from '../modules/members/entities/member-consent.entity';
import { Member } from '../modules/members/entities/member.entity';
import { MessageTemplate } from '../modules/messages/entities/message-template.entity';
import { OutboxClaim } from '../modules/messages/entities/outbox-claim.entity';
import { OutboxMessage } from '../modules/messages/entities/outbox-message.entity';
import { WebhookAttempt } from '../modules/messages/entities/webhook-attempt.entity';
import { WebhookDelivery } from '../modules/messages/entities/webhook-delivery.entity';
import { WebhookSubscription } from '../modules/messages/entities/webhook-subscription.entity';
import { MemberMonthlyStats } from '../modules/points/entities/member-monthly-stats.entity';
import { LotConsumption } from '../modules/points/entities/lot-consumption.entity';
import { PointAccount } from '../modules/points/entities/point-account.entity';
import { PointEntry } from '../modules/points/entities/point-entry.entity';
import { PointLot } from '../modules/points/entities/point-lot.entity';
import { ProgramSettings } from '../modules/program/entities/program-settings.entity';
import { PurchaseLine } from '../modules/points/entities/purchase-line.entity';
import { Purchase } from '../modules/points/entities/purchase.entity';
import { Redemption } from '../modules/points/entities/redemption.entity';
import { Refund } from '../modules/points/entities/refund.entity';
import { ApiKey } from '../modules/stores/entities/api-key.entity';
import { Store } from '../modules/stores/entities/store.entity';
import { BirthdayBonus } from '../modules/tiers/entities/birthday-bonus.entity';
import { RankReviewPick } from '../modules/tiers/entities/rank-review-pick.entity';
import { TierGrant } from '../modules/tiers/entities/tier-grant.entity';
import { TierHistory } from '../modules/tiers/entities/tier-history.entity';
import { Tier } from '../modules/tiers/entities/tier.entity';
import { MemberWindowStats } from '../modules/tiers/entities/member-window-stats.entity';
import { WindowStatsSnapshot } from '../modules/tiers/entities/window-stats-snapshot.entity';
import { MemberValue } from '../modules/value/entities/member-value.entity';
import { ValueRun } from '../modules/value/entities/value-run.entity';
import { ValueSettings } from '../modules/value/entities/value-settings.entity';
import { Coupon } from '../modules/rewards/entities/coupon.entity';
import { CouponUse } from '../modules/rewards/entities/coupon-use.entity';
import { Reward } from '../modules/rewards/entities/reward.entity';
import { RewardExchange } from '../modules/rewards/entities/reward-exchange.entity';
import { RewardMemberCount } from '../modules/rewards/entities/reward-member-count.entity';
import { MemberErasure } from '../modules/privacy/entities/member-erasure.entity';
import { Complaint } from '../modules/complaints/entities/complaint.entity';
import { ComplaintStep } from '../modules/complaints/entities/complaint-step.entity';
import { Survey } from '../modules/surveys/entities/survey.entity';
import { SurveyQuestion } from '../modules/surveys/entities/survey-question.entity';
import { SurveyInvitation } from '../modules/surveys/entities/survey-invitation.entity';
import { SurveyAnswer } from '../modules/surveys/entities/survey-answer.entity';
import { Category } from '../modules/categories/entities/category.entity';
import { CategoryUsage } from '../modules/categories/entities/category-usage.entity';

export const ENTITIES = [
  Complaint,
  ComplaintStep,
  Survey,
  SurveyQuestion,
  SurveyInvitation,
  SurveyAnswer,
  Category,
  CategoryUsage,
  Reward,
  RewardMemberCount,
  RewardExchange,
  Coupon,
  CouponUse,
  AdminUser,
  AuditLog,
  ApiKey,
  BirthdayBonus,
  Campaign,
  CampaignActionType,
  CampaignBudget,
  CampaignDelivery,
  CampaignRun,
  Card,
  MemberCode,
  Club,
  ClubMember,
  ClubMemberHistory,
  JobRun,
  JobRunPart,
  LotConsumption,
  Member,
  MemberMonthlyStats,
  MemberConsent,
  MessageTemplate,
  OutboxMessage,
  OutboxClaim,
  WebhookAttempt,
  WebhookDelivery,
  WebhookSubscription,
  MemberChange,
  MemberNote,
  MemberTag,
  MemberRefreshToken,
  MemberMerge,
  MemberImportRow,
  PointAdjustment,
  ConsoleAdjustmentDay,
  PointAccount,
  PointEntry,
  PointLot,
  ProgramSettings,
  Purchase,
  PurchaseLine,
  Redemption,
  Refund,
  Store,
  Tier,
  TierGrant,
  RankReviewPick,
  TierHistory,
  MemberValue,
  ValueRun,
  ValueSettings,
  MemberErasure,
  AnalyticsSnapshot,
  AnalyticsFigure,
  MemberWindowStats,
  WindowStatsSnapshot,
];
