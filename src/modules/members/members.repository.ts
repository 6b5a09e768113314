import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { placeholders } from '../../database/multi-row';
import { execute, marks, select, selectOne } from '../../database/sql';
import { AgreementDocument } from './entities/member-consent.entity';
import { Member, MemberStatus } from './entities/member.entity';

/** A document (terms, privacy notice) agreed to, at a version. */
export interface Agreement {
  document: AgreementDocument;
  version: string;
}

export interface CardRow {
  cardNo: string;
  memberId: string;
  status: string;
}

/** A merge's survivor cannot itself be merged away, so chains stay short; this bounds a corrupt cycle. */
const MAX_MERGE_HOPS = 8;

/**
 * The owner of the member aggregate: `members` and the tables that hang off a member's profile
 * (member_consents, member_changes, member_notes, member_tags). Every write to them is here; the
 * postings' lookups by card, phone and id (many at a time) read through it too.
 */
@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cardsByNumber(cardNos: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, CardRow>> {
    const out = new Map<string, CardRow>();
    const unique = [...new Set(cardNos)];
    if (unique.length === 0) {
      return out;
    }
    const rows = await select<{ card_no: string; member_id: string; status: string }>(
      m,
      `SELECT card_no, member_id, status FROM cards WHERE card_no IN (${marks(unique.length)})`,
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
    const rows = await select<{ id: string; phone: string }>(
      m,
      `SELECT id, phone FROM members WHERE phone IN (${marks(unique.length)}) AND status NOT IN ('erasing', 'erased')`,
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
      const rows = await select<{ id: string; status: string; merged_into: string | null }>(
        m,
        `SELECT id, status, merged_into FROM members WHERE id IN (${marks(look.length)})`,
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
    // The member's active clubs ride along (one round trip per till lookup instead of two); club codes are
    // [A-Z0-9_-], so a comma separates them safely.
    const columns = `m.id, m.name, m.phone, m.tier_code, COALESCE(a.balance, 0) AS balance, COALESCE(a.pending, 0) AS pending,
      (SELECT GROUP_CONCAT(cl.code ORDER BY cl.code SEPARATOR ',') FROM club_members cm JOIN clubs cl ON cl.id = cm.club_id
        WHERE cm.member_id = m.id AND cm.status = 'active' AND cl.status = 'active') AS club_codes`;
    const rows = ref.cardNo
      ? await select<PosViewRow>(
          this.dataSource.manager,
          `SELECT ${columns}, c.card_no, c.status AS card_status
             FROM cards c JOIN members m ON m.id = c.member_id LEFT JOIN point_accounts a ON a.member_id = m.id
            WHERE c.card_no = ?`,
          [ref.cardNo],
        )
      : await select<PosViewRow>(
          this.dataSource.manager,
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
      memberId: r.id,
      name: r.name,
      phone: r.phone,
      tierCode: r.tier_code,
      balance: toInt(r.balance),
      pending: toInt(r.pending),
      cardNo: r.card_no,
      cardStatus: r.card_status,
      clubCodes: r.club_codes ? r.club_codes.split(',') : [],
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
    const rows = await select<{ card_no: string; status: string }>(
      m,
      `SELECT card_no, status FROM cards WHERE card_no IN (${marks(unique.length)}) ORDER BY card_no LOCK IN SHARE MODE`,
      unique,
    );
    return new Map(rows.map((r) => [r.card_no, r.status]));
  }

  // ---- members ----------------------------------------------------------------

  find(memberId: string, m: EntityManager = this.dataSource.manager): Promise<Member | null> {
    return m.getRepository(Member).findOne({ where: { id: memberId } });
  }

  /** The member row, locked for the caller's transaction. */
  lock(m: EntityManager, memberId: string): Promise<Member | null> {
    return m.getRepository(Member).findOne({ where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
  }

  /** A new member; a phone already held fails with the duplicate key ux_members_phone. */
  async insert(m: EntityManager, member: Member): Promise<void> {
    await m.insert(Member, member);
  }

  /** Many new registered members in one statement (the CSV import). */
  async insertImported(m: EntityManager, members: ImportedMemberRow[], tierCode: string, now: Date): Promise<void> {
    if (members.length === 0) {
      return;
    }
    await execute(
      m,
      `INSERT INTO members (id, status, name, phone, email, birthday, tier_code, tier_since, registered_at, created_at, updated_at, external_id)
       VALUES ${placeholders(members.length, 12)}`,
      members.flatMap((f) => [f.id, 'active', f.name, f.phone, f.email, f.birthday, tierCode, now, now, now, now, f.externalId]),
    );
  }

  /** value → member id, for the members whose external id (or phone) is one of the values, whatever their status. */
  async idsBy(m: EntityManager, column: 'external_id' | 'phone', values: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(values)];
    if (unique.length === 0) {
      return new Map();
    }
    const rows = await select<{ id: string; v: string }>(
      m,
      `SELECT id, ${column} AS v FROM members WHERE ${column} IN (${marks(unique.length)})`,
      unique,
    );
    return new Map(rows.map((r) => [r.v, r.id]));
  }

  /**
   * The empty points account every new member is born with, in the enrolment's transaction. The ledger
   * (points module, which sits above members and imports them) writes the account from then on; opening it
   * here keeps the enrolment below the points module.
   */
  async openAccounts(m: EntityManager, memberIds: string[], now: Date): Promise<void> {
    if (memberIds.length === 0) {
      return;
    }
    await execute(
      m,
      `INSERT INTO point_accounts (member_id, balance, pending, lifetime_earned, lifetime_redeemed, updated_at) VALUES ${placeholders(memberIds.length, 6)}`,
      memberIds.flatMap((id) => [id, 0, 0, 0, 0, now]),
    );
  }

  /** The member holding a phone, whatever its status. */
  byPhone(phone: string): Promise<{ id: string; status: string } | null> {
    return selectOne<{ id: string; status: string }>(this.dataSource.manager, 'SELECT id, status FROM members WHERE phone = ?', [phone]);
  }

  async statusOf(memberId: string): Promise<string | null> {
    const r = await selectOne<{ status: string }>(this.dataSource.manager, 'SELECT status FROM members WHERE id = ?', [memberId]);
    return r?.status ?? null;
  }

  /** Sets profile columns (the caller names only columns it may change). */
  async updateColumns(m: EntityManager, memberId: string, columns: Array<{ column: string; value: string | null }>, now: Date) {
    await execute(m, `UPDATE members SET ${columns.map((c) => `${c.column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
      ...columns.map((c) => c.value),
      now,
      memberId,
    ]);
  }

  async setStatus(m: EntityManager, memberId: string, status: MemberStatus, now: Date): Promise<void> {
    await execute(m, 'UPDATE members SET status = ?, updated_at = ? WHERE id = ?', [status, now, memberId]);
  }

  /** Turns the temporary member of a counter card into a registered one; only while it is still temporary. */
  async registerTemporary(
    m: EntityManager,
    memberId: string,
    profile: { name: string; phone: string; email: string | null; birthday: string | null; gender: string | null; city: string | null },
    now: Date,
  ): Promise<boolean> {
    const res = await execute(
      m,
      `UPDATE members SET status = 'active', name = ?, phone = ?, email = ?, birthday = ?, gender = ?, city = ?, registered_at = ?, updated_at = ?
        WHERE id = ? AND status = 'temporary' AND phone IS NULL`,
      [profile.name, profile.phone, profile.email, profile.birthday, profile.gender, profile.city, now, now, memberId],
    );
    return res.affectedRows === 1;
  }

  /** Both members of a merge, as the merge reads them inside its transaction. */
  forMerge(m: EntityManager, ids: [string, string]): Promise<MergeMemberRow[]> {
    return select<MergeMemberRow>(m, 'SELECT id, status, tier_code, phone, merged_into FROM members WHERE id IN (?, ?)', ids);
  }

  /** The source of a merge: status merged, pointing at the survivor, its phone freed. */
  async markMerged(m: EntityManager, sourceId: string, survivorId: string, now: Date): Promise<void> {
    await execute(m, "UPDATE members SET status = 'merged', merged_into = ?, phone = NULL, updated_at = ? WHERE id = ?", [
      survivorId,
      now,
      sourceId,
    ]);
  }

  /**
   * An erasure: every personal field of the profile cleared, the status given. The external id (the
   * previous system's key, not personal by itself) stays, so importing the same file again answers
   * `exists` instead of bringing the person back.
   */
  async anonymise(m: EntityManager, memberIds: string[], status: (id: string) => MemberStatus, now: Date): Promise<number> {
    let n = 0;
    for (const id of memberIds) {
      const res = await execute(
        m,
        `UPDATE members SET name = NULL, phone = NULL, email = NULL, birthday = NULL, gender = NULL, address = NULL, city = NULL,
                status = ?, updated_at = ? WHERE id = ?`,
        [status(id), now, id],
      );
      n += res.affectedRows;
    }
    return n;
  }

  /** The profiles of the members, and every value their personal fields held before (from the change history). */
  async personalValues(
    m: EntityManager,
    memberIds: string[],
    fields: string[],
  ): Promise<{ profiles: Array<Record<string, string | null>>; earlier: Array<{ field: string; value: string }> }> {
    const profiles = await select<Record<string, string | null>>(
      m,
      `SELECT name, phone, email, birthday, address, city FROM members WHERE id IN (${marks(memberIds.length)})`,
      memberIds,
    );
    const changes = await select<{ field: string; old_value: string | null; new_value: string | null }>(
      m,
      `SELECT field, old_value, new_value FROM member_changes WHERE member_id IN (${marks(memberIds.length)}) AND field IN (${marks(fields.length)})`,
      [...memberIds, ...fields],
    );
    const earlier = changes.flatMap((c) =>
      [c.old_value, c.new_value].filter((v): v is string => v !== null).map((value) => ({ field: c.field, value })),
    );
    return { profiles, earlier };
  }

  // ---- consents ---------------------------------------------------------------

  async lockConsents(m: EntityManager, memberId: string): Promise<Map<string, boolean>> {
    const rows = await select<{ channel: string; granted: number }>(
      m,
      'SELECT channel, granted FROM member_consents WHERE member_id = ? FOR UPDATE',
      [memberId],
    );
    return new Map(rows.map((r) => [r.channel, Boolean(r.granted)]));
  }

  /** Sets consents per channel, recording who set them (the actor type: admin, member, store, system). */
  async setConsents(m: EntityManager, memberId: string, consents: Array<[string, boolean]>, source: string, now: Date): Promise<void> {
    for (const [channel, granted] of consents) {
      await execute(
        m,
        `INSERT INTO member_consents (member_id, channel, granted, source, updated_at) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE granted = VALUES(granted), source = VALUES(source), updated_at = VALUES(updated_at)`,
        [memberId, channel, granted, source, now],
      );
    }
  }

  /**
   * Agreements to documents (the terms, the privacy notice): a consent row per document, granted, with the version
   * agreed to, and a change (agreement.<document>: the version) in the member's history.
   */
  async recordAgreements(
    m: EntityManager,
    memberId: string,
    actor: { type: string; id: string | null },
    agreements: Agreement[],
    now: Date,
  ) {
    for (const a of agreements) {
      await execute(
        m,
        `INSERT INTO member_consents (member_id, channel, granted, source, version, updated_at) VALUES (?, ?, TRUE, ?, ?, ?)
         ON DUPLICATE KEY UPDATE granted = TRUE, source = VALUES(source), version = VALUES(version), updated_at = VALUES(updated_at)`,
        [memberId, a.document, actor.type, a.version, now],
      );
    }
    await this.insertChanges(
      m,
      memberId,
      actor,
      agreements.map((a) => ({ field: `agreement.${a.document}`, oldValue: null, newValue: a.version })),
      now,
    );
  }

  /** An erasure: every consent withdrawn (granted false, source erasure). */
  async withdrawConsents(m: EntityManager, memberIds: string[], now: Date): Promise<number> {
    const res = await execute(
      m,
      `UPDATE member_consents SET granted = FALSE, source = 'erasure', updated_at = ? WHERE member_id IN (${marks(memberIds.length)}) AND granted`,
      [now, ...memberIds],
    );
    return res.affectedRows;
  }

  // ---- change history -----------------------------------------------------------

  async insertChanges(m: EntityManager, memberId: string, actor: { type: string; id: string | null }, changes: FieldChange[], now: Date) {
    if (changes.length === 0) {
      return;
    }
    await execute(
      m,
      `INSERT INTO member_changes (member_id, actor_type, actor_id, field, old_value, new_value, created_at) VALUES ${placeholders(changes.length, 7)}`,
      changes.flatMap((c) => [memberId, actor.type, actor.id, c.field, c.oldValue, c.newValue, now]),
    );
  }

  /** An erasure: old and new values of personal fields go; which field changed, who and when stay (consent and status values too). */
  async clearChangeValues(m: EntityManager, memberIds: string[]): Promise<number> {
    const res = await execute(
      m,
      `UPDATE member_changes SET old_value = NULL, new_value = NULL
        WHERE member_id IN (${marks(memberIds.length)}) AND NOT (${NON_PERSONAL_CHANGE_FIELDS})
          AND (old_value IS NOT NULL OR new_value IS NOT NULL)`,
      memberIds,
    );
    return res.affectedRows;
  }

  // ---- notes and tags -------------------------------------------------------------

  async addNote(m: EntityManager, memberId: string, authorId: string, text: string, now: Date): Promise<number> {
    const res = await execute(m, 'INSERT INTO member_notes (member_id, author_id, text, created_at) VALUES (?, ?, ?, ?)', [
      memberId,
      authorId,
      text,
      now,
    ]);
    return Number(res.insertId);
  }

  async tags(memberId: string, m: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await select<{ tag: string }>(m, 'SELECT tag FROM member_tags WHERE member_id = ? ORDER BY tag', [memberId]);
    return rows.map((r) => r.tag);
  }

  async replaceTags(m: EntityManager, memberId: string, tags: string[], now: Date): Promise<void> {
    await execute(m, 'DELETE FROM member_tags WHERE member_id = ?', [memberId]);
    if (tags.length > 0) {
      await execute(
        m,
        `INSERT INTO member_tags (member_id, tag, created_at) VALUES ${placeholders(tags.length, 3)}`,
        tags.flatMap((t) => [memberId, t, now]),
      );
    }
  }

  /** An erasure: staff notes (free text about the person) and tags are deleted. */
  async deleteNotes(m: EntityManager, memberIds: string[]): Promise<number> {
    return (await execute(m, `DELETE FROM member_notes WHERE member_id IN (${marks(memberIds.length)})`, memberIds)).affectedRows;
  }

  async deleteTags(m: EntityManager, memberIds: string[]): Promise<number> {
    return (await execute(m, `DELETE FROM member_tags WHERE member_id IN (${marks(memberIds.length)})`, memberIds)).affectedRows;
  }

  /** A merge: staff notes move to the survivor; tags become the union of both sets. Profile, consents and changes stay. */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    await execute(m, 'UPDATE member_notes SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
    await execute(
      m,
      'INSERT IGNORE INTO member_tags (member_id, tag, created_at) SELECT ?, t.tag, t.created_at FROM member_tags t WHERE t.member_id = ?',
      [toMemberId, fromMemberId],
    );
    await execute(m, 'DELETE FROM member_tags WHERE member_id = ?', [fromMemberId]);
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
  /** The codes of the active clubs the member is in (active memberships), in code order. */
  clubCodes: string[];
}

interface PosViewRow {
  id: string;
  name: string | null;
  phone: string | null;
  tier_code: string;
  balance: string | number;
  pending: string | number;
  card_no: string | null;
  card_status: string | null;
  club_codes: string | null;
}

export interface MergeMemberRow {
  id: string;
  status: MemberStatus;
  tier_code: string;
  phone: string | null;
  merged_into: string | null;
}

export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ImportedMemberRow {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  externalId: string;
}

/** Fields of the member change history whose values are not personal: kept by an erasure. */
const NON_PERSONAL_CHANGE_FIELDS = "field = 'status' OR field LIKE 'consent.%'";
