import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, AuditService } from '../audit/audit.service';
import { complaintNotFound } from './complaints.errors';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintStep, ComplaintStepKind } from './entities/complaint-step.entity';
import { Complaint } from './entities/complaint.entity';

/** Steps by staff that the member sees: the first of them is the case's first answer. */
const ANSWERS: readonly ComplaintStepKind[] = ['state', 'reply', 'apology', 'goodwill', 'coupon'];

export type NewStep = Partial<Omit<ComplaintStep, 'id' | 'complaintId' | 'memberId' | 'kind' | 'actorType' | 'actorId' | 'createdAt'>> & {
  kind: ComplaintStepKind;
};

/**
 * Every change of a case goes through here, in the change's transaction: the
 * case locked, the step written with who and when, the first answer's time
 * set by the first answer staff give, and an audit entry (ids and states,
 * never the member's words).
 */
@Injectable()
export class ComplaintRecorder {
  constructor(
    private readonly repo: ComplaintsRepository,
    private readonly audit: AuditService,
  ) {}

  async lock(m: EntityManager, id: string): Promise<Complaint> {
    const complaint = await this.repo.lock(m, id);
    if (!complaint) {
      throw complaintNotFound(id);
    }
    return complaint;
  }

  /** Writes the step and the case's changes (updated_at, first answer). Answers the step id. */
  async record(
    m: EntityManager,
    actor: Actor,
    complaint: Complaint,
    step: NewStep,
    changes: Partial<Complaint>,
    now: Date,
  ): Promise<number> {
    const stepId = await this.repo.addStep(m, {
      complaintId: complaint.id,
      memberId: complaint.memberId,
      kind: step.kind,
      fromState: step.fromState ?? null,
      toState: step.toState ?? null,
      ownerId: step.ownerId ?? null,
      text: step.text ?? null,
      points: step.points ?? null,
      entryId: step.entryId ?? null,
      messageStatus: step.messageStatus ?? null,
      actorType: actor.type === 'admin' || actor.type === 'member' ? actor.type : 'system',
      actorId: actor.id,
      createdAt: now,
    });
    const firstAnswer =
      actor.type === 'admin' && complaint.firstAnswerAt === null && ANSWERS.includes(step.kind) ? { firstAnswerAt: now } : {};
    await this.repo.update(m, complaint.id, { ...changes, ...firstAnswer, updatedAt: now });
    await this.audit.record(
      actor,
      `complaint.${step.kind}`,
      { type: 'complaint', id: complaint.id },
      {
        caseNo: complaint.caseNo,
        memberId: complaint.memberId,
        ...(step.fromState ? { from: step.fromState } : {}),
        ...(step.toState ? { to: step.toState } : {}),
        ...(step.ownerId ? { ownerId: step.ownerId } : {}),
        ...(step.points ? { points: step.points, entryId: step.entryId } : {}),
      },
      m,
    );
    return stepId;
  }
}
