import { maskName, maskPhone } from '../../common/masking';
import { maskMessageText } from '../messages/rules/mask-text';
import type { ComplaintDetailResponse, ComplaintResponse, ComplaintStepResponse, MyComplaintResponse } from './dto/complaint.response';
import type { ComplaintRow } from './complaints.repository';
import { ComplaintStep, MEMBER_VISIBLE_STEPS } from './entities/complaint-step.entity';
import { isOverdue, moveRefusal } from './rules/complaint-case';

/** Free text as roles without members.pii read it: the member's name masked, runs of 4+ digits starred (as the outbox does). */
export function maskFreeText(text: string | null, memberName: string | null): string | null {
  return text === null ? null : maskMessageText(text, memberName, false);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function complaintView(c: ComplaintRow, masked: boolean, now: Date): ComplaintResponse {
  return {
    complaintId: c.id,
    caseNo: c.caseNo,
    memberId: c.memberId,
    memberName: masked ? maskName(c.memberName) : c.memberName,
    memberPhone: masked ? maskPhone(c.memberPhone) : c.memberPhone,
    storeId: c.storeId,
    storeName: c.storeName,
    storeCode: c.storeCode,
    receiptNo: c.receiptNo,
    category: c.category,
    description: masked ? maskFreeText(c.description, c.memberName) : c.description,
    severity: c.severity,
    state: c.state,
    ownerId: c.ownerId,
    raisedBy: c.raisedByType,
    dueAt: c.dueAt.toISOString(),
    overdue: isOverdue(c.state, c.dueAt, now),
    firstAnswerAt: iso(c.firstAnswerAt),
    resolvedAt: iso(c.resolvedAt),
    closedAt: iso(c.closedAt),
    goodwillPoints: c.goodwillPoints,
    apologySentAt: iso(c.apologySentAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function complaintDetailView(
  c: ComplaintRow,
  steps: ComplaintStep[],
  emails: Map<string, string>,
  masked: boolean,
  now: Date,
): ComplaintDetailResponse {
  return {
    ...complaintView(c, masked, now),
    ownerEmail: c.ownerId ? (emails.get(c.ownerId) ?? null) : null,
    steps: steps.map((s): ComplaintStepResponse => ({
      stepId: s.id,
      kind: s.kind,
      fromState: s.fromState,
      toState: s.toState,
      ownerId: s.ownerId,
      ownerEmail: s.ownerId ? (emails.get(s.ownerId) ?? null) : null,
      text: masked ? maskFreeText(s.text, c.memberName) : s.text,
      points: s.points,
      entryId: s.entryId,
      messageStatus: s.messageStatus,
      actorType: s.actorType,
      actorId: s.actorId,
      actorEmail: s.actorType === 'admin' && s.actorId ? (emails.get(s.actorId) ?? null) : null,
      at: s.createdAt.toISOString(),
    })),
  };
}

/** The member's own view: their words, the state, and what staff told them (no internal notes, no staff names). */
export function myComplaintView(c: ComplaintRow, steps: ComplaintStep[], now: Date): MyComplaintResponse {
  return {
    complaintId: c.id,
    caseNo: c.caseNo,
    storeName: c.storeName,
    receiptNo: c.receiptNo,
    category: c.category,
    description: c.description,
    state: c.state,
    dueAt: c.dueAt.toISOString(),
    reopenable: (c.state === 'resolved' || c.state === 'closed') && moveRefusal(c.state, 'in_progress', c.resolvedAt, now) === null,
    createdAt: c.createdAt.toISOString(),
    steps: steps
      .filter((s) => MEMBER_VISIBLE_STEPS.includes(s.kind))
      .map((s) => ({
        kind: s.kind,
        toState: s.toState,
        text: s.kind === 'raised' || s.kind === 'goodwill' ? null : s.text,
        points: s.points,
        at: s.createdAt.toISOString(),
      })),
  };
}
