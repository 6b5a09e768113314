import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { Actor } from '../../audit/audit.service';
import { OutboxService } from '../../messages/outbox.service';
import { APOLOGY_TEMPLATE } from '../apology-template';
import { ComplaintRecorder } from '../complaint-recorder';
import { complaintInvalidTransition } from '../complaints.errors';

/**
 * The apology of service recovery: one message per case through the outbox
 * (source `complaint-apology:<case id>`, template complaint.apology, with the
 * case number), recorded as an `apology` step in the same transaction. The
 * template is transactional (it answers the member's own complaint); a member
 * without an address on its channel is recorded as skipped. A second apology
 * for the same case is 409 and writes nothing.
 */
@Injectable()
export class SendApologyUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly recorder: ComplaintRecorder,
    private readonly outbox: OutboxService,
  ) {}

  async apologise(actor: Actor, id: string, locale: 'zh-CN' | 'en'): Promise<{ messageStatus: string }> {
    return this.transactions.retrying(async (m) => {
      const c = await this.recorder.lock(m, id);
      const source = `complaint-apology:${c.id}`;
      const result = await this.outbox.enqueue(
        { source, memberId: c.memberId, templateCode: APOLOGY_TEMPLATE, variables: { caseNo: c.caseNo }, locale },
        m,
      );
      if (result.duplicates > 0 || c.apologySentAt !== null) {
        throw complaintInvalidTransition(c.caseNo, 'an apology was already sent for this case', 'apology');
      }
      const status = (await this.outbox.statusesOf(m, source, [c.memberId])).get(c.memberId) ?? 'skipped';
      const now = new Date();
      await this.recorder.record(m, actor, c, { kind: 'apology', messageStatus: status }, { apologySentAt: now }, now);
      return { messageStatus: status };
    });
  }
}
