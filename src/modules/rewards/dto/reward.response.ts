import { ApiProperty } from '@nestjs/swagger';
import { REWARD_KINDS } from '../entities/reward.entity';
import { COUPON_STATUSES } from '../entities/coupon.entity';

const UUID = { type: 'string', format: 'uuid' } as const;
const CENTS = { type: 'integer', format: 'int64', minimum: 0 } as const;
const BLOCKERS = ['not_on_sale', 'points', 'stock', 'limit', 'tier', 'club'];
const REASONS = ['expired', 'not_yet_valid', 'void', 'other_member', 'store', 'min_spend'];

export const REWARD_EXAMPLE = {
  rewardId: '01a212aa-9000-7000-8000-000000000001',
  nameZh: '满50减10',
  nameEn: '¥10 off ¥50',
  descriptionZh: '单笔满50元可用',
  descriptionEn: 'On a receipt of ¥50 or more',
  imageUrl: null,
  kind: 'amount_off',
  valueCents: 1000,
  percentOff: null,
  giftSku: null,
  minSpendCents: 5000,
  validFrom: null,
  validUntil: null,
  validDays: 30,
  timezone: 'Asia/Shanghai',
  storeIds: null,
  pointsPrice: 500,
  stockTotal: 1000,
  stockLeft: 998,
  perMemberLimit: 2,
  eligibleTiers: null,
  eligibleClubs: null,
  saleStartsAt: null,
  saleEndsAt: null,
  status: 'active',
  createdAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

/** A reward as a shopper reads it: its names, picture and what it is worth (shared by the admin and member answers). */
export class RewardFaceResponse {
  @ApiProperty({ ...UUID, example: REWARD_EXAMPLE.rewardId })
  rewardId: string;
  @ApiProperty({ example: REWARD_EXAMPLE.nameZh })
  nameZh: string;
  @ApiProperty({ example: REWARD_EXAMPLE.nameEn })
  nameEn: string;
  @ApiProperty({ type: 'string', nullable: true, example: REWARD_EXAMPLE.descriptionZh })
  descriptionZh: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: REWARD_EXAMPLE.descriptionEn })
  descriptionEn: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: null })
  imageUrl: string | null;
  @ApiProperty({ enum: REWARD_KINDS, example: 'amount_off' })
  kind: string;
  @ApiProperty({ ...CENTS, nullable: true, example: 1000 })
  valueCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null })
  percentOff: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: null })
  giftSku: string | null;
  @ApiProperty({ ...CENTS, example: 5000 })
  minSpendCents: number;
}

export class RewardResponse extends RewardFaceResponse {
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  validFrom: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  validUntil: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 30 })
  validDays: number | null;
  @ApiProperty({ example: 'Asia/Shanghai' })
  timezone: string;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, nullable: true, example: null })
  storeIds: string[] | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 500 })
  pointsPrice: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 1000 })
  stockTotal: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 998 })
  stockLeft: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2 })
  perMemberLimit: number | null;
  @ApiProperty({ type: 'array', items: { type: 'string' }, nullable: true, example: null })
  eligibleTiers: string[] | null;
  @ApiProperty({ type: 'array', items: { type: 'string' }, nullable: true, example: null })
  eligibleClubs: string[] | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  saleStartsAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  saleEndsAt: string | null;
  @ApiProperty({ enum: ['active', 'archived'], example: 'active' })
  status: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: REWARD_EXAMPLE.createdAt })
  createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: REWARD_EXAMPLE.updatedAt })
  updatedAt: string;
}

export class RewardListResponse {
  @ApiProperty({ type: () => [RewardResponse] })
  items: RewardResponse[];
  @ApiProperty({ type: 'string', nullable: true, example: null })
  nextCursor: string | null;
}

export const COUPON_EXAMPLE = {
  code: 'K7MX3QH9TD2WR8PA',
  status: 'active',
  kind: 'amount_off',
  valueCents: 1000,
  percentOff: null,
  giftSku: null,
  minSpendCents: 5000,
  validFrom: '2026-12-07T02:00:00.000Z',
  validUntil: '2027-01-06T15:59:59.999Z',
  memberId: '01a212aa-8bb9-742a-810d-39e0f747ae17',
  name: '满50减10',
  usable: true,
  reason: null,
};

/** GET /api/v1/pos/coupons/{code} (POS-API.md 1.2), fields exactly as the contract names them. */
export class PosCouponResponse {
  @ApiProperty({ example: COUPON_EXAMPLE.code })
  code: string;
  @ApiProperty({ enum: COUPON_STATUSES, example: 'active' })
  status: string;
  @ApiProperty({ enum: REWARD_KINDS, example: 'amount_off' })
  kind: string;
  @ApiProperty({ ...CENTS, nullable: true, description: 'amount_off: cents off.', example: 1000 })
  valueCents: number | null;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 99,
    nullable: true,
    description: 'percent_off: 1–99 on eligible lines.',
    example: null,
  })
  percentOff: number | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'gift: the SKU given free.', example: null })
  giftSku: string | null;
  @ApiProperty({ ...CENTS, example: 5000 })
  minSpendCents: number;
  @ApiProperty({ type: 'string', format: 'date-time', example: COUPON_EXAMPLE.validFrom })
  validFrom: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: COUPON_EXAMPLE.validUntil })
  validUntil: string;
  @ApiProperty({ ...UUID, example: COUPON_EXAMPLE.memberId })
  memberId: string;
  @ApiProperty({ description: 'The reward name (zh-CN).', example: COUPON_EXAMPLE.name })
  name: string;
  @ApiProperty({
    description: 'Whether it can be used in this store now (member and minimum spend are checked with the purchase).',
    example: true,
  })
  usable: boolean;
  @ApiProperty({
    type: 'string',
    enum: [...REASONS, 'redeemed', null],
    nullable: true,
    description: 'Why not usable: a COUPON_NOT_VALID reason, or redeemed.',
    example: null,
  })
  reason: string | null;
}

const COUPON_VIEW_EXAMPLE = {
  couponId: '01a212aa-9100-7000-8000-000000000001',
  code: COUPON_EXAMPLE.code,
  rewardId: REWARD_EXAMPLE.rewardId,
  nameZh: '满50减10',
  nameEn: '¥10 off ¥50',
  kind: 'amount_off',
  valueCents: 1000,
  percentOff: null,
  giftSku: null,
  minSpendCents: 5000,
  storeIds: null,
  validFrom: COUPON_EXAMPLE.validFrom,
  validUntil: COUPON_EXAMPLE.validUntil,
  status: 'active',
  issuedAt: COUPON_EXAMPLE.validFrom,
  redeemedAt: null,
};

const CATALOG_ITEM_EXAMPLE = {
  rewardId: REWARD_EXAMPLE.rewardId,
  nameZh: '满50减10',
  nameEn: '¥10 off ¥50',
  descriptionZh: '单笔满50元可用',
  descriptionEn: 'On a receipt of ¥50 or more',
  imageUrl: null,
  kind: 'amount_off',
  valueCents: 1000,
  percentOff: null,
  giftSku: null,
  minSpendCents: 5000,
  pointsPrice: 500,
  stockLeft: 998,
  perMemberLimit: 2,
  exchanged: 0,
  validDays: 30,
  validUntil: null,
  saleEndsAt: null,
  exchangeable: true,
  blockers: [],
  blockersEn: [],
  blockersZh: [],
};

/** A coupon as the member and the console see it. */
export class CouponResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-9100-7000-8000-000000000001' })
  couponId: string;
  @ApiProperty({ example: COUPON_EXAMPLE.code })
  code: string;
  @ApiProperty({ ...UUID, example: REWARD_EXAMPLE.rewardId })
  rewardId: string;
  @ApiProperty({ example: '满50减10' })
  nameZh: string;
  @ApiProperty({ example: '¥10 off ¥50' })
  nameEn: string;
  @ApiProperty({ enum: REWARD_KINDS, example: 'amount_off' })
  kind: string;
  @ApiProperty({ ...CENTS, nullable: true, example: 1000 })
  valueCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null })
  percentOff: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: null })
  giftSku: string | null;
  @ApiProperty({ ...CENTS, example: 5000 })
  minSpendCents: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    nullable: true,
    example: null,
    description: 'null: every store.',
  })
  storeIds: string[] | null;
  @ApiProperty({ type: 'string', format: 'date-time', example: COUPON_EXAMPLE.validFrom })
  validFrom: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: COUPON_EXAMPLE.validUntil })
  validUntil: string;
  @ApiProperty({
    enum: COUPON_STATUSES,
    example: 'active',
    description: 'expired also when still active but past its validity (the daily job has not run yet).',
  })
  status: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: COUPON_EXAMPLE.validFrom })
  issuedAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  redeemedAt: string | null;
}

export class AdminCouponResponse extends CouponResponse {
  @ApiProperty({ ...UUID, example: COUPON_EXAMPLE.memberId })
  memberId: string;
  @ApiProperty({ enum: ['exchange', 'campaign', 'admin'], example: 'exchange' })
  source: string;
  @ApiProperty({ type: 'integer', example: 500, description: 'Points paid for it (given back on void).' })
  pointsPaid: number;
  @ApiProperty({ ...UUID, nullable: true, example: null, description: 'The purchase that used it.' })
  redeemedPurchaseId: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: null })
  voidReason: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  voidedAt: string | null;
}

export class VoidCouponResponse {
  @ApiProperty({ type: () => AdminCouponResponse })
  coupon: AdminCouponResponse;
  @ApiProperty({ type: 'integer', example: 500, description: 'Points given back to the member (0 for a coupon not bought with points).' })
  pointsReturned: number;
}

export class MyCouponsResponse {
  @ApiProperty({ type: () => [CouponResponse], description: 'Active coupons, soonest to expire first.', example: [COUPON_VIEW_EXAMPLE] })
  active: CouponResponse[];
  @ApiProperty({ type: () => [CouponResponse], description: 'Used coupons, last used first.', example: [] })
  used: CouponResponse[];
  @ApiProperty({ type: () => [CouponResponse], description: 'Expired and voided coupons, newest first.', example: [] })
  expired: CouponResponse[];
}

export class CatalogItemResponse extends RewardFaceResponse {
  @ApiProperty({ type: 'integer', example: 500 })
  pointsPrice: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 998, description: 'null: unlimited.' })
  stockLeft: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2 })
  perMemberLimit: number | null;
  @ApiProperty({ type: 'integer', example: 0, description: 'How many of it this member has exchanged.' })
  exchanged: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 30 })
  validDays: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  validUntil: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  saleEndsAt: string | null;
  @ApiProperty({ example: true, description: 'Whether this member may exchange it now.' })
  exchangeable: boolean;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: BLOCKERS }, example: [], description: 'Why not, when not.' })
  blockers: string[];
  @ApiProperty({ type: 'array', items: { type: 'string' }, example: [], description: 'The blockers in English words.' })
  blockersEn: string[];
  @ApiProperty({ type: 'array', items: { type: 'string' }, example: [], description: 'The blockers in zh-CN words.' })
  blockersZh: string[];
}

export class CatalogResponse {
  @ApiProperty({ type: 'integer', example: 1200, description: "The member's available points now." })
  availablePoints: number;
  @ApiProperty({ type: () => [CatalogItemResponse], example: [CATALOG_ITEM_EXAMPLE] })
  items: CatalogItemResponse[];
}

export class ExchangeResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-9200-7000-8000-000000000001' })
  exchangeId: string;
  @ApiProperty({ type: 'integer', example: 500 })
  pointsSpent: number;
  @ApiProperty({ type: 'integer', example: 1200 })
  pointsBefore: number;
  @ApiProperty({ type: 'integer', example: 700, description: 'Available points after the exchange.' })
  pointsAfter: number;
  @ApiProperty({ type: () => CouponResponse })
  coupon: CouponResponse;
}

export class CouponConflictResponse {
  @ApiProperty({ type: 'string', example: '17' })
  id: string;
  @ApiProperty({ example: COUPON_EXAMPLE.code })
  code: string;
  @ApiProperty({ ...UUID, nullable: true, example: null })
  couponId: string | null;
  @ApiProperty({ ...UUID, example: COUPON_EXAMPLE.memberId })
  memberId: string;
  @ApiProperty({ ...UUID, example: '01a212aa-9300-7000-8000-000000000001' })
  storeId: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Shanghai Jing’an' })
  storeName: string | null;
  @ApiProperty({ example: 'R-0042' })
  receiptNo: string;
  @ApiProperty({ ...UUID, example: '01a212aa-8bd5-74d9-a3a6-8c125c9593f5' })
  purchaseId: string;
  @ApiProperty({ enum: [...REASONS, 'not_found', 'already_redeemed'], example: 'expired' })
  reason: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-11-24T02:00:00.000Z' })
  occurredAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-11-25T02:00:00.000Z' })
  postedAt: string;
}

export class CouponConflictsResponse {
  @ApiProperty({ type: () => [CouponConflictResponse] })
  items: CouponConflictResponse[];
  @ApiProperty({ type: 'string', nullable: true, example: null })
  nextCursor: string | null;
}

export class CouponExpiringMonthResponse {
  @ApiProperty({ description: 'Calendar month (UTC) of the coupons’ validity end.', example: '2027-01' })
  month: string;
  @ApiProperty({ type: 'integer', example: 120 })
  count: number;
  @ApiProperty({ ...CENTS, description: 'Face value of the amount_off coupons among them, cents.', example: 120_000 })
  faceValueCents: number;
}

/** Coupons held and still valid, for the liability report (read live, not from the snapshot). */
export class OutstandingCouponsResponse {
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2026-12-07T02:00:00.000Z',
    description: 'When these figures were read (live).',
  })
  asOf: string;
  @ApiProperty({ type: 'integer', description: 'Active coupons not past their validity.', example: 340 })
  count: number;
  @ApiProperty({ ...CENTS, description: 'Their face value: the sum of the amount_off coupons’ valueCents.', example: 340_000 })
  faceValueCents: number;
  @ApiProperty({ type: 'integer', description: 'Of count, coupons without a fixed face value (percent_off, gift).', example: 12 })
  withoutFaceValue: number;
  @ApiProperty({ type: () => [CouponExpiringMonthResponse], description: 'By month of validity end, months with coupons only.' })
  expiring: CouponExpiringMonthResponse[];
}
