import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toInt } from '../../common/transformers';
import { marks, select, selectOne } from '../../database/sql';
import { QualifyingStats, ZERO_STATS } from '../points/rules/qualifying-sums';
import { readQualifyingStats } from '../points/ledger/qualifying-sums.queries';
import { AGREEMENT_DOCUMENTS } from '../members/entities/member-consent.entity';
import { RANK_REVIEW } from '../tiers/rank-review/start-rank-review.use-case';
import { LedgerFact } from './rules/history-wording';

const RANK_REVIEW_KIND = RANK_REVIEW.kind;

export interface PurchaseRef {
  id: string;
  storeId: string;
  receiptNo: string;
  totalCents: number;
  /** When the purchase took place at the till (an offline receipt arrives later). */
  occurredAt: Date;
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

interface ClubRow {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  join_policy: string;
  status: 'active' | 'left' | null;
  joined_at: Date | null;
  left_at: Date | null;
}

function clubRow(r: ClubRow): MyClubRow {
  return {
    clubId: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en ?? '',
    description: r.description ?? null,
    joinPolicy: r.join_policy,
    status: r.status ?? null,
    joinedAt: r.joined_at ?? null,
    leftAt: r.left_at ?? null,
  };
}

/**
 * The member portal's read model: what the member's screens show, over the tables of the modules that own
 * them. Reads only; every read is keyed by the signed-in member's id. (Writes go through the owners.)
 */
@Injectable()
export class PortalQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---------- points ----------

  /** Unspent lots expiring before `until`, oldest first. */
  async openLots(memberId: string, until: Date): Promise<Array<{ remaining: number; expiresAt: Date }>> {
    const rows = await select<{ remaining: string; expires_at: Date }>(
      this.dataSource.manager,
      'SELECT remaining, expires_at FROM point_lots WHERE member_id = ? AND expires_at < ? AND remaining > 0 ORDER BY expires_at',
      [memberId, until],
    );
    return rows.map((r) => ({ remaining: toInt(r.remaining), expiresAt: r.expires_at }));
  }

  async account(memberId: string): Promise<{ balance: number; pending: number; lifetimeEarned: number; lifetimeRedeemed: number }> {
    const r = await selectOne<{ balance: string; pending: string; lifetime_earned: string; lifetime_redeemed: string }>(
      this.dataSource.manager,
      'SELECT balance, pending, lifetime_earned, lifetime_redeemed FROM point_accounts WHERE member_id = ?',
      [memberId],
    );
    return {
      balance: toInt(r?.balance ?? 0),
      pending: toInt(r?.pending ?? 0),
      lifetimeEarned: toInt(r?.lifetime_earned ?? 0),
      lifetimeRedeemed: toInt(r?.lifetime_redeemed ?? 0),
    };
  }

  // ---------- history ----------

  /** The member's ledger entries, newest first, older than `beforeId`; earned: those adding points, spent: those taking them. */
  async entries(
    memberId: string,
    beforeId: number | null,
    limit: number,
    direction: 'earned' | 'spent' | null = null,
  ): Promise<Array<LedgerFact & { storeId: string | null }>> {
    const sign = direction === 'earned' ? 'AND points > 0' : direction === 'spent' ? 'AND points < 0' : '';
    const rows = await select<{
      id: string;
      type: string;
      points: string | number;
      balance_after: string | number;
      store_id: string | null;
      ref_type: string;
      ref_id: string;
      created_at: Date;
    }>(
      this.dataSource.manager,
      `SELECT id, type, points, balance_after, store_id, ref_type, ref_id, created_at FROM point_entries
        WHERE member_id = ? ${beforeId ? 'AND id < ?' : ''} ${sign} ORDER BY id DESC LIMIT ?`,
      beforeId ? [memberId, beforeId, limit] : [memberId, limit],
    );
    return rows.map((r) => ({
      entryId: toInt(r.id),
      type: r.type,
      points: toInt(r.points),
      balanceAfter: toInt(r.balance_after),
      storeId: r.store_id ?? null,
      refType: r.ref_type,
      refId: r.ref_id,
      createdAt: r.created_at,
    }));
  }

  /** Purchases by id, only the member's own. */
  async purchases(memberId: string, purchaseIds: string[]): Promise<Map<string, PurchaseRef>> {
    const out = new Map<string, PurchaseRef>();
    if (purchaseIds.length === 0) {
      return out;
    }
    const rows = await select<{
      id: string;
      store_id: string;
      receipt_no: string;
      total_cents: string;
      occurred_at: Date;
      response: string;
    }>(
      this.dataSource.manager,
      `SELECT id, store_id, receipt_no, total_cents, occurred_at, response FROM purchases WHERE member_id = ? AND id IN (${marks(purchaseIds.length)})`,
      [memberId, ...purchaseIds],
    );
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        storeId: r.store_id,
        receiptNo: r.receipt_no,
        totalCents: toInt(r.total_cents),
        occurredAt: r.occurred_at,
        response: r.response,
      });
    }
    return out;
  }

  /** Refunds by id with their receipt, only the member's own. */
  async refunds(memberId: string, refundIds: string[]): Promise<Map<string, { storeId: string; refundNo: string; receiptNo: string }>> {
    const out = new Map<string, { storeId: string; refundNo: string; receiptNo: string }>();
    if (refundIds.length === 0) {
      return out;
    }
    const rows = await select<{ id: string; store_id: string; refund_no: string; receipt_no: string }>(
      this.dataSource.manager,
      `SELECT f.id, f.store_id, f.refund_no, p.receipt_no FROM refunds f JOIN purchases p ON p.id = f.purchase_id
        WHERE f.member_id = ? AND f.id IN (${marks(refundIds.length)})`,
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
    const rows = await select<{ id: string; store_id: string; redemption_no: string; discount_cents: string }>(
      this.dataSource.manager,
      `SELECT id, store_id, redemption_no, discount_cents FROM redemptions WHERE member_id = ? AND id IN (${marks(redemptionIds.length)})`,
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
    const rows = await select<{ id: string; name: string }>(
      this.dataSource.manager,
      `SELECT id, name FROM stores WHERE id IN (${marks(storeIds.length)})`,
      storeIds,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async campaignNames(campaignIds: string[]): Promise<Map<string, string>> {
    if (campaignIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ id: string; name: string }>(
      this.dataSource.manager,
      `SELECT id, name FROM campaigns WHERE id IN (${marks(campaignIds.length)})`,
      campaignIds,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async lotsEarnedAt(memberId: string, lotIds: number[]): Promise<Map<number, Date>> {
    if (lotIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ id: string; earned_at: Date }>(
      this.dataSource.manager,
      `SELECT id, earned_at FROM point_lots WHERE member_id = ? AND id IN (${marks(lotIds.length)})`,
      [memberId, ...lotIds],
    );
    return new Map(rows.map((r) => [toInt(r.id), r.earned_at]));
  }

  // ---------- tier ----------

  /** Sums of the qualifying months from `fromMonth` (YYYY-MM-01) on. */
  async qualifyingStats(memberId: string, fromMonth: string): Promise<QualifyingStats> {
    return (await readQualifyingStats(this.dataSource, [memberId], { start: fromMonth })).get(memberId) ?? ZERO_STATS;
  }

  /**
   * Where the member stands for a rank tier: the value score and place (value_rank: 1 = the most valuable) of the
   * last value run; the last completed rank review (when it ended, how many it picked for the tier, the lowest value
   * score among them as it stands now, and whether the member was one); the membership that share-sized seats count.
   */
  async rankStanding(
    memberId: string,
    tierCode: string,
  ): Promise<{
    score: number | null;
    place: number | null;
    population: number;
    lastReview: { at: Date; picked: number; cutoffScore: number | null; memberPicked: boolean } | null;
  }> {
    const m = this.dataSource.manager;
    const [mine, population, review] = await Promise.all([
      selectOne<{ score: string; value_rank: number | null }>(m, 'SELECT score, value_rank FROM member_values WHERE member_id = ?', [
        memberId,
      ]),
      selectOne<{ n: string }>(m, "SELECT COUNT(*) AS n FROM members WHERE status NOT IN ('merged', 'erasing', 'erased')", []),
      selectOne<{ id: string; updated_at: Date }>(
        m,
        "SELECT id, updated_at FROM job_runs WHERE kind = ? AND state = 'completed' ORDER BY created_at DESC, id DESC LIMIT 1",
        [RANK_REVIEW_KIND],
      ),
    ]);
    let lastReview = null;
    if (review) {
      const picks = await selectOne<{ picked: string; cutoff: string | null; mine: string | null }>(
        m,
        `SELECT COUNT(*) AS picked, MIN(mv.score) AS cutoff, MAX(p.member_id = ?) AS mine
           FROM rank_review_picks p LEFT JOIN member_values mv ON mv.member_id = p.member_id
          WHERE p.run_id = ? AND p.tier_code = ?`,
        [memberId, review.id, tierCode],
      );
      lastReview = {
        at: review.updated_at,
        picked: toInt(picks?.picked ?? 0),
        cutoffScore: picks?.cutoff === null || picks?.cutoff === undefined ? null : toInt(picks.cutoff),
        memberPicked: Number(picks?.mine ?? 0) === 1,
      };
    }
    return {
      score: mine ? toInt(mine.score) : null,
      place: mine?.value_rank ?? null,
      population: toInt(population?.n ?? 0),
      lastReview,
    };
  }

  async openGrant(memberId: string, now: Date): Promise<{ tierCode: string; endsAt: Date } | null> {
    const rows = await select<{ tier_code: string; ends_at: Date }>(
      this.dataSource.manager,
      'SELECT tier_code, ends_at FROM tier_grants WHERE member_id = ? AND ended_at IS NULL AND ends_at > ? ORDER BY ends_at DESC LIMIT 1',
      [memberId, now],
    );
    return rows[0] ? { tierCode: rows[0].tier_code, endsAt: rows[0].ends_at } : null;
  }

  // ---------- clubs ----------

  /** Active clubs the member is or was in, and open clubs; `afterCode` pages by club code. */
  async clubsFor(memberId: string, afterCode: string | null, limit: number): Promise<MyClubRow[]> {
    const rows = await select<ClubRow>(
      this.dataSource.manager,
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
    const rows = await select<ClubRow>(
      this.dataSource.manager,
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
    const rows = await select<{ card_no: string; status: string; kind: string; replaced_by: string | null; issued_at: Date }>(
      this.dataSource.manager,
      "SELECT card_no, status, kind, replaced_by, issued_at FROM cards WHERE member_id = ? ORDER BY status = 'active' DESC, issued_at DESC",
      [memberId],
    );
    return rows.map((r) => ({
      cardNo: r.card_no,
      status: r.status,
      kind: r.kind,
      replacedBy: r.replaced_by ?? null,
      issuedAt: r.issued_at,
    }));
  }

  async consents(memberId: string): Promise<Map<string, { granted: boolean; updatedAt: Date }>> {
    const rows = await select<{ channel: string; granted: number; updated_at: Date }>(
      this.dataSource.manager,
      'SELECT channel, granted, updated_at FROM member_consents WHERE member_id = ?',
      [memberId],
    );
    return new Map(rows.map((r) => [r.channel, { granted: Boolean(Number(r.granted)), updatedAt: r.updated_at }]));
  }

  /** The documents (terms, privacy notice) the member agreed to, with the version and when. */
  async agreements(memberId: string): Promise<Array<{ document: string; version: string; at: Date }>> {
    const rows = await select<{ channel: string; version: string | null; updated_at: Date }>(
      this.dataSource.manager,
      `SELECT channel, version, updated_at FROM member_consents WHERE member_id = ? AND channel IN (${marks(AGREEMENT_DOCUMENTS.length)}) AND granted
        ORDER BY channel`,
      [memberId, ...AGREEMENT_DOCUMENTS],
    );
    return rows.map((r) => ({ document: r.channel, version: r.version ?? '', at: r.updated_at }));
  }

  /** The member's consent changes (member_changes consent.*), newest first. */
  async consentHistory(
    memberId: string,
    limit: number,
  ): Promise<Array<{ field: string; oldValue: string | null; newValue: string | null; actorType: string; createdAt: Date }>> {
    const rows = await select<{ field: string; old_value: string | null; new_value: string | null; actor_type: string; created_at: Date }>(
      this.dataSource.manager,
      `SELECT field, old_value, new_value, actor_type, created_at FROM member_changes
        WHERE member_id = ? AND field LIKE 'consent.%' ORDER BY id DESC LIMIT ?`,
      [memberId, limit],
    );
    return rows.map((r) => ({
      field: r.field,
      oldValue: r.old_value ?? null,
      newValue: r.new_value ?? null,
      actorType: r.actor_type,
      createdAt: r.created_at,
    }));
  }
}
