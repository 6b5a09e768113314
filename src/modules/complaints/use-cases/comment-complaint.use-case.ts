import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { Actor } from '../../audit/audit.service';
import { ComplaintRecorder } from '../complaint-recorder';

/** A reply to the member (shown on the member page; the first one is the first answer) or an internal note. */
@Injectable()
export class CommentComplaintUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly recorder: ComplaintRecorder,
  ) {}

  async comment(actor: Actor, id: string, kind: 'reply' | 'note', text: string): Promise<void> {
    await this.transactions.retrying(async (m) => {
      const c = await this.recorder.lock(m, id);
      await this.recorder.record(m, actor, c, { kind, text }, {}, new Date());
    });
  }
}
