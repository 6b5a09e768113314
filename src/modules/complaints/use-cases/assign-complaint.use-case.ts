import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { Actor } from '../../audit/audit.service';
import { ComplaintRecorder } from '../complaint-recorder';
import { complaintInvalid } from '../complaints.errors';
import { ComplaintsRepository } from '../complaints.repository';

/** Gives the case to a console user (an `assigned` step with the new owner). */
@Injectable()
export class AssignComplaintUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: ComplaintsRepository,
    private readonly recorder: ComplaintRecorder,
  ) {}

  async assign(actor: Actor, id: string, ownerId: string): Promise<void> {
    if (!(await this.repo.adminExists(ownerId))) {
      throw complaintInvalid('ownerId', `no console user with id ${ownerId}`);
    }
    await this.transactions.retrying(async (m) => {
      const c = await this.recorder.lock(m, id);
      await this.recorder.record(m, actor, c, { kind: 'assigned', ownerId }, { ownerId }, new Date());
    });
  }
}
