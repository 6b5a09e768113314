import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { WriteResult } from '../../database/transaction';
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
import { MemberErasure } from './entities/member-erasure.entity';

/** Columns that only serve idempotent replays (hashes, stored answers): not the member's data, left out of an export. */
const INTERNAL_COLUMNS = new Set(['requestHash', 'response', 'cancelResponse']);

/** Fields of the member change history whose values are not personal: kept by an erasure. */
const NON_PERSONAL_CHANGE_FIELDS = "field = 'status' OR field LIKE 'consent.%'";

/** SQL of member export and erasure. Every query is keyed by member id. */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---- export -------------------------------------------------------------

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
        : this.dataSource.query<Array<Record<string, string>>>(`SELECT ${cols} FROM ${table} WHERE id IN (${marks(ids)}) ORDER BY id`, ids);
    const [stores, clubs, campaigns] = await Promise.all([
      q('stores', 'id AS storeId, code, name', storeIds),
      q('clubs', 'id AS clubId, code, name, name_en AS nameEn', clubIds),
      q('campaigns', 'id AS campaignId, name', campaignIds),
    ]);
    return { stores, clubs, campaigns };
  }

  // ---- erasure request ----------------------------------------------------

  async lockMember(m: EntityManager, memberId: string): Promise<Member | null> {
    return m.getRepository(Member).findOne({ where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
  }

  findErasure(memberId: string, m: EntityManager = this.dataSource.manager): Promise<MemberErasure | null> {
    return m.getRepository(MemberErasure).findOne({ where: { memberId } });
  }

  async insertErasure(m: EntityManager, row: MemberErasure): Promise<void> {
    await m.insert(MemberErasure, row);
  }

  async setErasureRun(m: EntityManager, memberId: string, jobRunId: string): Promise<void> {
    await m.query('UPDATE member_erasures SET job_run_id = ? WHERE member_id = ?', [jobRunId, memberId]);
  }

  async setStatus(m: EntityManager, memberId: string, status: string, now: Date): Promise<void> {
    await m.query('UPDATE members SET status = ?, updated_at = ? WHERE id = ?', [status, now, memberId]);
  }

  async recordStatusChange(
    m: EntityManager,
    memberId: string,
    actor: { type: string; id: string | null },
    from: string,
    to: string,
    now: Date,
  ): Promise<void> {
    await m.query(
      `INSERT INTO member_changes (member_id, actor_type, actor_id, field, old_value, new_value, created_at)
       VALUES (?, ?, ?, 'status', ?, ?, ?)`,
      [memberId, actor.type, actor.id, from, to, now],
    );
  }

  /** The profiles of the members, and every value their personal fields held before (from the change history). */
  async personalValues(
    m: EntityManager,
    memberIds: string[],
    fields: string[],
  ): Promise<{ profiles: Array<Record<string, string | null>>; earlier: Array<{ field: string; value: string }> }> {
    const profiles: Array<Record<string, string | null>> = await m.query(
      `SELECT name, phone, email, birthday, address, city FROM members WHERE id IN (${marks(memberIds)})`,
      memberIds,
    );
    const changes: Array<{ field: string; old_value: string | null; new_value: string | null }> = await m.query(
      `SELECT field, old_value, new_value FROM member_changes WHERE member_id IN (${marks(memberIds)}) AND field IN (${marks(fields)})`,
      [...memberIds, ...fields],
    );
    const earlier = changes.flatMap((c) =>
      [c.old_value, c.new_value].filter((v): v is string => v !== null).map((value) => ({ field: c.field, value })),
    );
    return { profiles, earlier };
  }

  async completeErasure(m: EntityManager, memberId: string, now: Date): Promise<void> {
    await m.query("UPDATE member_erasures SET state = 'done', completed_at = ? WHERE member_id = ?", [now, memberId]);
  }

  /** The members merged into this one, and into those, and so on: their rows hold the same person's data. */
  async mergedInto(m: EntityManager, memberId: string): Promise<string[]> {
    const out: string[] = [];
    let frontier = [memberId];
    while (frontier.length > 0) {
      const rows: Array<{ source_member_id: string }> = await m.query(
        `SELECT source_member_id FROM member_merges WHERE survivor_member_id IN (${frontier.map(() => '?').join(', ')})`,
        frontier,
      );
      frontier = rows.map((r) => r.source_member_id).filter((id) => !out.includes(id) && id !== memberId);
      out.push(...frontier);
    }
    return out;
  }

  // ---- erasure steps (each safe to run twice) -------------------------------

  /**
   * Clears every personal field of the profile; the status says erased. The external id (the
   * previous system's key, not personal by itself) stays, so importing the same file again
   * answers `exists` instead of bringing the person back.
   */
  async anonymiseProfile(m: EntityManager, memberIds: string[], status: (id: string) => string, now: Date): Promise<number> {
    let n = 0;
    for (const id of memberIds) {
      const res: WriteResult = await m.query(
        `UPDATE members SET name = NULL, phone = NULL, email = NULL, birthday = NULL, gender = NULL, address = NULL, city = NULL,
                status = ?, updated_at = ? WHERE id = ?`,
        [status(id), now, id],
      );
      n += res.affectedRows;
    }
    return n;
  }

  async closeCards(m: EntityManager, memberIds: string[], now: Date): Promise<number> {
    const res: WriteResult = await m.query(
      `UPDATE cards SET status = 'closed', status_changed_at = ? WHERE member_id IN (${marks(memberIds)}) AND status <> 'closed'`,
      [now, ...memberIds],
    );
    return res.affectedRows;
  }

  async withdrawConsents(m: EntityManager, memberIds: string[], now: Date): Promise<number> {
    const res: WriteResult = await m.query(
      `UPDATE member_consents SET granted = FALSE, source = 'erasure', updated_at = ? WHERE member_id IN (${marks(memberIds)}) AND granted`,
      [now, ...memberIds],
    );
    return res.affectedRows;
  }

  /** Old and new values of personal fields go; which field changed, who and when stay (consent and status values too). */
  async clearChangeValues(m: EntityManager, memberIds: string[]): Promise<number> {
    const res: WriteResult = await m.query(
      `UPDATE member_changes SET old_value = NULL, new_value = NULL
        WHERE member_id IN (${marks(memberIds)}) AND NOT (${NON_PERSONAL_CHANGE_FIELDS})
          AND (old_value IS NOT NULL OR new_value IS NOT NULL)`,
      memberIds,
    );
    return res.affectedRows;
  }

  /** Rows that are nothing but personal data (notes, tags, sign-in codes, tokens): deleted. */
  async deleteRows(m: EntityManager, table: string, memberIds: string[]): Promise<number> {
    const res: WriteResult = await m.query(`DELETE FROM ${table} WHERE member_id IN (${marks(memberIds)})`, memberIds);
    return res.affectedRows;
  }

  /** Rendered subjects and texts go; a message not sent yet is never sent (it has no address any more). */
  async clearOutbox(m: EntityManager, memberIds: string[], now: Date): Promise<number> {
    const res: WriteResult = await m.query(
      `UPDATE outbox_messages
          SET subject = NULL, body = '', last_error = NULL, updated_at = ?,
              status = CASE WHEN status IN ('queued', 'sending') THEN 'skipped_no_address' ELSE status END
        WHERE member_id IN (${marks(memberIds)}) AND (body <> '' OR subject IS NOT NULL OR last_error IS NOT NULL)`,
      [now, ...memberIds],
    );
    return res.affectedRows;
  }

  /** Sign-in codes sent to one of the person's phones before it was registered (member_id NULL, to_address set). */
  async clearOutboxToAddresses(m: EntityManager, addresses: string[], now: Date): Promise<number> {
    if (addresses.length === 0) {
      return 0;
    }
    const res: WriteResult = await m.query(
      `UPDATE outbox_messages
          SET subject = NULL, body = '', last_error = NULL, to_address = NULL, updated_at = ?,
              status = CASE WHEN status IN ('queued', 'sending') THEN 'skipped_no_address' ELSE status END
        WHERE member_id IS NULL AND to_address IN (${marks(addresses)})`,
      [now, ...addresses],
    );
    return res.affectedRows;
  }

  /** The imported CSV row (name, phone, email as given) goes; its outcome stays for the import report. */
  async clearImportRows(m: EntityManager, memberIds: string[]): Promise<number> {
    const res: WriteResult = await m.query(
      `UPDATE member_import_rows SET raw = '{}' WHERE member_id IN (${marks(memberIds)}) AND raw <> '{}'`,
      memberIds,
    );
    return res.affectedRows;
  }

  /** Audit entries about the members or made by them, with their change documents. */
  async auditEntries(m: EntityManager, memberIds: string[]): Promise<Array<{ id: string; changes: string | null }>> {
    return m.query(
      `SELECT id, changes FROM audit_log WHERE entity_type = 'member' AND entity_id IN (${marks(memberIds)})
       UNION SELECT id, changes FROM audit_log WHERE actor_type = 'member' AND actor_id IN (${marks(memberIds)})`,
      [...memberIds, ...memberIds],
    );
  }

  async setAuditChanges(m: EntityManager, id: string, changes: string | null): Promise<void> {
    await m.query('UPDATE audit_log SET changes = ? WHERE id = ?', [changes, id]);
  }
}

function marks(ids: unknown[]): string {
  return ids.map(() => '?').join(', ');
}

/** Promise.all over an object: each key's answer under its own key, with its own type. */
async function allOf<T extends Record<string, Promise<unknown>>>(promises: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(Object.entries(promises).map(async ([key, promise]) => [key, await promise] as const));
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}
