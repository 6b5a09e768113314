import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Transactions } from '../../../database/transactions';
import { ErasurePayload, JobName, QueueName } from '../../../queue/queue.constants';
import { Actor, AuditService } from '../../audit/audit.service';
import { CardsRepository } from '../../cards/cards.repository';
import { JobRunsService } from '../../jobs/job-runs.service';
import { MembersRepository } from '../../members/members.repository';
import { MemberErasure } from '../entities/member-erasure.entity';
import { PrivacyRepository } from '../privacy.repository';

export interface ErasureRequestView {
  memberId: string;
  /** Progress at GET /api/v1/admin/jobs/{jobId}. */
  jobId: string;
  state: 'requested' | 'done';
  requestedAt: string;
  completedAt: string | null;
}

/**
 * Records that a member asked to be forgotten and queues the worker that
 * anonymises them. Asking again answers the same request (and queues its job
 * again if it is still waiting: the job id makes that one job; a run that
 * failed for good is replaced by a fresh one). From the
 * request on, in its own transaction, the member is `erasing` (no campaign
 * reaches them, no merge takes them, the POS finds them by neither phone nor
 * id) and their cards are closed (the POS answers CARD_INACTIVE).
 */
@Injectable()
export class RequestErasureUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: PrivacyRepository,
    private readonly members: MembersRepository,
    private readonly cards: CardsRepository,
    private readonly runs: JobRunsService,
    private readonly audit: AuditService,
    @InjectQueue(QueueName.MemberErasure) private readonly queue: Queue,
  ) {}

  async request(memberId: string, actor: Actor): Promise<ErasureRequestView> {
    const request = await this.transactions.retrying(async (m) => {
      const member = await this.members.lock(m, memberId);
      if (!member) {
        throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
      }
      const existing = await this.repo.findErasure(memberId, m);
      if (existing && existing.state === 'requested' && (await this.runs.view(existing.jobRunId)).state === 'failed') {
        // The worker gave up (its attempts ran out): asking again starts a fresh run.
        existing.jobRunId = await this.runs.start('member-erasure', 1, { memberId, retryOf: existing.jobRunId }, actor.id);
        await this.repo.setErasureRun(m, memberId, existing.jobRunId);
        await this.audit.record(actor, 'member.erasure_retried', { type: 'member', id: memberId }, { jobId: existing.jobRunId }, m);
      }
      if (existing) {
        if (existing.state === 'requested') {
          // A request recorded before cards were closed at request time: closing again changes nothing otherwise.
          await this.takeOutOfLookups(m, memberId);
        }
        return existing;
      }
      if (member.status === 'merged') {
        throw new DomainError(
          ErrorCode.MEMBER_MERGED,
          `Member ${memberId} was merged into ${member.mergedInto ?? '?'}; erase that member (it erases this one too).`,
          [{ field: 'memberId', message: `merged into ${member.mergedInto ?? '?'}` }],
        );
      }
      // The member row is locked, so a concurrent request waits here and then finds this one.
      const jobRunId = await this.runs.start('member-erasure', 1, { memberId }, actor.id);
      const now = new Date();
      const row: MemberErasure = {
        memberId,
        state: 'requested',
        jobRunId,
        actorType: actor.type,
        actorId: actor.id,
        requestedAt: now,
        completedAt: null,
      };
      await this.repo.insertErasure(m, row);
      await this.members.setStatus(m, memberId, 'erasing', now);
      await this.takeOutOfLookups(m, memberId, now);
      await this.members.insertChanges(m, memberId, actor, [{ field: 'status', oldValue: member.status, newValue: 'erasing' }], now);
      await this.audit.record(actor, 'member.erasure_requested', { type: 'member', id: memberId }, { jobId: jobRunId }, m);
      return row;
    });
    if (request.state === 'requested') {
      const data: ErasurePayload = { runId: request.jobRunId, partNo: 0, memberId };
      await this.queue.add(JobName.EraseMember, data, { jobId: `${request.jobRunId}-0` });
    }
    return view(request);
  }

  /**
   * From the request on, the POS must not find or credit the member: their cards (and those of members merged into
   * them) are closed here, in the request's transaction, so a card answers CARD_INACTIVE; the status `erasing` takes
   * the phone and the id out of every POS lookup (MEMBER_NOT_FOUND). The worker later clears the profile itself.
   */
  private async takeOutOfLookups(m: EntityManager, memberId: string, now: Date = new Date()): Promise<void> {
    await this.cards.closeAllOf(m, [memberId, ...(await this.repo.mergedInto(m, memberId))], now);
  }

  async status(memberId: string): Promise<ErasureRequestView | null> {
    const row = await this.repo.findErasure(memberId);
    return row ? view(row) : null;
  }
}

function view(r: MemberErasure): ErasureRequestView {
  return {
    memberId: r.memberId,
    jobId: r.jobRunId,
    state: r.state,
    requestedAt: r.requestedAt.toISOString(),
    completedAt: r.completedAt ? r.completedAt.toISOString() : null,
  };
}
