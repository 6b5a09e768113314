import { Injectable } from '@nestjs/common';
import { Actor } from '../../audit/audit.service';
import { AdjustPointsUseCase } from '../../archive/use-cases/adjust-points.use-case';
import { ComplaintRecorder } from '../complaint-recorder';
import { complaintNotFound } from '../complaints.errors';
import { ComplaintsRepository } from '../complaints.repository';

export interface GoodwillCommand {
  complaintId: string;
  points: number;
  reason: string;
  idempotencyKey: string;
  /** points.adjust.large: above ADJUSTMENT_LIMIT_POINTS and past the daily limit. */
  mayExceedLimit: boolean;
}

/**
 * Goodwill points for a case, through the ledger writer as a `goodwill` entry
 * naming the case (refType complaint, refId the case id) — the same path and
 * the same limits as a console adjustment (ADJUSTMENT_LIMIT_POINTS per
 * posting, ADJUSTMENT_DAILY_LIMIT_POINTS per console user and day, unless
 * points.adjust.large), posted once per idempotency key. The `goodwill` step
 * and the case's total are written in the posting's own transaction.
 */
@Injectable()
export class GrantGoodwillUseCase {
  constructor(
    private readonly adjust: AdjustPointsUseCase,
    private readonly repo: ComplaintsRepository,
    private readonly recorder: ComplaintRecorder,
  ) {}

  async grant(actor: Actor, cmd: GoodwillCommand) {
    const c = await this.repo.one(cmd.complaintId);
    if (!c) {
      throw complaintNotFound(cmd.complaintId);
    }
    const note = `Goodwill for complaint ${c.caseNo}: ${cmd.reason}`.slice(0, 500);
    const result = await this.adjust.adjust(actor, {
      memberId: c.memberId,
      points: cmd.points,
      reason: cmd.reason,
      idempotencyKey: cmd.idempotencyKey,
      mayExceedLimit: cmd.mayExceedLimit,
      entry: { type: 'goodwill', refType: 'complaint', refId: c.id, note },
      within: async (m, posted) => {
        const locked = await this.recorder.lock(m, c.id);
        await this.recorder.record(
          m,
          actor,
          locked,
          { kind: 'goodwill', points: posted.points, entryId: posted.entryId, text: cmd.reason },
          { goodwillPoints: locked.goodwillPoints + posted.points },
          new Date(posted.createdAt),
        );
      },
    });
    const after = await this.repo.one(c.id);
    return {
      status: result.status,
      body: {
        complaintId: c.id,
        points: result.body.points,
        entryId: result.body.entryId,
        balanceAfter: result.body.balanceAfter,
        goodwillPoints: after?.goodwillPoints ?? c.goodwillPoints,
      },
    };
  }
}
