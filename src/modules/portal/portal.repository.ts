import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { WriteResult } from '../../database/transaction';
import { QualifyingStats, ZERO_STATS } from '../points/rules/qualifying-sums';
import { readQualifyingStats } from '../points/ledger/qualifying-sums.queries';
import { LedgerFact } from './rules/history-wording';

export interface RefreshRow {
  id: string;
  familyId: string;
  memberId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export interface BindableCard {
  cardNo: string;
  memberId: string;
  status: string;
  memberStatus: string;
  memberPhone: string | null;
}

export interface PurchaseRef {
  id: string;
  storeId: string;
  receiptNo: string;
  totalCents: number;
  response: string;
}

export interface MyClubRow {
  clubId: string;
  code: string;
  name: string;
  nameEn: string;
  description: string | null;
  joinPolicy: string;
  status: 'active' | 'left' | null;
  joinedAt: Date | null;
  leftAt: Date | null;
}

function clubRow(r: Record<string, unknown>): MyClubRow {
  return {
    clubId: String(r.id),
    code: String(r.code),
    name: String(r.name),
    nameEn: String(r.name_en ?? ''),
    description: (r.description as string | null) ?? null,
    joinPolicy: String(r.join_policy),
    status: (r.status as 'active' | 'left' | null) ?? null,
    joinedAt: (r.joined_at as Date | null) ?? null,
    leftAt: (r.left_at as Date | null) ?? null,
  };
}

const ids = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** All SQL of the member portal. Every read is keyed by the signed-in member's id. */
@Injectable()
export class PortalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---------- sign-in ----------

  /** The member holding a phone, whatever its status. */
  async memberByPhone(phone: string): Promise<{ id: string; status: string } | null> {
    const rows: Array<{ id: string; status: string }> = await this.dataSource.query('SELECT id, status FROM members WHERE phone = ?', [
      phone,
    ]);
    return rows[0] ?? null;
  }

  async memberStatus(memberId: string): Promise<string | null> {
    const rows: Array<{ status: string }> = await this.dataSource.query('SELECT status FROM members WHERE id = ?', [memberId]);
    return rows[0]?.status ?? null;
  }

  async insertRefresh(m: EntityManager | null, row: RefreshRow & { createdAt: Date }): Promise<void> {
    await (m ?? this.dataSource.manager).query(
      `INSERT INTO member_refresh_tokens (id, family_id, member_id, token_hash, created_at, expires_at, used_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
      [row.id, row.familyId, row.memberId, row.tokenHash, row.createdAt, row.expiresAt],
    );
  }

  async lockRefresh(m: EntityManager, id: string): Promise<RefreshRow | null> {
    const rows: Array<Record<string, unknown>> = await m.query(
      'SELECT id, family_id, member_id, token_hash, expires_at, used_at, revoked_at FROM member_refresh_tokens WHERE id = ? FOR UPDATE',
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: String(r.id),
          familyId: String(r.family_id),
          memberId: String(r.member_id),
          tokenHash: String(r.token_hash),
          expiresAt: r.expires_at as Date,
          usedAt: (r.used_at as Date | null) ?? null,
          revokedAt: (r.revoked_at as Date | null) ?? null,
        }
      : null;
  }

  async markUsed(m: EntityManager, id: string, now: Date): Promise<void> {
    await m.query('UPDATE member_refresh_tokens SET used_at = ? WHERE id = ?', [now, id]);
  }

  /** Revokes every token of a sign-in; answers how many were still open. */
  async revokeFamily(m: EntityManager | null, familyId: string, now: Date): Promise<number> {
    const res: WriteResult = await (m ?? this.dataSource.manager).query(
      'UPDATE member_refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL',
      [now, familyId],
    );
    return res.affectedRows;
  }

  async deleteExpired(memberId: string, now: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM member_refresh_tokens WHERE member_id = ? AND expires_at < ?', [memberId, now]);
  }

  // ---------- registration ----------

  async bindableCard(m: EntityManager, cardNo: string): Promise<BindableCard | null> {
    const rows: Array<Record<string, string | null>> = await m.query(
      `SELECT c.card_no, c.member_id, c.status, mb.status AS member_status, mb.phone
         FROM cards c JOIN members mb ON mb.id = c.member_id WHERE c.card_no = ? FOR UPDATE`,
      [cardNo],
    );
    const r = rows[0];
    return r
      ? {
          cardNo: String(r.card_no),
          memberId: String(r.member_id),
          status: String(r.status),
          memberStatus: String(r.member_status),
          memberPhone: r.phone ?? null,
        }
      : null;
  }

  /** Turns the temporary member of a counter card into a registered one; only while it is still temporary. */
  async registerTemporary(
    m: EntityManager,
    memberId: string,
    profile: { name: string; phone: string; email: string | null; birthday: string | null; gender: string | null; city: string | null },
    now: Date,
  ): Promise<boolean> {
    const res: WriteResult = await m.query(
      `UPDATE members SET status = 'active', name = ?, phone = ?, email = ?, birthday = ?, gender = ?, city = ?, registered_at = ?, updated_at = ?
        WHERE id = ? AND status = 'temporary' AND phone IS NULL`,
      [profile.name, profile.phone, profile.email, profile.birthday, profile.gender, profile.city, now, now, memberId],
    );
    await m.query("UPDATE cards SET kind = 'standard' WHERE member_id = ? AND kind = 'temporary'", [memberId]);
    return res.affectedRows === 1;
  }

  async insertConsents(m: EntityManager, memberId: string, consents: Array<[string, boolean]>, now: Date): Promise<void> {
    for (const [channel, granted] of consents) {
      await m.query(
        `INSERT INTO member_consents (member_id, channel, granted, source, updated_at) VALUES (?, ?, ?, 'member', ?)
         ON DUPLICATE KEY UPDATE granted = VALUES(granted), source = VALUES(source), updated_at = VALUES(updated_at)`,
        [memberId, channel, granted, now],
      );
    }
  }

  // ---------- points ----------

  /** Unspent lots expiring before `until`, oldest first. */
  async openLots(memberId: string, until: Date): Promise<Array<{ remaining: number; expiresAt: Date }>> {
    const rows: Array<{ remaining: string; expires_at: Date }> = await this.dataSource.query(
      'SELECT remaining, expires_at FROM point_lots WHERE member_id = ? AND expires_at < ? AND remaining > 0 ORDER BY expires_at',
      [memberId, until],
    );
    return rows.map((r) => ({ remaining: toInt(r.remaining), expiresAt: r.expires_at }));
  }

  async account(memberId: string): Promise<{ balance: number; pending: number; lifetimeEarned: number; lifetimeRedeemed: number }> {
    const rows: Array<Record<string, string>> = await this.dataSource.query(
      'SELECT balance, pending, lifetime_earned, lifetime_redeemed FROM point_accounts WHERE member_id = ?',
      [memberId],
    );
    const r = rows[0];
    return {
      balance: toInt(r?.balance ?? 0),
      pending: toInt(r?.pending ?? 0),
      lifetimeEarned: toInt(r?.lifetime_earned ?? 0),
      lifetimeRedeemed: toInt(r?.lifetime_redeemed ?? 0),
    };
  }

  // ---------- history ----------

  /** The member's ledger entries, newest first, older than `beforeId`. */
  async entries(memberId: string, beforeId: number | null, limit: number): Promise<Array<LedgerFact & { storeId: string | null }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, type, points, balance_after, store_id, ref_type, ref_id, created_at FROM point_entries
        WHERE member_id = ? ${beforeId ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
      beforeId ? [memberId, beforeId, limit] : [memberId, limit],
    );
    return rows.map((r) => ({
      entryId: toInt(r.id),
      type: String(r.type),
      points: toInt(r.points),
      balanceAfter: toInt(r.balance_after),
      storeId: (r.store_id as string | null) ?? null,
      refType: String(r.ref_type),
      refId: String(r.ref_id),
      createdAt: r.created_at as Date,
    }));
  }

  /** Purchases by id, only the member's own. */
  async purchases(memberId: string, purchaseIds: string[]): Promise<Map<string, PurchaseRef>> {
    const out = new Map<string, PurchaseRef>();
    if (purchaseIds.length === 0) {
      return out;
    }
    const rows: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT id, store_id, receipt_no, total_cents, response FROM purchases WHERE member_id = ? AND id IN (${ids(purchaseIds.length)})`,
      [memberId, ...purchaseIds],
    );
    for (const r of rows) {
      out.set(r.id, { id: r.id, storeId: r.store_id, receiptNo: r.receipt_no, totalCents: toInt(r.total_cents), response: r.response });
    }
    return out;
  }

  /** Refunds by id with their receipt, only the member's own. */
  async refunds(memberId: string, refundIds: string[]): Promise<Map<string, { storeId: string; refundNo: string; receiptNo: string }>> {
    const out = new Map<string, { storeId: string; refundNo: string; receiptNo: string }>();
    if (refundIds.length === 0) {
      return out;
    }
    const rows: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT f.id, f.store_id, f.refund_no, p.receipt_no FROM refunds f JOIN purchases p ON p.id = f.purchase_id
        WHERE f.member_id = ? AND f.id IN (${ids(refundIds.length)})`,
      [memberId, ...refundIds],
    );
    for (const r of rows) {
      out.set(r.id, { storeId: r.store_id, refundNo: r.refund_no, receiptNo: r.receipt_no });
    }
    return out;
  }

  async redemptions(
    memberId: string,
    redemptionIds: string[],
  ): Promise<Map<string, { storeId: string; redemptionNo: string; discountCents: number }>> {
    const out = new Map<string, { storeId: string; redemptionNo: string; discountCents: number }>();
    if (redemptionIds.length === 0) {
      return out;
    }
    const rows: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT id, store_id, redemption_no, discount_cents FROM redemptions WHERE member_id = ? AND id IN (${ids(redemptionIds.length)})`,
      [memberId, ...redemptionIds],
    );
    for (const r of rows) {
      out.set(r.id, { storeId: r.store_id, redemptionNo: r.redemption_no, discountCents: toInt(r.discount_cents) });
    }
    return out;
  }

  async storeNames(storeIds: string[]): Promise<Map<string, string>> {
    if (storeIds.length === 0) {
      return new Map();
    }
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
      `SELECT id, name FROM stores WHERE id IN (${ids(storeIds.length)})`,
      storeIds,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async campaignNames(campaignIds: string[]): Promise<Map<string, string>> {
    if (campaignIds.length === 0) {
      return new Map();
    }
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
      `SELECT id, name FROM campaigns WHERE id IN (${ids(campaignIds.length)})`,
      campaignIds,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async lotsEarnedAt(memberId: string, lotIds: number[]): Promise<Map<number, Date>> {
    if (lotIds.length === 0) {
      return new Map();
    }
    const rows: Array<{ id: string; earned_at: Date }> = await this.dataSource.query(
      `SELECT id, earned_at FROM point_lots WHERE member_id = ? AND id IN (${ids(lotIds.length)})`,
      [memberId, ...lotIds],
    );
    return new Map(rows.map((r) => [toInt(r.id), r.earned_at]));
  }

  // ---------- tier ----------

  /** Sums of the qualifying months from `fromMonth` (YYYY-MM-01) on. */
  async qualifyingStats(memberId: string, fromMonth: string): Promise<QualifyingStats> {
    return (await readQualifyingStats(this.dataSource, [memberId], { start: fromMonth })).get(memberId) ?? ZERO_STATS;
  }

  async openGrant(memberId: string, now: Date): Promise<{ tierCode: string; endsAt: Date } | null> {
    const rows: Array<{ tier_code: string; ends_at: Date }> = await this.dataSource.query(
      'SELECT tier_code, ends_at FROM tier_grants WHERE member_id = ? AND ended_at IS NULL AND ends_at > ? ORDER BY ends_at DESC LIMIT 1',
      [memberId, now],
    );
    return rows[0] ? { tierCode: rows[0].tier_code, endsAt: rows[0].ends_at } : null;
  }

  // ---------- clubs ----------

  /** Active clubs the member is or was in, and open clubs; `afterCode` pages by club code. */
  async clubsFor(memberId: string, afterCode: string | null, limit: number): Promise<MyClubRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT c.id, c.code, c.name, c.name_en, c.description, c.join_policy, cm.status, cm.joined_at, cm.left_at
         FROM clubs c LEFT JOIN club_members cm ON cm.club_id = c.id AND cm.member_id = ?
        WHERE c.status = 'active' AND (cm.member_id IS NOT NULL OR c.join_policy = 'open') ${afterCode ? 'AND c.code > ?' : ''}
        ORDER BY c.code LIMIT ?`,
      afterCode ? [memberId, afterCode, limit] : [memberId, limit],
    );
    return rows.map(clubRow);
  }

  /** One club as the member sees it (whatever its policy), or null. */
  async clubFor(memberId: string, clubId: string): Promise<MyClubRow | null> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT c.id, c.code, c.name, c.name_en, c.description, c.join_policy, cm.status, cm.joined_at, cm.left_at
         FROM clubs c LEFT JOIN club_members cm ON cm.club_id = c.id AND cm.member_id = ? WHERE c.id = ?`,
      [memberId, clubId],
    );
    return rows[0] ? clubRow(rows[0]) : null;
  }

  // ---------- cards and consents ----------

  async cards(
    memberId: string,
  ): Promise<Array<{ cardNo: string; status: string; kind: string; replacedBy: string | null; issuedAt: Date }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      "SELECT card_no, status, kind, replaced_by, issued_at FROM cards WHERE member_id = ? ORDER BY status = 'active' DESC, issued_at DESC",
      [memberId],
    );
    return rows.map((r) => ({
      cardNo: String(r.card_no),
      status: String(r.status),
      kind: String(r.kind),
      replacedBy: (r.replaced_by as string | null) ?? null,
      issuedAt: r.issued_at as Date,
    }));
  }

  async consents(memberId: string): Promise<Map<string, { granted: boolean; updatedAt: Date }>> {
    const rows: Array<{ channel: string; granted: number; updated_at: Date }> = await this.dataSource.query(
      'SELECT channel, granted, updated_at FROM member_consents WHERE member_id = ?',
      [memberId],
    );
    return new Map(rows.map((r) => [r.channel, { granted: Boolean(Number(r.granted)), updatedAt: r.updated_at }]));
  }

  /** The member's consent changes (member_changes consent.*), newest first. */
  async consentHistory(
    memberId: string,
    limit: number,
  ): Promise<Array<{ field: string; oldValue: string | null; newValue: string | null; actorType: string; createdAt: Date }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT field, old_value, new_value, actor_type, created_at FROM member_changes
        WHERE member_id = ? AND field LIKE 'consent.%' ORDER BY id DESC LIMIT ?`,
      [memberId, limit],
    );
    return rows.map((r) => ({
      field: String(r.field),
      oldValue: (r.old_value as string | null) ?? null,
      newValue: (r.new_value as string | null) ?? null,
      actorType: String(r.actor_type),
      createdAt: r.created_at as Date,
    }));
  }
}
