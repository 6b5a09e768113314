/** Response shapes of the privacy routes (erasure requests, data exports). */
import { ApiProperty } from '@nestjs/swagger';

const UUID = { type: 'string', format: 'uuid' } as const;

export class ErasureRequestResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99cf' })
  memberId: string;

  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae20', description: 'Progress at GET /api/v1/admin/jobs/{jobId}.' })
  jobId: string;

  @ApiProperty({ enum: ['requested', 'done'], example: 'requested' })
  state: string;

  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-05-01T08:00:00.000Z' })
  requestedAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  completedAt: string | null;
}

/** The export's top level; each section is a list of the member's rows (the JSON names of our tables' columns). */
export class MemberExportResponse {
  @ApiProperty({ example: 'loyalty.member-export.v1' })
  format: string;

  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-05-01T08:00:00.000Z' })
  exportedAt: string;

  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99cf' })
  memberId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { id: '01a212aa-8b99-749f-88e9-001ff70d99cf', status: 'active', name: '张三', phone: '+8613800138000', tierCode: 'VIP' },
  })
  profile: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'current: one row per channel; history: each change (who, when, old and new value).',
    example: { current: [{ channel: 'sms', granted: true, source: 'admin' }], history: [] },
  })
  consents: Record<string, unknown>;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'Also in the document, each a list of rows: profileChanges, cards, ledger, lots, purchases (with lines), refunds, redemptions, ' +
      'monthlyStats, clubs, clubHistory, tierHistory, tierGrants, birthdayBonuses, campaignDeliveries, messages, notes, tags, adjustments, ' +
      'audit; account and value (one row or null); refersTo (names of the stores, clubs and campaigns named).',
    example: [{ id: 12, type: 'accrual', points: 120, balanceAfter: 120, refType: 'purchase', createdAt: '2026-04-30T10:00:00.000Z' }],
  })
  ledger: Array<Record<string, unknown>>;
}
