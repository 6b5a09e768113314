import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toInt } from '../../common/transformers';
import { marks, select } from '../../database/sql';

export type SearchBy =
  | { kind: 'card'; cardNo: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'email'; email: string }
  | { kind: 'name'; prefix: string }
  | { kind: 'all' };

export interface MemberRow {
  memberId: string;
  status: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  tierCode: string;
  mergedInto: string | null;
  balance: number;
  pending: number;
  createdAt: Date;
}

export interface ChangeRow {
  id: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  actorType: string;
  actorId: string | null;
  createdAt: Date;
}

/** The member archive's screens: search, change history, notes. Reads only (MembersRepository writes). */
@Injectable()
export class MemberArchiveQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page of members in id order after `afterId`. Every kind is served by an index (card PK, phone, email, name prefix).
   * `rfmCells` (r·10 + f of the value run's member_values.r and .f) keeps only members scored into one of those cells;
   * a member never scored (no row, or NULL scores) is in none.
   */
  async search(by: SearchBy, afterId: string | null, limit: number, rfmCells: readonly number[] | null = null): Promise<MemberRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (rfmCells) {
      where.push(
        rfmCells.length
          ? `EXISTS (SELECT 1 FROM member_values mv WHERE mv.member_id = m.id AND mv.r * 10 + mv.f IN (${marks(rfmCells.length)}))`
          : 'FALSE',
      );
      params.push(...rfmCells);
    }
    switch (by.kind) {
      case 'card':
        where.push('m.id IN (SELECT member_id FROM cards WHERE card_no = ?)');
        params.push(by.cardNo);
        break;
      case 'phone':
        where.push('m.phone = ?');
        params.push(by.phone);
        break;
      case 'email':
        where.push('m.email = ?');
        params.push(by.email);
        break;
      case 'name':
        where.push("m.name LIKE CONCAT(?, '%')");
        params.push(by.prefix.replace(/[\\%_]/g, (c) => `\\${c}`));
        break;
      case 'all':
        break;
    }
    if (afterId) {
      where.push('m.id > ?');
      params.push(afterId);
    }
    const rows = await select<SearchRow>(
      this.dataSource.manager,
      `SELECT m.id, m.status, m.name, m.phone, m.email, m.tier_code, m.merged_into, m.created_at,
              COALESCE(a.balance, 0) AS balance, COALESCE(a.pending, 0) AS pending
         FROM members m LEFT JOIN point_accounts a ON a.member_id = m.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY m.id LIMIT ?`,
      [...params, limit],
    );
    return rows.map((r) => ({
      memberId: r.id,
      status: r.status,
      name: r.name,
      phone: r.phone,
      email: r.email,
      tierCode: r.tier_code,
      mergedInto: r.merged_into,
      balance: toInt(r.balance),
      pending: toInt(r.pending),
      createdAt: r.created_at,
    }));
  }

  /** Name and tier of each member, for lists of members (a club's). */
  async summaries(memberIds: string[]): Promise<Map<string, { name: string | null; tierCode: string }>> {
    if (memberIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ id: string; name: string | null; tier_code: string }>(
      this.dataSource.manager,
      `SELECT id, name, tier_code FROM members WHERE id IN (${marks(memberIds.length)})`,
      memberIds,
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, tierCode: r.tier_code }]));
  }

  /** Each member's card to show: the newest active one, else the newest. */
  async displayCards(memberIds: string[]): Promise<Map<string, { cardNo: string; status: string }>> {
    const out = new Map<string, { cardNo: string; status: string }>();
    if (memberIds.length === 0) {
      return out;
    }
    const rows = await select<{ member_id: string; card_no: string; status: string }>(
      this.dataSource.manager,
      `SELECT member_id, card_no, status FROM cards WHERE member_id IN (${marks(memberIds.length)})
        ORDER BY member_id, status = 'active' DESC, issued_at DESC`,
      memberIds,
    );
    for (const r of rows) {
      if (!out.has(r.member_id)) {
        out.set(r.member_id, { cardNo: r.card_no, status: r.status });
      }
    }
    return out;
  }

  /** Newest first; `beforeId` pages back. */
  async changes(memberId: string, beforeId: number | null, limit: number): Promise<ChangeRow[]> {
    const rows = await select<{
      id: string | number;
      field: string;
      old_value: string | null;
      new_value: string | null;
      actor_type: string;
      actor_id: string | null;
      created_at: Date;
    }>(
      this.dataSource.manager,
      `SELECT id, field, old_value, new_value, actor_type, actor_id, created_at FROM member_changes
        WHERE member_id = ? ${beforeId ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
      beforeId ? [memberId, beforeId, limit] : [memberId, limit],
    );
    return rows.map((r) => ({
      id: toInt(r.id),
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
      actorType: r.actor_type,
      actorId: r.actor_id,
      createdAt: r.created_at,
    }));
  }

  async notes(memberId: string, beforeId: number | null, limit: number) {
    const rows = await select<{ id: string; author_id: string; email: string | null; text: string; created_at: Date }>(
      this.dataSource.manager,
      `SELECT n.id, n.author_id, u.email, n.text, n.created_at FROM member_notes n LEFT JOIN admin_users u ON u.id = n.author_id
        WHERE n.member_id = ? ${beforeId ? 'AND n.id < ?' : ''} ORDER BY n.id DESC LIMIT ?`,
      beforeId ? [memberId, beforeId, limit] : [memberId, limit],
    );
    return rows.map((r) => ({ noteId: toInt(r.id), authorId: r.author_id, authorEmail: r.email, text: r.text, createdAt: r.created_at }));
  }
}

interface SearchRow {
  id: string;
  status: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  tier_code: string;
  merged_into: string | null;
  created_at: Date;
  balance: string | number;
  pending: string | number;
}
