import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';

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

export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** SQL of the member archive: search, change history, notes and tags. */
@Injectable()
export class MemberArchiveRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of members in id order after `afterId`. Every kind is served by an index (card PK, phone, email, name prefix). */
  async search(by: SearchBy, afterId: string | null, limit: number): Promise<MemberRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
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
    const rows: Array<Record<string, string | Date | null>> = await this.dataSource.query(
      `SELECT m.id, m.status, m.name, m.phone, m.email, m.tier_code, m.merged_into, m.created_at,
              COALESCE(a.balance, 0) AS balance, COALESCE(a.pending, 0) AS pending
         FROM members m LEFT JOIN point_accounts a ON a.member_id = m.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY m.id LIMIT ?`,
      [...params, limit],
    );
    return rows.map((r) => ({
      memberId: String(r.id),
      status: String(r.status),
      name: r.name as string | null,
      phone: r.phone as string | null,
      email: r.email as string | null,
      tierCode: String(r.tier_code),
      mergedInto: r.merged_into as string | null,
      balance: toInt(r.balance as string),
      pending: toInt(r.pending as string),
      createdAt: r.created_at as Date,
    }));
  }

  /** Each member's card to show: the newest active one, else the newest. */
  async displayCards(memberIds: string[]): Promise<Map<string, { cardNo: string; status: string }>> {
    const out = new Map<string, { cardNo: string; status: string }>();
    if (memberIds.length === 0) {
      return out;
    }
    const rows: Array<{ member_id: string; card_no: string; status: string }> = await this.dataSource.query(
      `SELECT member_id, card_no, status FROM cards WHERE member_id IN (${memberIds.map(() => '?').join(', ')})
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

  async insertChanges(m: EntityManager, memberId: string, actor: { type: string; id: string | null }, changes: FieldChange[], now: Date) {
    if (changes.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO member_changes (member_id, actor_type, actor_id, field, old_value, new_value, created_at) VALUES ${changes
        .map(() => '(?, ?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      changes.flatMap((c) => [memberId, actor.type, actor.id, c.field, c.oldValue, c.newValue, now]),
    );
  }

  /** Newest first; `beforeId` pages back. */
  async changes(memberId: string, beforeId: number | null, limit: number): Promise<ChangeRow[]> {
    const rows: Array<Record<string, string | Date | null>> = await this.dataSource.query(
      `SELECT id, field, old_value, new_value, actor_type, actor_id, created_at FROM member_changes
        WHERE member_id = ? ${beforeId ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
      beforeId ? [memberId, beforeId, limit] : [memberId, limit],
    );
    return rows.map((r) => ({
      id: toInt(r.id as string),
      field: String(r.field),
      oldValue: r.old_value as string | null,
      newValue: r.new_value as string | null,
      actorType: String(r.actor_type),
      actorId: r.actor_id as string | null,
      createdAt: r.created_at as Date,
    }));
  }

  async addNote(m: EntityManager, memberId: string, authorId: string, text: string, now: Date): Promise<number> {
    const res: { insertId: number } = await m.query(
      'INSERT INTO member_notes (member_id, author_id, text, created_at) VALUES (?, ?, ?, ?)',
      [memberId, authorId, text, now],
    );
    return Number(res.insertId);
  }

  async notes(memberId: string, beforeId: number | null, limit: number) {
    const rows: Array<{ id: string; author_id: string; email: string | null; text: string; created_at: Date }> =
      await this.dataSource.query(
        `SELECT n.id, n.author_id, u.email, n.text, n.created_at FROM member_notes n LEFT JOIN admin_users u ON u.id = n.author_id
        WHERE n.member_id = ? ${beforeId ? 'AND n.id < ?' : ''} ORDER BY n.id DESC LIMIT ?`,
        beforeId ? [memberId, beforeId, limit] : [memberId, limit],
      );
    return rows.map((r) => ({ noteId: toInt(r.id), authorId: r.author_id, authorEmail: r.email, text: r.text, createdAt: r.created_at }));
  }

  async tags(memberId: string, m: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ tag: string }> = await m.query('SELECT tag FROM member_tags WHERE member_id = ? ORDER BY tag', [memberId]);
    return rows.map((r) => r.tag);
  }

  async replaceTags(m: EntityManager, memberId: string, tags: string[], now: Date): Promise<void> {
    await m.query('DELETE FROM member_tags WHERE member_id = ?', [memberId]);
    if (tags.length > 0) {
      await m.query(
        `INSERT INTO member_tags (member_id, tag, created_at) VALUES ${tags.map(() => '(?, ?, ?)').join(', ')}`,
        tags.flatMap((t) => [memberId, t, now]),
      );
    }
  }
}
