import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';

export interface CardRow {
  cardNo: string;
  memberId: string;
  status: string;
}

/** A merge's survivor cannot itself be merged away, so chains stay short; this bounds a corrupt cycle. */
const MAX_MERGE_HOPS = 8;

/** SQL of members and their cards used by the postings: lookups by card, phone and id, many at a time. */
@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cardsByNumber(cardNos: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, CardRow>> {
    const out = new Map<string, CardRow>();
    const unique = [...new Set(cardNos)];
    if (unique.length === 0) {
      return out;
    }
    const rows: Array<{ card_no: string; member_id: string; status: string }> = await m.query(
      `SELECT card_no, member_id, status FROM cards WHERE card_no IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    for (const r of rows) {
      out.set(r.card_no, { cardNo: r.card_no, memberId: r.member_id, status: r.status });
    }
    return out;
  }

  /** phone → member id. A member who asked to be erased is nobody by phone from the request on (their phone is cleared later by the worker). */
  async memberIdsByPhone(phones: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const unique = [...new Set(phones)];
    if (unique.length === 0) {
      return new Map();
    }
    const rows: Array<{ id: string; phone: string }> = await m.query(
      `SELECT id, phone FROM members WHERE phone IN (${unique.map(() => '?').join(', ')}) AND status NOT IN ('erasing', 'erased')`,
      unique,
    );
    return new Map(rows.map((r) => [r.phone, r.id]));
  }

  /**
   * The member each id names for the POS: itself, or (POS-API 1.2 "Member reference") the survivor it was
   * merged into, following a chain of merges, as its cards did. Ids of unknown, erasing or erased members
   * (or merged into one) are left out.
   */
  async survivingMemberIds(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    /** requested id → the id to look at next */
    let pending = new Map([...new Set(ids)].map((id) => [id, id]));
    for (let hop = 0; pending.size > 0 && hop < MAX_MERGE_HOPS; hop++) {
      const look = [...new Set(pending.values())];
      const rows: Array<{ id: string; status: string; merged_into: string | null }> = await m.query(
        `SELECT id, status, merged_into FROM members WHERE id IN (${look.map(() => '?').join(', ')})`,
        look,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const next = new Map<string, string>();
      for (const [requested, at] of pending) {
        const row = byId.get(at);
        if (row?.status === 'merged' && row.merged_into) {
          next.set(requested, row.merged_into);
        } else if (row && row.status !== 'erasing' && row.status !== 'erased' && row.status !== 'merged') {
          // A member who asked to be erased is nobody to the POS (as their phone and closed cards already are).
          out.set(requested, row.id);
        }
      }
      pending = next;
    }
    return out;
  }

  /**
   * What a till sees of a member, in one statement: profile, tier, balance and the card to show. By phone or id, a
   * member who asked to be erased is not found; by card, their cards were closed by the request (CARD_INACTIVE).
   */
  async posView(ref: { cardNo?: string; phone?: string; memberId?: string }): Promise<PosMemberView | null> {
    const columns = `m.id, m.name, m.phone, m.tier_code, COALESCE(a.balance, 0) AS balance, COALESCE(a.pending, 0) AS pending`;
    const rows: Array<Record<string, string | null>> = ref.cardNo
      ? await this.dataSource.query(
          `SELECT ${columns}, c.card_no, c.status AS card_status
             FROM cards c JOIN members m ON m.id = c.member_id LEFT JOIN point_accounts a ON a.member_id = m.id
            WHERE c.card_no = ?`,
          [ref.cardNo],
        )
      : await this.dataSource.query(
          `SELECT ${columns}, NULL AS card_status,
                  (SELECT card_no FROM cards WHERE member_id = m.id AND status = 'active' ORDER BY issued_at DESC LIMIT 1) AS card_no
             FROM members m LEFT JOIN point_accounts a ON a.member_id = m.id
            WHERE ${ref.memberId !== undefined ? 'm.id = ?' : 'm.phone = ?'} AND m.status NOT IN ('erasing', 'erased')`,
          [ref.memberId ?? ref.phone],
        );
    const r = rows[0];
    if (!r) {
      return null;
    }
    return {
      memberId: String(r.id),
      name: r.name,
      phone: r.phone,
      tierCode: String(r.tier_code),
      balance: toInt(r.balance),
      pending: toInt(r.pending),
      cardNo: r.card_no,
      cardStatus: r.card_status,
    };
  }

  /**
   * The cards' status under a shared lock: a freeze committed after the card
   * was first read is seen here, and a freeze still running waits for the
   * posting. LOCK IN SHARE MODE runs on MySQL 8 and MariaDB alike.
   */
  async lockCardStatuses(m: EntityManager, cardNos: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(cardNos)].sort();
    if (unique.length === 0) {
      return new Map();
    }
    const rows: Array<{ card_no: string; status: string }> = await m.query(
      `SELECT card_no, status FROM cards WHERE card_no IN (${unique.map(() => '?').join(', ')}) ORDER BY card_no LOCK IN SHARE MODE`,
      unique,
    );
    return new Map(rows.map((r) => [r.card_no, r.status]));
  }
}

export interface PosMemberView {
  memberId: string;
  name: string | null;
  phone: string | null;
  tierCode: string;
  balance: number;
  pending: number;
  /** The card used for the lookup, or the member's newest active card. */
  cardNo: string | null;
  /** Status of the card used for the lookup (null for a lookup by phone or member code). */
  cardStatus: string | null;
}
