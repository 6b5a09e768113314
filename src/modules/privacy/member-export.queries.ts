import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { marks, select } from '../../database/sql';
import { DataSource, EntityTarget, FindOptionsOrder, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { AuditLog } from '../audit/entities/audit-log.entity';
import { CampaignDelivery } from '../campaigns/entities/campaign-delivery.entity';
import { Card } from '../cards/entities/card.entity';
import { ClubMemberHistory } from '../clubs/entities/club-member-history.entity';
import { ClubMember } from '../clubs/entities/club-member.entity';
import { MemberChange } from '../members/entities/member-change.entity';
import { MemberConsent } from '../members/entities/member-consent.entity';
import { MemberNote } from '../members/entities/member-note.entity';
import { MemberTag } from '../members/entities/member-tag.entity';
import { Member } from '../members/entities/member.entity';
import { OutboxMessage } from '../messages/entities/outbox-message.entity';
import { MemberMonthlyStats } from '../points/entities/member-monthly-stats.entity';
import { PointAccount } from '../points/entities/point-account.entity';
import { PointEntry } from '../points/entities/point-entry.entity';
import { PointLot } from '../points/entities/point-lot.entity';
import { PurchaseLine } from '../points/entities/purchase-line.entity';
import { Purchase } from '../points/entities/purchase.entity';
import { Redemption } from '../points/entities/redemption.entity';
import { Refund } from '../points/entities/refund.entity';
import { BirthdayBonus } from '../tiers/entities/birthday-bonus.entity';
import { TierGrant } from '../tiers/entities/tier-grant.entity';
import { TierHistory } from '../tiers/entities/tier-history.entity';
import { MemberValue } from '../value/entities/member-value.entity';
import { PointAdjustment } from '../archive/entities/point-adjustment.entity';
import { ComplaintStep } from '../complaints/entities/complaint-step.entity';
import { Complaint } from '../complaints/entities/complaint.entity';
import { SurveyAnswer } from '../surveys/entities/survey-answer.entity';
import { SurveyInvitation } from '../surveys/entities/survey-invitation.entity';

/** Columns that only serve idempotent replays (hashes, stored answers): not the member's data, left out of an export. */
const INTERNAL_COLUMNS = new Set(['requestHash', 'response', 'cancelResponse']);

/** What a member export reads: every row keyed by the member id, through the entities, and the names they refer to. Reads only. */
@Injectable()
export class MemberExportQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rows of one table for the member, through its entity (camelCase fields, BIGINTs as numbers), without replay internals. */
  async rowsOf<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    where: FindOptionsWhere<T> | FindOptionsWhere<T>[],
    order: FindOptionsOrder<T>,
  ): Promise<Array<Record<string, unknown>>> {
    const rows = await this.dataSource.getRepository(entity).find({ where, order });
    return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !INTERNAL_COLUMNS.has(k))));
  }

  member(memberId: string): Promise<Member | null> {
    return this.dataSource.getRepository(Member).findOne({ where: { id: memberId } });
  }

  async exportSections(memberId: string) {
    const mine = { memberId };
    const sections = await allOf({
      consents: this.rowsOf(MemberConsent, mine, { channel: 'ASC' }),
      profileChanges: this.rowsOf(MemberChange, mine, { id: 'ASC' }),
      cards: this.rowsOf(Card, mine, { issuedAt: 'ASC' }),
      account: this.rowsOf(PointAccount, mine, {}),
      ledger: this.rowsOf(PointEntry, mine, { id: 'ASC' }),
      lots: this.rowsOf(PointLot, mine, { id: 'ASC' }),
      purchases: this.rowsOf(Purchase, mine, { occurredAt: 'ASC' }),
      purchaseLines: this.rowsOf(PurchaseLine, mine, { purchaseId: 'ASC', lineNo: 'ASC' }),
      refunds: this.rowsOf(Refund, mine, { createdAt: 'ASC' }),
      redemptions: this.rowsOf(Redemption, mine, { createdAt: 'ASC' }),
      monthlyStats: this.rowsOf(MemberMonthlyStats, mine, { month: 'ASC' }),
      clubs: this.rowsOf(ClubMember, mine, { joinedAt: 'ASC' }),
      clubHistory: this.rowsOf(ClubMemberHistory, mine, { id: 'ASC' }),
      tierHistory: this.rowsOf(TierHistory, mine, { id: 'ASC' }),
      tierGrants: this.rowsOf(TierGrant, mine, { id: 'ASC' }),
      value: this.rowsOf(MemberValue, mine, {}),
      birthdayBonuses: this.rowsOf(BirthdayBonus, mine, { year: 'ASC' }),
      campaignDeliveries: this.rowsOf(CampaignDelivery, mine, { createdAt: 'ASC' }),
      messages: this.rowsOf(OutboxMessage, mine, { createdAt: 'ASC' }),
      notes: this.rowsOf(MemberNote, mine, { id: 'ASC' }),
      tags: this.rowsOf(MemberTag, mine, { tag: 'ASC' }),
      adjustments: this.rowsOf(PointAdjustment, mine, { createdAt: 'ASC' }),
      complaints: this.rowsOf(Complaint, mine, { createdAt: 'ASC' }),
      complaintSteps: this.rowsOf(ComplaintStep, mine, { id: 'ASC' }),
      surveyInvitations: this.rowsOf(SurveyInvitation, mine, { createdAt: 'ASC' }),
      surveyAnswers: this.rowsOf(SurveyAnswer, mine, { id: 'ASC' }),
      audit: this.rowsOf(
        AuditLog,
        [
          { entityType: 'member', entityId: memberId },
          { actorType: 'member', actorId: memberId },
        ],
        { id: 'ASC' },
      ),
    });
    return { ...sections, account: sections.account[0] ?? null, value: sections.value[0] ?? null };
  }

  /** Names for the ids an export refers to: stores, clubs, campaigns. */
  async names(storeIds: string[], clubIds: string[], campaignIds: string[]) {
    const q = (table: string, cols: string, ids: string[]): Promise<Array<Record<string, string>>> =>
      ids.length === 0
        ? Promise.resolve([])
        : select<Record<string, string>>(
            this.dataSource.manager,
            `SELECT ${cols} FROM ${table} WHERE id IN (${marks(ids.length)}) ORDER BY id`,
            ids,
          );
    const [stores, clubs, campaigns] = await Promise.all([
      q('stores', 'id AS storeId, code, name', storeIds),
      q('clubs', 'id AS clubId, code, name, name_en AS nameEn', clubIds),
      q('campaigns', 'id AS campaignId, name', campaignIds),
    ]);
    return { stores, clubs, campaigns };
  }
}

/** Promise.all over an object: each key's answer under its own key, with its own type. */
async function allOf<T extends Record<string, Promise<unknown>>>(promises: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(Object.entries(promises).map(async ([key, promise]) => [key, await promise] as const));
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}
