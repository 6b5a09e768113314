/** Answers of the member portal, shaped for screens: names rather than bare ids, money in cents, times ISO 8601. */
import { ApiProperty } from '@nestjs/swagger';

const TIER_EXAMPLE = {
  code: 'VIP',
  name: 'VIP',
  nameZh: 'VIP会员',
  benefits: { earnMultiplier: 1.5, birthdayBonusPoints: 0, priorityService: false },
  since: '2026-03-02T09:12:00.000Z',
};
const POINTS_EXAMPLE = { balance: 1250, available: 1200, pending: 50 };
const CARD_EXAMPLE = { cardNo: '8766314454867138', status: 'active', replacedBy: null, issuedAt: '2026-01-05T02:00:00.000Z' };

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
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { storeId: '0193b7e2-0000-7000-8000-000000000001', name: 'Jing An flagship' },
  })
  preferredStore: object | null;
  @ApiProperty({ example: '2026-01-05T02:00:00.000Z', nullable: true, type: 'string' })
  registeredAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: TIER_EXAMPLE })
  tier: object;
  @ApiProperty({ type: 'object', additionalProperties: true, example: POINTS_EXAMPLE })
  points: object;
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: [CARD_EXAMPLE] })
  cards: object[];
}

export class ProfileUpdatedResponse {
  @ApiProperty({ type: [String], example: ['email', 'city'], description: 'The fields that changed (kept in the change history).' })
  changed: string[];

  @ApiProperty({ type: ProfileResponse })
  profile: ProfileResponse;
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
    type: 'object',
    additionalProperties: true,
    example: { points: 100, cents: 100 },
    description: 'points are worth cents at the till.',
  })
  redemptionRate: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
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
  expiring: object[];
}

export class HistoryResponse {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
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
          { rule: 'base', label: 'Base points', points: 50 },
          { rule: 'tier', label: 'Tier bonus', points: 25 },
          { rule: 'campaign', label: 'Campaign bonus: Double Tuesday', points: 12 },
        ],
        at: '2026-11-24T02:00:00.000Z',
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
        at: '2026-11-20T08:30:00.000Z',
      },
    ],
    description:
      'Newest first. kind: purchase, refund, redemption, redemption_cancel, bonus, expiry, adjustment, transfer, opening_balance.',
  })
  items: object[];

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

export class TierProgressResponse {
  @ApiProperty({ type: 'object', additionalProperties: true, example: TIER_EXAMPLE })
  tier: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { months: 12, from: '2025-12-01', to: '2026-11-25T08:00:00.000Z' },
    description: 'The rolling qualifying window (whole UTC months).',
  })
  window: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { spendCents: 812000, points: 9230, purchases: 31 },
    description: 'Purchases minus refunds in the window.',
  })
  qualifying: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: GOAL,
    description: 'The next tier to earn and what is missing per criterion (any: one is enough; all: every one); null at the top.',
  })
  next: object | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      reviewAt: '2027-03-02T09:12:00.000Z',
      keep: {
        code: 'VIP',
        qualifyMode: 'any',
        criteria: [{ criterion: 'spend', required: 500000, current: 812000, missing: 0 }],
        met: true,
      },
      grant: null,
    },
    description:
      'When the tier is reviewed and what keeps it (met: kept at the review if nothing changes); a manual grant holds it until its end.',
  })
  review: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    example: [{ ...TIER_EXAMPLE, kind: 'threshold', minSpendCents: 500000, minPoints: null, minPurchases: null, qualifyMode: 'any' }],
  })
  ladder: object[];
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

export class MyClubsResponse {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    example: [CLUB_EXAMPLE],
    description: 'Clubs the member is or was in, and open clubs to join; by code. membership: member, left or none.',
  })
  items: object[];
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
    type: 'array',
    items: { type: 'object' },
    example: [
      CARD_EXAMPLE,
      { cardNo: '6200000000000005', status: 'lost', replacedBy: '8766314454867138', issuedAt: '2025-02-01T02:00:00.000Z' },
    ],
  })
  items: object[];
}

export class ReportLostResponse {
  @ApiProperty({ example: '6200000000000005' })
  cardNo: string;
  @ApiProperty({ example: 'lost' })
  status: string;
  @ApiProperty({ example: '8766314454867138', nullable: true, type: 'string', description: 'The new active card: use it at the till.' })
  replacementCardNo: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: POINTS_EXAMPLE,
    description: 'Unchanged: points belong to the member, not to a card.',
  })
  points: object;
}

export class ConsentsResponse {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    example: [
      { channel: 'sms', granted: true, updatedAt: '2026-11-01T02:00:00.000Z' },
      { channel: 'email', granted: false, updatedAt: null },
    ],
  })
  consents: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    example: [{ channel: 'sms', granted: true, previous: false, changedBy: 'you', at: '2026-11-01T02:00:00.000Z' }],
    description: 'The last 50 changes, newest first.',
  })
  history: object[];
}

export class ConsentsUpdatedResponse extends ConsentsResponse {
  @ApiProperty({ type: [String], example: ['sms'] })
  changed: string[];
}
