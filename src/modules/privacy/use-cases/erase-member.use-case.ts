import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transactions } from '../../../database/transactions';
import { MemberImportsRepository } from '../../archive/import/member-imports.repository';
import { AuditRepository } from '../../audit/audit.repository';
import { SYSTEM_ACTOR, AuditService } from '../../audit/audit.service';
import { CardsRepository } from '../../cards/cards.repository';
import { MemberCodesRepository } from '../../cards/member-codes.repository';
import { PERSONAL_FIELDS } from '../../members/member-archive.service';
import { MemberSessionsRepository } from '../../members/member-sessions.repository';
import { MembersRepository } from '../../members/members.repository';
import { OutboxRepository } from '../../messages/outbox.repository';
import { EventsService } from '../../messages/webhooks/events.service';
import { ComplaintsRepository } from '../../complaints/complaints.repository';
import { SurveysRepository } from '../../surveys/surveys.repository';
import { ERASURE_STEPS, ErasureContext, ErasureOwners } from '../erasure-steps';
import { PrivacyRepository } from '../privacy.repository';
import { identifyingStrings } from '../rules/scrub-personal';

export type ErasureCounts = Record<string, number>;

/**
 * The worker's half of an erasure: in one transaction with the member row
 * locked, runs every step of ERASURE_STEPS over the member and the members
 * merged into them, marks the request done, audits it and publishes the
 * `member.erased` webhook. Ledger, lots, purchases and analytics are not
 * touched, so balances and sums stay exact. Running it again after it is done
 * changes nothing.
 */
@Injectable()
export class EraseMemberUseCase {
  private readonly logger = new Logger('Privacy');

  private readonly owners: ErasureOwners;

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: PrivacyRepository,
    private readonly members: MembersRepository,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    cards: CardsRepository,
    memberCodes: MemberCodesRepository,
    outbox: OutboxRepository,
    sessions: MemberSessionsRepository,
    imports: MemberImportsRepository,
    auditLog: AuditRepository,
    complaints: ComplaintsRepository,
    surveys: SurveysRepository,
  ) {
    this.owners = { members, cards, memberCodes, outbox, sessions, imports, audit: auditLog, complaints, surveys };
  }

  async erase(memberId: string): Promise<ErasureCounts> {
    const counts = await this.eraseInTransaction(memberId);
    // Ids and row counts only: what was erased is never logged.
    this.logger.log({ memberId, ...counts }, 'member erased');
    return counts;
  }

  private eraseInTransaction(memberId: string): Promise<ErasureCounts> {
    return this.transactions.retrying(async (m) => {
      const member = await this.members.lock(m, memberId);
      const request = await this.repo.findErasure(memberId, m);
      if (!member || !request) {
        throw new Error(`No erasure request for member ${memberId}`);
      }
      if (request.state === 'done') {
        return { alreadyDone: 1 };
      }
      const now = new Date();
      const memberIds = [memberId, ...(await this.repo.mergedInto(m, memberId))];
      const context: ErasureContext = { memberId, memberIds, identifying: await this.identifying(m, memberIds), now };
      const counts: ErasureCounts = {};
      for (const step of ERASURE_STEPS) {
        counts[step.name] = await step.run(this.owners, m, context);
      }
      await this.members.insertChanges(m, memberId, SYSTEM_ACTOR, [{ field: 'status', oldValue: member.status, newValue: 'erased' }], now);
      await this.repo.completeErasure(m, memberId, now);
      await this.audit.record(
        SYSTEM_ACTOR,
        'member.erased',
        { type: 'member', id: memberId },
        { mergedMembers: memberIds.length - 1, ...counts },
        m,
      );
      await this.events.publish('member.erased', `member.erased:${memberId}`, { memberId, erasedAt: now.toISOString() }, m);
      return counts;
    });
  }

  /** The person's current values and every earlier one the change history holds (a changed phone is still theirs). */
  private async identifying(m: EntityManager, memberIds: string[]): Promise<string[]> {
    const { profiles, earlier } = await this.members.personalValues(m, memberIds, [...PERSONAL_FIELDS]);
    const all = new Set<string>();
    profiles.forEach((p) => identifyingStrings(p).forEach((s) => all.add(s)));
    earlier.forEach((e) => identifyingStrings({ [e.field]: e.value }).forEach((s) => all.add(s)));
    return [...all].sort((a, b) => b.length - a.length);
  }
}
