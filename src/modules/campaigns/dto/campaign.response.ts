/** Response shapes of the campaign routes, for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAMPAIGN_ACTION_KINDS, StoredActions } from '../actions/campaign-actions.registry';
import { AUDIENCE_EXAMPLE, AudienceDefinitionDto } from './campaign.dto';
import { CAMPAIGN_STATES } from '../rules/states';

export const CAMPAIGN_EXAMPLE = {
  campaignId: '01a212aa-8b99-749f-88e9-001ff70d99ce',
  name: 'Birthday gift',
  state: 'draft',
  audience: AUDIENCE_EXAMPLE,
  actions: { grant: { points: 200, reason: 'Birthday gift' }, message: { channel: 'sms', template: 'birthday-greeting' } },
  schedule: { kind: 'cron', at: null, cron: '0 9 * * *', timezone: 'Asia/Shanghai', nextRunAt: null },
  holdoutPermille: 100,
  resultsDays: 14,
  jobId: null,
  lastOccurrence: null,
  createdBy: '01a212aa-8b99-749f-88e9-001ff70d9a10',
  approval: null,
  createdAt: '2026-05-20T02:00:00.000Z',
  updatedAt: '2026-05-20T02:00:00.000Z',
  budget: { capPoints: 100000, spentPoints: 0, bonusPoints: 0 },
};

export const CAMPAIGN_PREVIEW_EXAMPLE = {
  campaignId: CAMPAIGN_EXAMPLE.campaignId,
  size: 1200,
  holdout: 118,
  targeted: 1082,
  estimatedPoints: 216400,
  needsApproval: false,
  approvalReasons: [],
  sample: [{ memberId: '01a212aa-8b99-749f-88e9-001ff70d9a01', name: '张*', phone: '+86139****0000', tier: 'VIP' }],
};

export const CAMPAIGN_RESULTS_EXAMPLE = {
  campaignId: CAMPAIGN_EXAMPLE.campaignId,
  state: 'running',
  occurrence: '2026-05-20',
  audience: 1200,
  holdout: 118,
  delivered: 1082,
  overBudget: 0,
  failed: 0,
  messages: 1075,
  messagesSkipped: { noAddress: 7, noConsent: 0 },
  pointsGranted: 216400,
  bonusRulePoints: 0,
  budget: { capPoints: 100000, spentPoints: 216400 },
  afterDays: 14,
  targeted: {
    members: 1082,
    buyers: 300,
    purchases: 410,
    spendCents: 8200000,
    redemptions: 40,
    purchaseRate: 0.277264,
    spendPerMemberCents: 7579,
  },
  holdoutGroup: {
    members: 118,
    buyers: 25,
    purchases: 30,
    spendCents: 700000,
    redemptions: 3,
    purchaseRate: 0.211864,
    spendPerMemberCents: 5932,
  },
  uplift: {
    purchaseRate: { difference: 0.0654, low: -0.0143, high: 0.1451 },
    spendPerMemberCents: { difference: 1647, low: -210, high: 3504 },
  },
  progress: { jobId: '01a212aa-8b99-749f-88e9-001ff70d99cf', state: 'running', done: 3, total: 5, percent: 60 },
};

const OBJ = { type: 'object', additionalProperties: true } as const;

export class CampaignBudgetResponse {
  @ApiProperty({ type: 'integer', nullable: true, example: 100000, description: 'null: no cap' })
  capPoints: number | null;
  @ApiProperty({ type: 'integer', example: 0, description: 'Grants and bonus-rule points so far' })
  spentPoints: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'The part of spentPoints given by the bonus rule' })
  bonusPoints: number;
}

export class CampaignScheduleResponse {
  @ApiProperty({ enum: ['now', 'at', 'cron'], example: 'cron' })
  kind: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  at: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '0 9 * * *' })
  cron: string | null;
  @ApiProperty({ example: 'Asia/Shanghai' })
  timezone: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2026-05-21T01:00:00.000Z' })
  nextRunAt: string | null;
}

export class CampaignApprovalResponse {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 1200000,
    description:
      'The estimated cost when it was launched above the program limits (what the approver approves); null when no approval was needed',
  })
  askedPoints: number | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Who launched it', example: '01a212aa-8b99-749f-88e9-001ff70d9a10' })
  submittedBy: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '01a212aa-8b99-749f-88e9-001ff70d9a11' })
  approvedBy: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2026-05-20T03:00:00.000Z' })
  approvedAt: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 1200000,
    description:
      'The most points one occurrence grants (the approved cost, or the program limit at launch); members past it are over budget',
  })
  occurrenceGrantLimit: number | null;
}

/** A campaign's actions: at most one of each type, keyed by its type (one property per kind of the registry). */
export class CampaignActionsResponse {}
for (const kind of CAMPAIGN_ACTION_KINDS) {
  ApiPropertyOptional({ type: () => kind.stored })(CampaignActionsResponse.prototype, kind.type);
}

export class CampaignResponse {
  @ApiProperty({ format: 'uuid', example: CAMPAIGN_EXAMPLE.campaignId })
  campaignId: string;
  @ApiProperty({ example: 'Birthday gift' })
  name: string;
  @ApiProperty({
    enum: CAMPAIGN_STATES,
    description:
      'A bonus rule is active after its fan-out while its window is open, ended after (it still pays late uploads of sales made in the window).',
    example: 'draft',
  })
  state: string;
  @ApiProperty({ type: () => AudienceDefinitionDto, example: AUDIENCE_EXAMPLE })
  audience: AudienceDefinitionDto;
  @ApiProperty({ type: () => CampaignActionsResponse, example: CAMPAIGN_EXAMPLE.actions })
  actions: StoredActions;
  @ApiProperty({ type: () => CampaignScheduleResponse })
  schedule: CampaignScheduleResponse;
  @ApiProperty({ type: 'integer', example: 100 })
  holdoutPermille: number;
  @ApiProperty({ type: 'integer', example: 14 })
  resultsDays: number;
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The fan-out run of the latest occurrence: GET /api/v1/admin/jobs/{jobId}',
    example: null,
  })
  jobId: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2026-05-20' })
  lastOccurrence: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The console user who created it', example: CAMPAIGN_EXAMPLE.createdBy })
  createdBy: string | null;
  @ApiProperty({
    type: () => CampaignApprovalResponse,
    nullable: true,
    description: 'Maker-checker: what was asked for and approved, and the most one occurrence may grant; null for a draft',
  })
  approval: CampaignApprovalResponse | null;
  @ApiProperty({ format: 'date-time', example: CAMPAIGN_EXAMPLE.createdAt })
  createdAt: string;
  @ApiProperty({ format: 'date-time', example: CAMPAIGN_EXAMPLE.updatedAt })
  updatedAt: string;
  @ApiPropertyOptional({ type: () => CampaignBudgetResponse })
  budget?: CampaignBudgetResponse;
}

export class CampaignListProgressResponse {
  @ApiProperty({ example: 'running', description: 'The latest run: running, done, failed…' })
  state: string;
  @ApiProperty({ type: 'integer', example: 60 })
  percent: number;
}

export class CampaignListFiguresResponse {
  @ApiProperty({ type: 'integer', example: 1200, description: 'Members the fan-out reached so far (all occurrences, holdout included)' })
  reached: number;
  @ApiProperty({ type: 'integer', example: 1082, description: 'Members who got the actions' })
  delivered: number;
  @ApiProperty({ enum: ['points', 'coupons'], example: 'points', description: 'What the budget and its spending count' })
  budgetUnit: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 100000, description: 'The budget cap (in budgetUnit); null: no cap' })
  capPoints: number | null;
  @ApiProperty({ type: 'integer', example: 216400, description: 'Spent so far (in budgetUnit)' })
  spentPoints: number;
  @ApiProperty({ type: () => CampaignListProgressResponse, nullable: true })
  progress: CampaignListProgressResponse | null;
}

export class CampaignListItemResponse extends CampaignResponse {
  @ApiProperty({ type: () => CampaignListFiguresResponse })
  figures: CampaignListFiguresResponse;
}

export class CampaignListResponse {
  @ApiProperty({ type: () => [CampaignListItemResponse] })
  items: CampaignListItemResponse[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page', example: null })
  nextCursor: string | null;
}

export class CampaignSampleMemberResponse {
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ type: 'string', nullable: true, example: '张*' })
  name: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '+86139****0000' })
  phone: string | null;
  @ApiProperty({ example: 'VIP' })
  tier: string;
}

export class CampaignPreviewResponse {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;
  @ApiProperty({ type: 'integer', example: 1200 })
  size: number;
  @ApiProperty({ type: 'integer', example: 118 })
  holdout: number;
  @ApiProperty({ type: 'integer', example: 1082 })
  targeted: number;
  @ApiProperty({ type: 'integer', example: 216400, description: 'Grants to the targeted members, stopped at the budget cap' })
  estimatedPoints: number;
  @ApiProperty({ example: false, description: 'Launching it now would wait in pending_approval (above the program limits)' })
  needsApproval: boolean;
  @ApiProperty({ type: [String], enum: ['pointsPerMember', 'totalPoints'], example: [], description: 'The program limits it is above' })
  approvalReasons: string[];
  @ApiProperty({ type: () => [CampaignSampleMemberResponse] })
  sample: CampaignSampleMemberResponse[];
}

export class CampaignMessagesSkippedResponse {
  @ApiProperty({
    type: 'integer',
    example: 7,
    description: 'Recorded in the outbox but not sent: the member has no address on the channel',
  })
  noAddress: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Not sent: the consent was withdrawn between the audience and the message' })
  noConsent: number;
}

export class CampaignGroupResponse {
  @ApiProperty({ type: 'integer', example: 1082 })
  members: number;
  @ApiProperty({ type: 'integer', example: 300, description: 'Members who bought after the delivery' })
  buyers: number;
  @ApiProperty({ type: 'integer', example: 410 })
  purchases: number;
  @ApiProperty({ type: 'integer', example: 8200000 })
  spendCents: number;
  @ApiProperty({ type: 'integer', example: 40 })
  redemptions: number;
  @ApiProperty({ type: 'number', nullable: true, example: 0.277264, description: 'null for an empty group' })
  purchaseRate: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 7579, description: 'null for an empty group' })
  spendPerMemberCents: number | null;
}

export class CampaignProgressResponse {
  @ApiProperty({ example: '01a212aa-8b99-749f-88e9-001ff70d99cf' })
  jobId: string;
  @ApiProperty({ example: 'running' })
  state: string;
  @ApiProperty({ type: 'integer', example: 3 })
  done: number;
  @ApiProperty({ type: 'integer', example: 5 })
  total: number;
  @ApiProperty({ type: 'integer', example: 60 })
  percent: number;
}

export class CampaignCouponsResponse {
  @ApiProperty({ type: 'integer', example: 1082, description: 'Coupons issued by the campaign (every occurrence)' })
  issued: number;
  @ApiProperty({ type: 'integer', example: 211, description: 'Of them, used at a till' })
  used: number;
  @ApiProperty({ type: 'number', nullable: true, example: 0.195, description: 'used / issued; null before any is issued' })
  usedRate: number | null;
  @ApiProperty({ type: 'integer', example: 209, description: 'Receipts a campaign coupon was used on' })
  purchases: number;
  @ApiProperty({ type: 'integer', example: 1893400, description: 'Those receipts’ amount net of refunds, in cents' })
  spendCents: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 0.193,
    description: 'Receipts with a campaign coupon per targeted member (compare with the holdout group’s purchases per member)',
  })
  purchasesPerTargetedMember: number | null;
}

export class CampaignResultsResponse {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;
  @ApiProperty({ example: 'running' })
  state: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2026-05-20' })
  occurrence: string | null;
  @ApiProperty({ type: 'integer', example: 1200, description: 'Members reached by the fan-out so far (all occurrences)' })
  audience: number;
  @ApiProperty({ type: 'integer', example: 118 })
  holdout: number;
  @ApiProperty({ type: 'integer', example: 1082 })
  delivered: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Left without a grant: the budget cap was reached' })
  overBudget: number;
  @ApiProperty({ type: 'integer', example: 0 })
  failed: number;
  @ApiProperty({ type: 'integer', example: 1075, description: 'Messages handed to the outbox to send (skipped ones are counted apart)' })
  messages: number;
  @ApiProperty({ type: () => CampaignMessagesSkippedResponse })
  messagesSkipped: CampaignMessagesSkippedResponse;
  @ApiProperty({ type: 'integer', example: 216400 })
  pointsGranted: number;
  @ApiProperty({ type: 'integer', example: 0 })
  bonusRulePoints: number;
  @ApiProperty({ ...OBJ, example: CAMPAIGN_RESULTS_EXAMPLE.budget })
  budget: unknown;
  @ApiProperty({
    type: () => CampaignCouponsResponse,
    nullable: true,
    description: 'A coupon campaign: its coupons issued and used at the till, and the receipts they were used on; null otherwise',
  })
  coupons: CampaignCouponsResponse | null;
  @ApiProperty({ type: 'integer', example: 14 })
  afterDays: number;
  @ApiProperty({ type: () => CampaignGroupResponse, example: CAMPAIGN_RESULTS_EXAMPLE.targeted })
  targeted: CampaignGroupResponse;
  @ApiProperty({ type: () => CampaignGroupResponse, example: CAMPAIGN_RESULTS_EXAMPLE.holdoutGroup })
  holdoutGroup: CampaignGroupResponse;
  @ApiProperty({
    ...OBJ,
    description: 'Targeted minus holdout with a 95% interval (normal approximation); null for an empty group',
    example: CAMPAIGN_RESULTS_EXAMPLE.uplift,
  })
  uplift: unknown;
  @ApiProperty({ type: () => CampaignProgressResponse, nullable: true, example: CAMPAIGN_RESULTS_EXAMPLE.progress })
  progress: CampaignProgressResponse | null;
}
