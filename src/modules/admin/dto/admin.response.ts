/** Response shapes of the admin routes, for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';
import { ENTRY_TYPES } from '../../points/entities/point-entry.entity';
import { PointsSummaryResponse } from '../../points/dto/points.response';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE_STRING = { type: 'string', nullable: true } as const;

export class StoreResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  storeId: string;
  @ApiProperty({ example: 'S001' })
  code: string;
  @ApiProperty({ example: 'Store Xuhui' })
  name: string;
  @ApiProperty({ enum: ['active', 'closed'], example: 'active' })
  status: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.490Z' })
  createdAt: string;
}

export class StoreListResponse {
  @ApiProperty({ type: () => [StoreResponse] })
  stores: StoreResponse[];
}

export class ApiKeyCreatedResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8ba9-77f4-b8a4-746994a0f04e' })
  keyId: string;
  @ApiProperty({
    description: 'The store API key: an opaque bearer key, shown in this answer only. Store it in the till configuration.',
    example: 'pos_8lMMBWImq3vC0pX1b0n2u0QZ3Zq9bW2x',
  })
  key: string;
  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  storeId: string;
}

export class ApiKeySummaryResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8ba9-77f4-b8a4-746994a0f04e' })
  keyId: string;
  @ApiProperty({ description: 'The first 12 characters of the key, to tell keys apart.', example: 'pos_8lMMBWIm' })
  keyPrefix: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.490Z' })
  createdAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true, description: 'null while the key works.', example: null })
  revokedAt: string | null;
}

export class ApiKeyListResponse {
  @ApiProperty({ type: () => [ApiKeySummaryResponse] })
  keys: ApiKeySummaryResponse[];
}

export class MemberCreatedResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  memberId: string;
  @ApiProperty({ pattern: '^\\d{16}$', description: 'The card issued with the member.', example: '8766314454867138' })
  cardNo: string;
  @ApiProperty({ ...NULLABLE_STRING, example: '张三' })
  name: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: '+8613800138000' })
  phone: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  email: string | null;
  @ApiProperty({ ...NULLABLE_STRING, format: 'date', example: null })
  birthday: string | null;
  @ApiProperty({ description: 'Tier code.', example: 'STANDARD' })
  tier: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.505Z' })
  createdAt: string;
}

export class MemberTierResponse {
  @ApiProperty({ example: 'STANDARD' })
  code: string;
  @ApiProperty({ example: 'Standard' })
  name: string;
  @ApiProperty({ example: '普通会员' })
  nameZh: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.505Z' })
  since: string;
  @ApiProperty({
    ...DATE_TIME,
    nullable: true,
    description: 'When the review decides on the tier; null in the lowest tier.',
    example: null,
  })
  reviewAt: string | null;
  @ApiProperty({
    type: () => MemberTierGrantResponse,
    nullable: true,
    description: 'An open manual grant: the tier is held at least until endsAt.',
  })
  grant: MemberTierGrantResponse | null;
}

export class MemberTierGrantResponse {
  @ApiProperty({ example: 'VIP' })
  tierCode: string;
  @ApiProperty({ ...DATE_TIME, example: '2027-06-30T23:59:59.000Z' })
  endsAt: string;
  @ApiProperty({ example: 'Service recovery (ticket 4711)' })
  reason: string;
}

export class MemberCardResponse {
  @ApiProperty({ pattern: '^\\d{16}$', example: '8766314454867138' })
  cardNo: string;
  @ApiProperty({ enum: ['active', 'frozen', 'lost', 'closed'], example: 'active' })
  status: string;
  @ApiProperty({ enum: ['standard', 'temporary'], example: 'standard' })
  kind: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.505Z' })
  issuedAt: string;
}

export class MemberDetailResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  memberId: string;
  @ApiProperty({ enum: ['active', 'temporary', 'merged', 'erasing', 'erased'], example: 'active' })
  status: string;
  @ApiProperty({ ...UUID, nullable: true, description: 'When status is merged: the member it was merged into.', example: null })
  mergedInto: string | null;
  @ApiProperty({ description: 'False when the caller lacks members.pii: name, phone and email are masked.', example: true })
  unmasked: boolean;
  @ApiProperty({ type: [String], example: ['b2b'] })
  tags: string[];
  @ApiProperty({ ...NULLABLE_STRING, example: '张三' })
  name: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: '+8613800138000' })
  phone: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  email: string | null;
  @ApiProperty({ ...NULLABLE_STRING, format: 'date', example: null })
  birthday: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  gender: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  city: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  address: string | null;
  @ApiProperty({ type: () => MemberTierResponse })
  tier: MemberTierResponse;
  @ApiProperty({ type: () => PointsSummaryResponse })
  points: PointsSummaryResponse;
  @ApiProperty({ type: () => [MemberCardResponse] })
  cards: MemberCardResponse[];
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.505Z' })
  createdAt: string;
}

export class LedgerEntryResponse {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1, example: 5 })
  id: number;
  @ApiProperty({ enum: ENTRY_TYPES, example: 'accrual' })
  type: string;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'Signed: positive adds points, negative takes them.', example: 25 })
  points: number;
  @ApiProperty({ type: 'integer', format: 'int64', example: 1237 })
  balanceAfter: number;
  @ApiProperty({ ...UUID, nullable: true, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  storeId: string | null;
  @ApiProperty({ description: 'What the entry belongs to: purchase, refund, redemption, lot.', example: 'purchase' })
  refType: string;
  @ApiProperty({ example: '01a212aa-8bd5-74d9-a3a6-8c125c9593f5' })
  refId: string;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  note: string | null;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.637Z' })
  createdAt: string;
}

export class LedgerPageResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  memberId: string;
  @ApiProperty({ type: () => PointsSummaryResponse })
  points: PointsSummaryResponse;
  @ApiProperty({ type: () => [LedgerEntryResponse], description: 'Newest first.' })
  entries: LedgerEntryResponse[];
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    nullable: true,
    description: 'Pass as ?before= for the next (older) page; null on the last page.',
    example: null,
  })
  nextBefore: number | null;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'Same as points.balance.', example: 1237 })
  balance: number;
}
