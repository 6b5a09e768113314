/** Answers of the member portal, shaped for screens: names rather than bare ids, money in cents, times ISO 8601. */
import { ApiProperty } from '@nestjs/swagger';

const TIER_EXAMPLE = {
  code: 'VIP',
  name: 'VIP',
  nameZh: 'VIP会员',
  benefits: { earnMultiplier: 1.5, birthdayBonusPoints: 0, priorityService: false },
  since: '2026-03-02T09:12:00.000Z',
};
/** A tier of the ladder: the tier without the member's date. */
const { since: _since, ...LADDER_TIER_EXAMPLE } = TIER_EXAMPLE;
const POINTS_EXAMPLE = { balance: 1250, available: 1200, pending: 50 };
const CARD_EXAMPLE = { cardNo: '8766314454867138', status: 'active', replacedBy: null, issuedAt: '2026-01-05T02:00:00.000Z' };

export class PortalBenefitsResponse {
  @ApiProperty({ example: 1.5, description: 'Points earned per point of the base rate.' })
  earnMultiplier: number;
  @ApiProperty({ type: 'integer', example: 0 })
  birthdayBonusPoints: number;
  @ApiProperty({ example: false })
  priorityService: boolean;
}

export class PortalTierResponse {
  @ApiProperty({ example: 'VIP' })
  code: string;
  @ApiProperty({ example: 'VIP' })
  name: string;
  @ApiProperty({ example: 'VIP会员' })
  nameZh: string;
  @ApiProperty({ type: () => PortalBenefitsResponse })
  benefits: PortalBenefitsResponse;
  @ApiProperty({ example: '2026-03-02T09:12:00.000Z', description: 'When the member reached the tier.' })
  since: string;
}

export class PortalPointsSummaryResponse {
  @ApiProperty({ type: 'integer', example: 1250 })
  balance: number;
  @ApiProperty({ type: 'integer', example: 1200 })
  available: number;
  @ApiProperty({ type: 'integer', example: 50 })
  pending: number;
}

export class PortalCardResponse {
  @ApiProperty({ example: '8766314454867138' })
  cardNo: string;
  @ApiProperty({ example: 'active' })
  status: string;
  @ApiProperty({ example: null, nullable: true, type: 'string', description: 'The card that replaced this one.' })
  replacedBy: string | null;
  @ApiProperty({ example: '2026-01-05T02:00:00.000Z' })
  issuedAt: string;
}

export class PortalStoreResponse {
  @ApiProperty({ example: '0193b7e2-0000-7000-8000-000000000001' })
  storeId: string;
  @ApiProperty({ example: 'Jing An flagship', nullable: true, type: 'string' })
  name: string | null;
}

export class CodeSentResponse {
  @ApiProperty({ example: true, description: 'Always true: the answer does not tell whether a member holds the phone.' })
  sent: boolean;

  @ApiProperty({ example: 300, description: 'Seconds the code works.' })
  expiresIn: number;
}

export class MemberTokensResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzYjdlMi0uLi4iLCJ0eXAiOiJtZW1iZXIifQ.sig' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds the access token works.' })
  expiresIn: number;

  @ApiProperty({
    example: '0193b7e2-5c1a-7d40-9a43-6f1c2b7d9e10.kq3W1m3Xo2T0c8u0p9b6y4r1e7w5q2a0s8d6f4g2h1j',
    description: 'Works once: POST auth/refresh.',
  })
  refreshToken: string;

  @ApiProperty({ example: 2592000 })
  refreshExpiresIn: number;

  @ApiProperty({ example: '0193b7e2-5c1a-7d40-9a43-6f1c2b7d9e10' })
  memberId: string;
}

export class RegisteredResponse extends MemberTokensResponse {
  @ApiProperty({ example: '8766314454867138', description: 'The bound counter card, or the new card.' })
  cardNo: string;

  @ApiProperty({ enum: ['bound', 'created'], example: 'bound' })
  outcome: string;
}

export class ProfileResponse {
  @ApiProperty({ example: '0193b7e2-5c1a-7d40-9a43-6f1c2b7d9e10' })
  memberId: string;
  @ApiProperty({ example: '张三', nullable: true, type: 'string' })
  name: string | null;
  @ApiProperty({ example: '+8613800138000', nullable: true, type: 'string' })
  phone: string | null;
  @ApiProperty({ example: 'zhang.san@example.com', nullable: true, type: 'string' })
  email: string | null;
  @ApiProperty({ example: '1990-05-17', nullable: true, type: 'string' })
  birthday: string | null;
  @ApiProperty({ example: 'female', nullable: true, type: 'string' })
  gender: string | null;
  @ApiProperty({ example: 'Shanghai', nullable: true, type: 'string' })
  city: string | null;
  @ApiProperty({ example: null, nullable: true, type: 'string' })
  address: string | null;
  @ApiProperty({
    type: () => PortalStoreResponse,
    nullable: true,
    example: { storeId: '0193b7e2-0000-7000-8000-000000000001', name: 'Jing An flagship' },
  })
  preferredStore: PortalStoreResponse | null;
  @ApiProperty({ example: '2026-01-05T02:00:00.000Z', nullable: true, type: 'string' })
  registeredAt: string | null;
  @ApiProperty({ type: () => PortalTierResponse, example: TIER_EXAMPLE })
  tier: PortalTierResponse;
  @ApiProperty({ type: () => PortalPointsSummaryResponse, example: POINTS_EXAMPLE })
  points: PortalPointsSummaryResponse;
  @ApiProperty({ type: () => [PortalCardResponse], example: [CARD_EXAMPLE] })
  cards: PortalCardResponse[];
}

export class ProfileUpdatedResponse {
  @ApiProperty({ type: [String], example: ['email', 'city'], description: 'The fields that changed (kept in the change history).' })
  changed: string[];

  @ApiProperty({ type: ProfileResponse })
  profile: ProfileResponse;
}

export class RedemptionRateResponse {
  @ApiProperty({ type: 'integer', example: 100 })
  points: number;
  @ApiProperty({ type: 'integer', example: 100 })
  cents: number;
}

export class ExpiringMonthPointsResponse {
  @ApiProperty({ example: '2026-11', description: 'A UTC month.' })
  month: string;
  @ApiProperty({ type: 'integer', example: 120 })
  points: number;
  @ApiProperty({ type: 'integer', example: 120 })
  valueCents: number;
}

export class PointsResponse {
  @ApiProperty({ example: 1250, description: 'Every point the member holds (the sum of the ledger); pending included.' })
  balance: number;
  @ApiProperty({ example: 1200, description: 'Spendable now.' })
  available: number;
  @ApiProperty({ example: 50, description: 'Earned inside the return window: not spendable yet.' })
  pending: number;
  @ApiProperty({ example: 1200, description: 'What the available points are worth, in cents.' })
  availableValueCents: number;
  @ApiProperty({ example: 5400 })
  lifetimeEarned: number;
  @ApiProperty({ example: 4150 })
  lifetimeRedeemed: number;
  @ApiProperty({
    type: () => RedemptionRateResponse,
    example: { points: 100, cents: 100 },
    description: 'points are worth cents at the till.',
  })
  redemptionRate: RedemptionRateResponse;
  @ApiProperty({
    type: () => [ExpiringMonthPointsResponse],
    description: 'This month and the next five (UTC months), each with the points expiring in it and their value in cents.',
    example: [
      { month: '2026-11', points: 120, valueCents: 120 },
      { month: '2026-12', points: 0, valueCents: 0 },
      { month: '2027-01', points: 300, valueCents: 300 },
      { month: '2027-02', points: 0, valueCents: 0 },
      { month: '2027-03', points: 0, valueCents: 0 },
      { month: '2027-04', points: 75, valueCents: 75 },
    ],
  })
  expiring: ExpiringMonthPointsResponse[];
}

export class HistoryBreakdownLineResponse {
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'Double Tuesday',
    description: "The campaign's name on a campaign line; null on others.",
  })
  name: string | null;
  @ApiProperty({ example: 'base', description: 'base, tier or campaign.' })
  rule: string;
  @ApiProperty({ example: 'Base points' })
  label: string;
  @ApiProperty({ type: 'integer', example: 50 })
  points: number;
}

export class HistoryItemResponse {
  @ApiProperty({ type: 'integer', example: 1842 })
  entryId: number;
  @ApiProperty({
    enum: [
      'purchase',
      'refund',
      'redemption',
      'redemption_cancel',
      'bonus',
      'expiry',
      'adjustment',
      'transfer',
      'opening_balance',
      'reward',
      'reward_return',
      'goodwill',
    ],
    example: 'purchase',
  })
  kind: string;
  @ApiProperty({ example: 'Purchase at Jing An flagship, receipt R-0001 (¥50.00): 87 points earned' })
  title: string;
  @ApiProperty({ type: 'integer', example: 87 })
  points: number;
  @ApiProperty({ type: 'integer', example: 1250 })
  balanceAfter: number;
  @ApiProperty({ example: 'Jing An flagship', nullable: true, type: 'string' })
  storeName: string | null;
  @ApiProperty({ example: 'R-0001', nullable: true, type: 'string' })
  receiptNo: string | null;
  @ApiProperty({ type: () => [HistoryBreakdownLineResponse], description: 'Points by rule (purchases only; empty otherwise).' })
  breakdown: HistoryBreakdownLineResponse[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 5000,
    description: "A purchase's total in cents (what was spent); null on other entries.",
  })
  amountCents: number | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: null,
    description: 'The campaign a bonus entry came from; null on other entries.',
  })
  campaignName: string | null;
  @ApiProperty({ example: '2026-11-24T02:00:00.000Z', description: 'When it was posted to the ledger.' })
  at: string;
  @ApiProperty({
    example: '2026-11-12T06:40:00.000Z',
    description: "When it happened: a purchase's time at the till (an offline receipt sent later keeps its day); else as at.",
  })
  occurredAt: string;
}

export class HistoryResponse {
  @ApiProperty({
    type: () => [HistoryItemResponse],
    example: [
      {
        entryId: 1842,
        kind: 'purchase',
        title: 'Purchase at Jing An flagship, receipt R-0001 (¥50.00): 87 points earned',
        points: 87,
        balanceAfter: 1250,
        storeName: 'Jing An flagship',
        receiptNo: 'R-0001',
        breakdown: [
          { rule: 'base', label: 'Base points', name: null, points: 50 },
          { rule: 'tier', label: 'Tier bonus', name: null, points: 25 },
          { rule: 'campaign', label: 'Campaign bonus: Double Tuesday', name: 'Double Tuesday', points: 12 },
        ],
        amountCents: 5000,
        campaignName: null,
        at: '2026-11-24T02:00:00.000Z',
        occurredAt: '2026-11-12T06:40:00.000Z',
      },
      {
        entryId: 1790,
        kind: 'redemption',
        title: 'Redeemed 500 points at Jing An flagship for ¥5.00 off',
        points: -500,
        balanceAfter: 1163,
        storeName: 'Jing An flagship',
        receiptNo: null,
        breakdown: [],
        amountCents: null,
        campaignName: null,
        at: '2026-11-20T08:30:00.000Z',
        occurredAt: '2026-11-20T08:30:00.000Z',
      },
    ],
    description:
      "Newest first. kind: purchase, refund, redemption, redemption_cancel, bonus, expiry, adjustment, transfer, opening_balance, reward (points exchanged for a reward, named), reward_return (a voided coupon's points back), goodwill (points given for a complaint).",
  })
  items: HistoryItemResponse[];

  @ApiProperty({
    example: '1790',
    nullable: true,
    type: 'string',
    description: 'Pass as cursor for the next (older) page; null on the last.',
  })
  nextCursor: string | null;
}

const GOAL = {
  code: 'SVIP',
  name: 'SVIP',
  nameZh: '超级VIP会员',
  benefits: { earnMultiplier: 2, birthdayBonusPoints: 0, priorityService: true },
  qualifyMode: 'any',
  criteria: [{ criterion: 'spend', required: 2000000, current: 812000, missing: 1188000 }],
  met: false,
};

export class QualifyingWindowResponse {
  @ApiProperty({ type: 'integer', example: 12 })
  months: number;
  @ApiProperty({ example: '2025-12-01' })
  from: string;
  @ApiProperty({ example: '2026-11-25T08:00:00.000Z' })
  to: string;
}

export class QualifyingFiguresResponse {
  @ApiProperty({ type: 'integer', example: 812000 })
  spendCents: number;
  @ApiProperty({ type: 'integer', example: 9230 })
  points: number;
  @ApiProperty({ type: 'integer', example: 31 })
  purchases: number;
}

export class CriterionGapResponse {
  @ApiProperty({ enum: ['spend', 'points', 'purchases'], example: 'spend' })
  criterion: 'spend' | 'points' | 'purchases';
  @ApiProperty({ type: 'integer', example: 2000000 })
  required: number;
  @ApiProperty({ type: 'integer', example: 812000 })
  current: number;
  @ApiProperty({ type: 'integer', example: 1188000, description: 'Still missing (0 when met).' })
  missing: number;
}

export class TierGoalResponse {
  @ApiProperty({ example: 'VIP' })
  code: string;
  @ApiProperty({ enum: ['any', 'all'], example: 'any', description: 'any: one criterion is enough; all: every one.' })
  qualifyMode: 'any' | 'all';
  @ApiProperty({ type: () => [CriterionGapResponse] })
  criteria: CriterionGapResponse[];
  @ApiProperty({ example: false })
  met: boolean;
}

export class NextTierGoalResponse extends TierGoalResponse {
  @ApiProperty({ example: 'SVIP' })
  name: string;
  @ApiProperty({ example: '超级VIP会员' })
  nameZh: string;
  @ApiProperty({ type: () => PortalBenefitsResponse })
  benefits: PortalBenefitsResponse;
}

export class TierGrantHeldResponse {
  @ApiProperty({ example: 'SVIP' })
  tierCode: string;
  @ApiProperty({ example: '2027-01-31T15:59:59.999Z' })
  endsAt: string;
}

export class TierReviewResponse {
  @ApiProperty({ example: '2027-03-02T09:12:00.000Z', nullable: true, type: 'string' })
  reviewAt: string | null;
  @ApiProperty({
    type: () => TierGoalResponse,
    nullable: true,
    example: {
      code: 'VIP',
      qualifyMode: 'any',
      criteria: [{ criterion: 'spend', required: 500000, current: 812000, missing: 0 }],
      met: true,
    },
    description: 'What keeps the tier at the review; null for the lowest tier and rank tiers.',
  })
  keep: TierGoalResponse | null;
  @ApiProperty({ type: () => TierGrantHeldResponse, nullable: true, description: 'A manual grant holding the tier until its end.' })
  grant: TierGrantHeldResponse | null;
}

export class LadderRungResponse {
  @ApiProperty({ example: 'VIP' })
  code: string;
  @ApiProperty({ example: 'VIP' })
  name: string;
  @ApiProperty({ example: 'VIP会员' })
  nameZh: string;
  @ApiProperty({ type: () => PortalBenefitsResponse })
  benefits: PortalBenefitsResponse;
  @ApiProperty({ enum: ['threshold', 'rank'], example: 'threshold' })
  kind: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 500000 })
  minSpendCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null })
  minPoints: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null })
  minPurchases: number | null;
  @ApiProperty({ enum: ['any', 'all'], example: 'any' })
  qualifyMode: string;
}

export class RankReviewOutcomeResponse {
  @ApiProperty({ example: '2026-11-01T03:04:00.000Z', description: 'When the last completed rank review ended.' })
  at: string;
  @ApiProperty({ type: 'integer', example: 100, description: 'How many members it picked for the tier.' })
  picked: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 8120,
    description:
      'The value score needed: the lowest among the members it picked (their scores of the last value run); null when it picked none.',
  })
  cutoffScore: number | null;
  @ApiProperty({ example: false, description: 'Whether it picked this member.' })
  memberPicked: boolean;
}

export class RankStandingResponse {
  @ApiProperty({ example: 'SVIP' })
  code: string;
  @ApiProperty({ example: 'SVIP' })
  name: string;
  @ApiProperty({ example: '超级VIP会员' })
  nameZh: string;
  @ApiProperty({ type: () => PortalBenefitsResponse, example: { earnMultiplier: 2, birthdayBonusPoints: 0, priorityService: true } })
  benefits: PortalBenefitsResponse;
  @ApiProperty({ example: false, description: 'The member holds it (else it is the next step).' })
  held: boolean;
  @ApiProperty({ type: 'integer', example: 100, description: 'Its seats: the top N, or the top share of the membership now.' })
  seats: number;
  @ApiProperty({
    type: () => TierGoalResponse,
    example: GOAL,
    description: "The tier's minimum over the window, needed to be ranked at all.",
  })
  minimum: TierGoalResponse;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 7900,
    description: "The member's value score of the last value run; null before one.",
  })
  score: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 143,
    description: "The member's place by value (1 = the most valuable) at the last value run.",
  })
  place: number | null;
  @ApiProperty({
    type: () => RankReviewOutcomeResponse,
    nullable: true,
    description: 'The last completed rank review; null before the first.',
  })
  lastReview: RankReviewOutcomeResponse | null;
}

export class TierProgressResponse {
  @ApiProperty({ type: () => PortalTierResponse, example: TIER_EXAMPLE })
  tier: PortalTierResponse;
  @ApiProperty({
    type: () => QualifyingWindowResponse,
    example: { months: 12, from: '2025-12-01', to: '2026-11-25T08:00:00.000Z' },
    description: 'The rolling qualifying window (whole UTC months).',
  })
  window: QualifyingWindowResponse;
  @ApiProperty({
    type: () => QualifyingFiguresResponse,
    example: { spendCents: 812000, points: 9230, purchases: 31 },
    description: 'Purchases minus refunds in the window.',
  })
  qualifying: QualifyingFiguresResponse;
  @ApiProperty({
    type: () => NextTierGoalResponse,
    nullable: true,
    example: GOAL,
    description: 'The next tier to earn and what is missing per criterion (any: one is enough; all: every one); null at the top.',
  })
  next: NextTierGoalResponse | null;
  @ApiProperty({
    type: () => TierReviewResponse,
    description:
      'When the tier is reviewed and what keeps it (met: kept at the review if nothing changes); a manual grant holds it until its end.',
  })
  review: TierReviewResponse;
  @ApiProperty({
    type: () => RankStandingResponse,
    nullable: true,
    description:
      'A tier won by place (kind rank): the one held, or the one above as the next step when no threshold tier is left below it. Null when neither.',
  })
  rank: RankStandingResponse | null;
  @ApiProperty({
    type: () => [LadderRungResponse],
    example: [
      { ...LADDER_TIER_EXAMPLE, kind: 'threshold', minSpendCents: 500000, minPoints: null, minPurchases: null, qualifyMode: 'any' },
    ],
  })
  ladder: LadderRungResponse[];
}

const CLUB_EXAMPLE = {
  clubId: '0193b7e2-1111-7000-8000-000000000002',
  code: 'BABY',
  name: '母婴俱乐部',
  nameEn: 'Baby club',
  description: 'Offers for parents of little ones.',
  joinPolicy: 'open',
  membership: 'member',
  joinedAt: '2026-06-01T03:00:00.000Z',
  leftAt: null,
  canJoin: false,
  canLeave: true,
};

export class MyClubItemResponse {
  @ApiProperty({ example: CLUB_EXAMPLE.clubId })
  clubId: string;
  @ApiProperty({ example: 'BABY' })
  code: string;
  @ApiProperty({ example: '母婴俱乐部' })
  name: string;
  @ApiProperty({ example: 'Baby club' })
  nameEn: string;
  @ApiProperty({ example: 'Offers for parents of little ones.', nullable: true, type: 'string' })
  description: string | null;
  @ApiProperty({ example: 'open' })
  joinPolicy: string;
  @ApiProperty({ enum: ['member', 'left', 'none'], example: 'member' })
  membership: 'member' | 'left' | 'none';
  @ApiProperty({ example: '2026-06-01T03:00:00.000Z', nullable: true, type: 'string' })
  joinedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: 'string' })
  leftAt: string | null;
  @ApiProperty({ example: false })
  canJoin: boolean;
  @ApiProperty({ example: true })
  canLeave: boolean;
}

export class MyClubsResponse {
  @ApiProperty({
    type: () => [MyClubItemResponse],
    example: [CLUB_EXAMPLE],
    description: 'Clubs the member is or was in, and open clubs to join; by code. membership: member, left or none.',
  })
  items: MyClubItemResponse[];
  @ApiProperty({ example: null, nullable: true, type: 'string' })
  nextCursor: string | null;
}

export class MyClubResponse {
  @ApiProperty({ example: CLUB_EXAMPLE.clubId })
  clubId: string;
  @ApiProperty({ example: 'BABY' })
  code: string;
  @ApiProperty({ example: '母婴俱乐部' })
  name: string;
  @ApiProperty({ example: 'Baby club' })
  nameEn: string;
  @ApiProperty({ example: 'open' })
  joinPolicy: string;
  @ApiProperty({ enum: ['member', 'left', 'none'], example: 'member' })
  membership: string;
  @ApiProperty({ example: true })
  canLeave: boolean;
  @ApiProperty({ example: false })
  canJoin: boolean;
  @ApiProperty({ example: true, description: 'false when the member was already in (join) or already out (leave).' })
  changed: boolean;
}

export class MyCardsResponse {
  @ApiProperty({
    type: () => [PortalCardResponse],
    example: [
      CARD_EXAMPLE,
      { cardNo: '6200000000000005', status: 'lost', replacedBy: '8766314454867138', issuedAt: '2025-02-01T02:00:00.000Z' },
    ],
  })
  items: PortalCardResponse[];
}

export class ReportLostResponse {
  @ApiProperty({ example: '6200000000000005' })
  cardNo: string;
  @ApiProperty({ example: 'lost' })
  status: string;
  @ApiProperty({ example: '8766314454867138', nullable: true, type: 'string', description: 'The new active card: use it at the till.' })
  replacementCardNo: string | null;
  @ApiProperty({
    type: () => PortalPointsSummaryResponse,
    example: POINTS_EXAMPLE,
    description: 'Unchanged: points belong to the member, not to a card.',
  })
  points: PortalPointsSummaryResponse;
}

export class ConsentStateResponse {
  @ApiProperty({ enum: ['sms', 'email', 'push', 'mail'], example: 'sms' })
  channel: string;
  @ApiProperty({ example: true })
  granted: boolean;
  @ApiProperty({ example: '2026-11-01T02:00:00.000Z', nullable: true, type: 'string' })
  updatedAt: string | null;
}

export class ConsentChangeResponse {
  @ApiProperty({ enum: ['sms', 'email', 'push', 'mail'], example: 'sms' })
  channel: string;
  @ApiProperty({ example: true })
  granted: boolean;
  @ApiProperty({ example: false, nullable: true, type: 'boolean', description: 'null: never set before.' })
  previous: boolean | null;
  @ApiProperty({ enum: ['you', 'service desk'], example: 'you' })
  changedBy: string;
  @ApiProperty({ example: '2026-11-01T02:00:00.000Z' })
  at: string;
}

export class AgreementInForceResponse {
  @ApiProperty({ enum: ['terms', 'privacy'], example: 'terms' })
  document: 'terms' | 'privacy';
  @ApiProperty({ example: '2026-06', description: 'Send it as agreements.<document> to POST auth/register.' })
  version: string;
}

export class AgreementsInForceResponse {
  @ApiProperty({
    type: () => [AgreementInForceResponse],
    example: [
      { document: 'terms', version: '2026-06' },
      { document: 'privacy', version: '2026-06' },
    ],
  })
  documents: AgreementInForceResponse[];
}

export class AgreementGivenResponse {
  @ApiProperty({ enum: ['terms', 'privacy'], example: 'privacy' })
  document: string;
  @ApiProperty({ example: '2026-06' })
  version: string;
  @ApiProperty({ example: '2026-06-02T08:00:00.000Z' })
  at: string;
}

export class ConsentsResponse {
  @ApiProperty({
    type: () => [ConsentStateResponse],
    example: [
      { channel: 'sms', granted: true, updatedAt: '2026-11-01T02:00:00.000Z' },
      { channel: 'email', granted: false, updatedAt: null },
    ],
  })
  consents: ConsentStateResponse[];
  @ApiProperty({
    type: () => [ConsentChangeResponse],
    example: [{ channel: 'sms', granted: true, previous: false, changedBy: 'you', at: '2026-11-01T02:00:00.000Z' }],
    description: 'The last 50 changes, newest first.',
  })
  history: ConsentChangeResponse[];
  @ApiProperty({
    type: () => [AgreementGivenResponse],
    example: [{ document: 'privacy', version: '2026-06', at: '2026-06-02T08:00:00.000Z' }],
    description: 'The terms and privacy notice the member agreed to, at which version and when (empty for a member registered at a desk).',
  })
  agreements: AgreementGivenResponse[];
}

export class ConsentsUpdatedResponse extends ConsentsResponse {
  @ApiProperty({ type: [String], example: ['sms'] })
  changed: string[];
}

export class MemberCodeItemResponse {
  @ApiProperty({
    example: '861030839848590031',
    pattern: '^8\\d{17}$',
    description: '18 digits starting 8: show it as a QR code and a barcode.',
  })
  code: string;
  @ApiProperty({ example: '2026-12-07T08:00:00.000Z', description: 'Show this code from this instant (server time)…' })
  showFrom: string;
  @ApiProperty({
    example: '2026-12-07T08:00:30.000Z',
    description: '…until this one; the till still takes it for 30 s more (a code lives 60 s).',
  })
  showUntil: string;
}

export class MemberCodeResponse {
  @ApiProperty({
    example: '2026-12-07T08:00:12.345Z',
    description: "The server's clock when it answered: the page shows the code of (its own clock + the difference it measured).",
  })
  serverTime: string;
  @ApiProperty({ example: 30, description: 'A new code every this many seconds.' })
  stepSeconds: number;
  @ApiProperty({ example: 60, description: 'How long the till accepts a code after it is first shown.' })
  acceptedForSeconds: number;
  @ApiProperty({
    type: () => [MemberCodeItemResponse],
    description: 'The code of the current 30 s and of the next ones, 10 minutes in all, in order.',
    example: [
      { code: '861030839848590031', showFrom: '2026-12-07T08:00:00.000Z', showUntil: '2026-12-07T08:00:30.000Z' },
      { code: '807257607879786092', showFrom: '2026-12-07T08:00:30.000Z', showUntil: '2026-12-07T08:01:00.000Z' },
    ],
  })
  codes: MemberCodeItemResponse[];
  @ApiProperty({
    example: '2026-12-07T08:10:00.000Z',
    description: 'The last code ends here: ask again before (each answer is valid until its secret is rotated).',
  })
  refreshBefore: string;
}
