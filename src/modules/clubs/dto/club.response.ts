/** Response shapes of the club routes, for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';
import { CONDITION_TYPES } from '../conditions/club-conditions.registry';
import { ClubRuleModel, RULE_EXAMPLE } from '../rules/club-rule.model';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

export class RuleTextResponse {
  @ApiProperty({ example: 'Members who bought in baby or toddler at least 3 times in the last 90 days and live in Shanghai.' })
  en: string;
  @ApiProperty({ example: '同时满足以下条件的会员：近90天内在「baby、toddler」品类购买至少3次；所在城市为Shanghai。' })
  zhCN: string;
}

export class ClubResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  clubId: string;
  @ApiProperty({ example: 'BABY' })
  code: string;
  @ApiProperty({ example: '宝宝俱乐部' })
  nameZh: string;
  @ApiProperty({ example: 'Baby Club' })
  nameEn: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Offers for parents of children up to 3.' })
  description: string | null;
  @ApiProperty({ enum: ['open', 'invite', 'automatic'], example: 'automatic' })
  joinPolicy: string;
  @ApiProperty({ enum: ['active', 'archived'], example: 'active' })
  status: string;
  @ApiProperty({ type: ClubRuleModel, nullable: true, description: 'The rule, normalised.', example: RULE_EXAMPLE })
  rule: unknown;
  @ApiProperty({ type: RuleTextResponse, nullable: true, description: 'The rule in plain words; null without a rule.' })
  ruleText: RuleTextResponse | null;
  @ApiProperty({ example: false })
  dropUnmatched: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1280, description: 'Active members now.' })
  memberCount: number;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.490Z' })
  createdAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true, example: null })
  updatedAt: string | null;
}

export class ClubListResponse {
  @ApiProperty({ type: [ClubResponse] })
  clubs: ClubResponse[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page; null on the last page.', example: null })
  nextCursor: string | null;
}

export class ConditionGapResponse {
  @ApiProperty({ type: 'string', enum: CONDITION_TYPES, example: 'categoryPurchases' })
  type: string;
  @ApiProperty({ type: RuleTextResponse, description: 'The condition in words.' })
  text: RuleTextResponse;
  @ApiProperty({ example: false })
  met: boolean;
  @ApiProperty({
    type: 'string',
    enum: ['purchases', 'cents', null],
    nullable: true,
    example: 'purchases',
    description: 'What required/current/missing count; null for a profile condition (birthday, city, age, gender): only met says it.',
  })
  unit: string | null;
  @ApiProperty({ type: 'integer', format: 'int64', nullable: true, example: 3 })
  required: number | null;
  @ApiProperty({ type: 'integer', format: 'int64', nullable: true, example: 1 })
  current: number | null;
  @ApiProperty({ type: 'integer', format: 'int64', nullable: true, example: 2, description: 'Still missing (0 when met).' })
  missing: number | null;
}

export class MemberRuleGapsResponse {
  @ApiProperty({ ...UUID, example: '01a212ab-0000-7000-8000-000000000001' })
  memberId: string;
  @ApiProperty({ description: 'Whether the member matches the rule now.', example: false })
  matches: boolean;
  @ApiProperty({ type: [ConditionGapResponse], description: 'In the order of the rule’s conditions.' })
  conditions: ConditionGapResponse[];
}

export class RuleSampleMemberResponse {
  @ApiProperty({ ...UUID, example: '01a212ab-0000-7000-8000-000000000001' })
  memberId: string;
  @ApiProperty({ type: 'string', nullable: true, example: '张*', description: 'Masked: only the first character shows' })
  name: string | null;
  @ApiProperty({ example: 'STANDARD' })
  tierCode: string;
}

export class RuleExplainResponse {
  @ApiProperty({ type: ClubRuleModel, example: RULE_EXAMPLE })
  rule: unknown;
  @ApiProperty({ type: RuleTextResponse })
  ruleText: RuleTextResponse;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'When estimate was asked for: the members the club would hold by this rule now (a new club: who matches; with clubId: after a regroup of that club).',
    example: 1840,
  })
  estimatedMembers: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'When estimate was asked for: every member the rule is matched over (the M of "N of M members"); null otherwise.',
    example: 52000,
  })
  totalMembers: number | null;
  @ApiProperty({
    type: [RuleSampleMemberResponse],
    description: 'When estimate was asked for: up to 5 members who match the rule now (by id), names masked; empty otherwise.',
  })
  sample: RuleSampleMemberResponse[];
  @ApiProperty({
    type: MemberRuleGapsResponse,
    required: false,
    description: 'Only when memberId was given: what that member still lacks, condition by condition.',
  })
  memberGaps?: MemberRuleGapsResponse;
}

export class MembershipResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  clubId: string;
  @ApiProperty({ ...UUID, example: '01a212ab-0000-7000-8000-000000000001' })
  memberId: string;
  @ApiProperty({ enum: ['active', 'left'], example: 'active' })
  status: string;
  @ApiProperty({ enum: ['rule', 'member', 'admin', 'invite'], example: 'invite' })
  joinedVia: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.490Z' })
  joinedAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true, example: null })
  leftAt: string | null;
  // null is one of the values (OpenAPI 3.0.3: a nullable enum lists null), so the example of a member still in the club is valid.
  @ApiProperty({ type: 'string', enum: ['member', 'admin', 'rule', null], nullable: true, example: null })
  leftReason: string | null;
}

export class MembershipChangeResponse {
  @ApiProperty({ type: MembershipResponse })
  membership: MembershipResponse;
  @ApiProperty({ description: 'false when the member was already in (a repeated request changes nothing).', example: true })
  changed: boolean;
}

export class ClubMemberSummaryResponse {
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '张*',
    description: 'Masked, whoever asks (the archive shows more to those allowed).',
  })
  name: string | null;
  @ApiProperty({ example: 'VIP', description: 'The tier code (the ladder names it).' })
  tierCode: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '************0018',
    description: 'The card to show, masked but for its last 4 digits.',
  })
  cardNo: string | null;
}

export class ClubMemberRowResponse extends MembershipResponse {
  @ApiProperty({ type: ClubMemberSummaryResponse })
  member: ClubMemberSummaryResponse;
}

export class ClubMembersPageResponse {
  @ApiProperty({ type: [ClubMemberRowResponse] })
  members: ClubMemberRowResponse[];
  @ApiProperty({ type: 'string', nullable: true, example: 'eyJrIjoiMDFhMjEyYWItMDAwMC03MDAwIn0' })
  nextCursor: string | null;
}

export class ClubGrowthPeriodResponse {
  @ApiProperty({ description: 'YYYY-MM-DD by day, YYYY-MM by month (UTC).', example: '2026-11-25' })
  period: string;
  @ApiProperty({ type: 'integer', example: 120 })
  joined: number;
  @ApiProperty({ type: 'integer', example: 4 })
  left: number;
  @ApiProperty({ type: 'integer', example: 116 })
  net: number;
}

export class ClubAnalyticsRowResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  clubId: string;
  @ApiProperty({ example: 'BABY' })
  code: string;
  @ApiProperty({ enum: ['active', 'archived'], example: 'active' })
  status: string;
  @ApiProperty({ enum: ['open', 'invite', 'automatic'], example: 'automatic' })
  joinPolicy: string;
  @ApiProperty({ type: 'integer', description: 'Members in the club now.', example: 18400 })
  activeMembers: number;
  @ApiProperty({ type: 'integer', description: 'Members who were in and left.', example: 210 })
  leftMembers: number;
  @ApiProperty({ type: 'integer', description: 'Joins in the period.', example: 1200 })
  joined: number;
  @ApiProperty({ type: 'integer', description: 'Leaves in the period.', example: 40 })
  left: number;
  @ApiProperty({ type: [ClubGrowthPeriodResponse] })
  periods: ClubGrowthPeriodResponse[];
}

export class ClubAnalyticsResponse {
  @ApiProperty({ ...DATE_TIME, example: '2026-10-26T00:00:00.000Z' })
  from: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T00:00:00.000Z' })
  to: string;
  @ApiProperty({ enum: ['day', 'month'], example: 'day' })
  granularity: string;
  @ApiProperty({ type: [ClubAnalyticsRowResponse] })
  clubs: ClubAnalyticsRowResponse[];
}

export class ClubHistoryEntryResponse {
  @ApiProperty({ enum: ['joined', 'left'], example: 'joined' })
  event: string;
  @ApiProperty({ enum: ['rule', 'member', 'admin', 'invite'], example: 'rule' })
  reason: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The console user who made the change, when one did.', example: null })
  actorId: string | null;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T02:00:00.000Z' })
  at: string;
}

export class ClubHistoryResponse {
  @ApiProperty({ type: [ClubHistoryEntryResponse], description: 'Oldest first.' })
  history: ClubHistoryEntryResponse[];
}
