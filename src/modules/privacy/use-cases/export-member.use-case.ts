import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Actor, AuditService } from '../../audit/audit.service';
import { MemberExportQueries } from '../member-export.queries';

export type MemberExport = Record<string, unknown> & { memberId: string; exportedAt: string };

/** The export's format; a consumer can tell a later shape by it. */
export const EXPORT_FORMAT = 'loyalty.member-export.v1';

/**
 * Everything held about one member, as one JSON document: profile,
 * consents with their history, cards, account, ledger, lots, purchases with
 * lines, refunds, redemptions, clubs with their history, tiers, value,
 * campaign deliveries, messages, notes, tags, adjustments and the audit
 * entries about them or made by them. Only rows keyed by this member id are
 * read (a merged-in member's rows moved here and are theirs now), and the
 * names of stores, clubs and campaigns they refer to; no other member's data.
 * Audited as member.exported.
 */
@Injectable()
export class ExportMemberUseCase {
  constructor(
    private readonly repo: MemberExportQueries,
    private readonly audit: AuditService,
  ) {}

  /** `actor` defaults to the member themselves (the portal's me/export). */
  async export(memberId: string, actor: Actor = { type: 'member', id: memberId }): Promise<MemberExport> {
    const member = await this.repo.member(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
    }
    const sections = await this.repo.exportSections(memberId);
    const ids = (rows: Array<Record<string, unknown>>, key: string) => [
      ...new Set(rows.map((r) => r[key]).filter((v): v is string => typeof v === 'string')),
    ];
    const refersTo = await this.repo.names(
      ids([...sections.purchases, ...sections.refunds, ...sections.redemptions, ...sections.cards], 'storeId').concat(
        ids(sections.cards, 'issuedStoreId'),
      ),
      ids(sections.clubs, 'clubId'),
      ids(sections.campaignDeliveries, 'campaignId'),
    );
    const { purchaseLines, consents, profileChanges, ...rest } = sections;
    const exportedAt = new Date();
    await this.audit.record(actor, 'member.exported', { type: 'member', id: memberId }, { format: EXPORT_FORMAT });
    return {
      format: EXPORT_FORMAT,
      exportedAt: exportedAt.toISOString(),
      memberId,
      profile: { ...member },
      consents: {
        current: consents,
        history: profileChanges.filter((c) => String(c.field).startsWith('consent.')),
      },
      profileChanges: profileChanges.filter((c) => !String(c.field).startsWith('consent.')),
      ...rest,
      purchases: sections.purchases.map((p) => ({ ...p, lines: purchaseLines.filter((l) => l.purchaseId === p.id) })),
      refersTo,
    };
  }
}
