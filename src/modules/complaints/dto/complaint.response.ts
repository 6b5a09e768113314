import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_STEP_KINDS } from '../entities/complaint-step.entity';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, COMPLAINT_STATES } from '../rules/complaint-case';

export class ComplaintStepResponse {
  @ApiProperty({ type: 'integer', format: 'int64' })
  stepId: number;
  @ApiProperty({ enum: COMPLAINT_STEP_KINDS })
  kind: string;
  @ApiProperty({ type: 'string', nullable: true, enum: [...COMPLAINT_STATES, null] })
  fromState: string | null;
  @ApiProperty({ type: 'string', nullable: true, enum: [...COMPLAINT_STATES, null] })
  toState: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'assigned: the new owner.' })
  ownerId: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'assigned: the new owner’s console sign-in.' })
  ownerEmail: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Masked without members.pii; null once erased.' })
  text: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'goodwill: the points given.' })
  points: number | null;
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    nullable: true,
    description: 'goodwill: the ledger entry (type goodwill, ref complaint).',
  })
  entryId: number | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'apology: queued, or skipped (no address or no consent).' })
  messageStatus: string | null;
  @ApiProperty({ enum: ['admin', 'member', 'system'] })
  actorType: string;
  @ApiProperty({ type: 'string', nullable: true })
  actorId: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The console user’s email (admin steps).' })
  actorEmail: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' })
  at: string;
}

export class ComplaintResponse {
  @ApiProperty({ type: 'string', format: 'uuid' })
  complaintId: string;
  @ApiProperty({ example: 'C20261207-3FA9C2' })
  caseNo: string;
  @ApiProperty({ type: 'string', format: 'uuid' })
  memberId: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'Masked without members.pii.' })
  memberName: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Masked without members.pii.' })
  memberPhone: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  storeId: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  storeName: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  storeCode: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  receiptNo: string | null;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The member’s words; masked without members.pii; null once erased.' })
  description: string | null;
  @ApiProperty({ enum: COMPLAINT_SEVERITIES })
  severity: string;
  @ApiProperty({ enum: COMPLAINT_STATES })
  state: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  ownerId: string | null;
  @ApiProperty({ enum: ['admin', 'member'] })
  raisedBy: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  dueAt: string;
  @ApiProperty({ description: 'Open or in progress past its due time.' })
  overdue: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  firstAnswerAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  resolvedAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  closedAt: string | null;
  @ApiProperty({ type: 'integer' })
  goodwillPoints: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  apologySentAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: string;
}

export class ComplaintDetailResponse extends ComplaintResponse {
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'agent@example.com',
    description: 'The owner’s console sign-in, if the case has one.',
  })
  ownerEmail: string | null;
  @ApiProperty({ type: [ComplaintStepResponse], description: 'Every change, oldest first.' })
  steps: ComplaintStepResponse[];
}

export class ComplaintListResponse {
  @ApiProperty({ type: [ComplaintResponse] })
  items: ComplaintResponse[];
  @ApiProperty({ type: 'string', nullable: true })
  nextCursor: string | null;
}

export class GoodwillResponse {
  @ApiProperty({ type: 'string', format: 'uuid' })
  complaintId: string;
  @ApiProperty({ type: 'integer' })
  points: number;
  @ApiProperty({ type: 'integer', format: 'int64' })
  entryId: number;
  @ApiProperty({ type: 'integer' })
  balanceAfter: number;
  @ApiProperty({ type: 'integer', description: 'Goodwill points of the case in all.' })
  goodwillPoints: number;
}

export class ComplaintRateRow {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  storeId: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  storeName: string | null;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: string;
  @ApiProperty({ type: 'integer' })
  complaints: number;
  @ApiProperty({ type: 'integer', description: 'Receipts posted at the store in the period.' })
  receipts: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'Complaints per 1,000 receipts (null: no receipts).' })
  perThousandReceipts: number | null;
}

export class ComplaintStoreRow {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  storeId: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  storeName: string | null;
  @ApiProperty({ type: 'integer' })
  complaints: number;
  @ApiProperty({ type: 'integer' })
  receipts: number;
  @ApiProperty({ type: 'number', nullable: true })
  perThousandReceipts: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'Median hours from raising to the first answer (answered cases).' })
  medianHoursToFirstAnswer: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'Median hours from raising to the resolution (resolved cases).' })
  medianHoursToResolution: number | null;
}

export class ComplaintStatsResponse {
  @ApiProperty({ type: 'string', format: 'date-time' })
  from: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  to: string;
  @ApiProperty({ type: 'integer' })
  complaints: number;
  @ApiProperty({ type: 'number', nullable: true })
  medianHoursToFirstAnswer: number | null;
  @ApiProperty({ type: 'number', nullable: true })
  medianHoursToResolution: number | null;
  @ApiProperty({ type: [ComplaintStoreRow], description: 'By store (a case without a store has storeId null).' })
  byStore: ComplaintStoreRow[];
  @ApiProperty({ type: [ComplaintRateRow], description: 'By store and category.' })
  byStoreAndCategory: ComplaintRateRow[];
}

const MY_STEP_EXAMPLE = {
  kind: 'reply',
  toState: null,
  text: '非常抱歉，我们已下架该批次。',
  points: null,
  at: '2026-12-07T09:30:00.000Z',
};

export class MyComplaintStep {
  @ApiProperty({ enum: ['raised', 'state', 'reply', 'apology', 'goodwill', 'coupon'], example: 'reply' })
  kind: string;
  @ApiProperty({ type: 'string', nullable: true, example: null, description: 'state: the new state.' })
  toState: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '非常抱歉，我们已下架该批次。', description: 'What staff told the member.' })
  text: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null, description: 'goodwill: the points given.' })
  points: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-12-07T09:30:00.000Z' })
  at: string;
}

const MY_COMPLAINT_EXAMPLE = {
  complaintId: '0193b2c4-1234-7abc-8def-0123456789ab',
  caseNo: 'C20261207-3FA9C2',
  storeName: 'Jing An flagship',
  receiptNo: 'R-20261207-0042',
  category: 'product',
  description: '买到的牛奶已经过期了',
  state: 'in_progress',
  dueAt: '2026-12-10T08:00:00.000Z',
  reopenable: false,
  createdAt: '2026-12-07T08:00:00.000Z',
  steps: [MY_STEP_EXAMPLE],
};

export class MyComplaintResponse {
  @ApiProperty({ type: 'string', format: 'uuid', example: MY_COMPLAINT_EXAMPLE.complaintId })
  complaintId: string;
  @ApiProperty({ example: MY_COMPLAINT_EXAMPLE.caseNo })
  caseNo: string;
  @ApiProperty({ type: 'string', nullable: true, example: MY_COMPLAINT_EXAMPLE.storeName })
  storeName: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: MY_COMPLAINT_EXAMPLE.receiptNo })
  receiptNo: string | null;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES, example: MY_COMPLAINT_EXAMPLE.category })
  category: string;
  @ApiProperty({ type: 'string', nullable: true, example: MY_COMPLAINT_EXAMPLE.description })
  description: string | null;
  @ApiProperty({ enum: COMPLAINT_STATES, example: MY_COMPLAINT_EXAMPLE.state })
  state: string;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    description: 'When the member can expect an answer by.',
    example: MY_COMPLAINT_EXAMPLE.dueAt,
  })
  dueAt: string;
  @ApiProperty({ description: 'A resolved or closed case the member may still reopen (14 days).', example: false })
  reopenable: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', example: MY_COMPLAINT_EXAMPLE.createdAt })
  createdAt: string;
  @ApiProperty({
    type: [MyComplaintStep],
    description: 'What the member sees: no internal notes, no staff names.',
    example: MY_COMPLAINT_EXAMPLE.steps,
  })
  steps: MyComplaintStep[];
}

export class MyComplaintsResponse {
  @ApiProperty({ type: [MyComplaintResponse], example: [MY_COMPLAINT_EXAMPLE] })
  items: MyComplaintResponse[];
}
