import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { Actor } from '../../audit/audit.service';
import { ComplaintRecorder } from '../complaint-recorder';
import { complaintInvalidTransition, complaintNotFound } from '../complaints.errors';
import { Complaint } from '../entities/complaint.entity';
import { ComplaintState, dueAt, isReopening, moveRefusal } from '../rules/complaint-case';

/**
 * Moves a case to another state (complaint-case.ts says which moves exist):
 * resolving stamps the resolution, closing the close, reopening (within 14
 * days of the resolution) clears both and sets a new due time. The member
 * may only reopen their own case; a refused move is 409
 * COMPLAINT_INVALID_TRANSITION and writes nothing.
 */
@Injectable()
export class MoveComplaintUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly recorder: ComplaintRecorder,
  ) {}

  async move(actor: Actor, id: string, to: ComplaintState, text: string | null, onlyMemberId?: string): Promise<void> {
    await this.transactions.retrying(async (m) => {
      const c = await this.recorder.lock(m, id);
      if (onlyMemberId !== undefined && c.memberId !== onlyMemberId) {
        throw complaintNotFound(id);
      }
      const now = new Date();
      if (onlyMemberId !== undefined && !isReopening(c.state, to)) {
        throw complaintInvalidTransition(c.caseNo, 'a member may only reopen a resolved or closed case');
      }
      const refusal = moveRefusal(c.state, to, c.resolvedAt, now);
      if (refusal) {
        throw complaintInvalidTransition(c.caseNo, refusal);
      }
      const changes: Partial<Complaint> = { state: to };
      if (to === 'resolved') {
        changes.resolvedAt = now;
      } else if (to === 'closed') {
        changes.closedAt = now;
      } else if (isReopening(c.state, to)) {
        changes.resolvedAt = null;
        changes.closedAt = null;
        changes.dueAt = dueAt(now, c.severity);
      }
      await this.recorder.record(m, actor, c, { kind: 'state', fromState: c.state, toState: to, text }, changes, now);
    });
  }
}
