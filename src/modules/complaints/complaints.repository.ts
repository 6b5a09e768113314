import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { execute, marks, select, selectOne, Sql } from '../../database/sql';
import { ComplaintStep } from './entities/complaint-step.entity';
import { Complaint } from './entities/complaint.entity';
import type { ComplaintCategory, ComplaintSeverity, ComplaintState } from './rules/complaint-case';

export interface ComplaintFilter {
  storeId?: string | null;
  memberId?: string | null;
  category?: ComplaintCategory | null;
  state?: ComplaintState | null;
  severity?: ComplaintSeverity | null;
  /** Raised at or after. */
  from?: Date | null;
  /** Raised before. */
  to?: Date | null;
  /** Only open or in-progress cases past their due time (as of `now`). */
  overdue?: boolean;
  now: Date;
  /** Words in the description or the case number. */
  q?: string | null;
  /** Older cases than this id (UUIDv7: time-ordered). */
  before?: string | null;
  limit: number;
}

/** A case with the names the console shows beside it. */
export interface ComplaintRow extends Complaint {
  storeName: string | null;
  storeCode: string | null;
  memberName: string | null;
  memberPhone: string | null;
}

interface ComplaintDbRow {
  id: string;
  case_no: string;
  member_id: string;
  store_id: string | null;
  receipt_no: string | null;
  category: ComplaintCategory;
  description: string | null;
  severity: ComplaintSeverity;
  state: ComplaintState;
  owner_id: string | null;
  raised_by_type: 'admin' | 'member';
  raised_by_id: string | null;
  due_at: Date;
  first_answer_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  goodwill_points: number | string;
  apology_sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
  store_name: string | null;
  store_code: string | null;
  member_name: string | null;
  member_phone: string | null;
}

const SELECT_CASES = `SELECT c.*, s.name AS store_name, s.code AS store_code, mb.name AS member_name, mb.phone AS member_phone
  FROM complaints c LEFT JOIN stores s ON s.id = c.store_id LEFT JOIN members mb ON mb.id = c.member_id`;

function toRow(r: ComplaintDbRow): ComplaintRow {
  return {
    id: r.id,
    caseNo: r.case_no,
    memberId: r.member_id,
    storeId: r.store_id,
    receiptNo: r.receipt_no,
    category: r.category,
    description: r.description,
    severity: r.severity,
    state: r.state,
    ownerId: r.owner_id,
    raisedByType: r.raised_by_type,
    raisedById: r.raised_by_id,
    dueAt: r.due_at,
    firstAnswerAt: r.first_answer_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    goodwillPoints: toInt(r.goodwill_points),
    apologySentAt: r.apology_sent_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    storeName: r.store_name,
    storeCode: r.store_code,
    memberName: r.member_name,
    memberPhone: r.member_phone,
  };
}

/** The owner of `complaints` and `complaint_steps`: all their SQL, and the store archive's figures. */
@Injectable()
export class ComplaintsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, complaint: Complaint): Promise<void> {
    await m.insert(Complaint, complaint);
  }

  async addStep(m: EntityManager, step: Omit<ComplaintStep, 'id'>): Promise<number> {
    const result = await m.insert(ComplaintStep, step);
    return Number((result.identifiers[0] as { id: number | string }).id);
  }

  /** The case, locked for the change the caller makes in its transaction. */
  async lock(m: EntityManager, id: string): Promise<Complaint | null> {
    return m.getRepository(Complaint).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(m: EntityManager, id: string, changes: Partial<Complaint>): Promise<void> {
    await m.update(Complaint, { id }, changes);
  }

  async one(id: string, db: Sql = this.dataSource.manager): Promise<ComplaintRow | null> {
    const row = await selectOne<ComplaintDbRow>(db, `${SELECT_CASES} WHERE c.id = ?`, [id]);
    return row ? toRow(row) : null;
  }

  steps(complaintId: string, kinds?: readonly string[]): Promise<ComplaintStep[]> {
    const qb = this.dataSource
      .getRepository(ComplaintStep)
      .createQueryBuilder('s')
      .where('s.complaintId = :complaintId', { complaintId })
      .orderBy('s.id', 'ASC');
    if (kinds) {
      qb.andWhere('s.kind IN (:...kinds)', { kinds });
    }
    return qb.getMany();
  }

  /** The store archive: newest first, by store, member, category, state, severity, date, overdue and words. */
  async search(f: ComplaintFilter): Promise<ComplaintRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (f.storeId) {
      add('c.store_id = ?', f.storeId);
    }
    if (f.memberId) {
      add('c.member_id = ?', f.memberId);
    }
    if (f.category) {
      add('c.category = ?', f.category);
    }
    if (f.state) {
      add('c.state = ?', f.state);
    }
    if (f.severity) {
      add('c.severity = ?', f.severity);
    }
    if (f.from) {
      add('c.created_at >= ?', f.from);
    }
    if (f.to) {
      add('c.created_at < ?', f.to);
    }
    if (f.overdue) {
      add("c.state IN ('open', 'in_progress') AND c.due_at < ?", f.now);
    }
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      add('(c.description LIKE ? OR c.case_no LIKE ?)', like, like);
    }
    if (f.before) {
      add('c.id < ?', f.before);
    }
    const rows = await select<ComplaintDbRow>(
      this.dataSource.manager,
      `${SELECT_CASES} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT ?`,
      [...params, f.limit],
    );
    return rows.map(toRow);
  }

  /** A member's own cases, newest first. */
  async ofMember(memberId: string, limit: number): Promise<ComplaintRow[]> {
    const rows = await select<ComplaintDbRow>(this.dataSource.manager, `${SELECT_CASES} WHERE c.member_id = ? ORDER BY c.id DESC LIMIT ?`, [
      memberId,
      limit,
    ]);
    return rows.map(toRow);
  }

  /** The member a purchase at this store with this receipt number was posted to, or null when there is none. */
  async receiptMember(storeId: string, receiptNo: string): Promise<string | null> {
    const row = await selectOne<{ member_id: string }>(
      this.dataSource.manager,
      'SELECT member_id FROM purchases WHERE store_id = ? AND receipt_no = ?',
      [storeId, receiptNo],
    );
    return row?.member_id ?? null;
  }

  /** The store of the member's purchase with this receipt number (the newest, should two stores print the same), or null. */
  async receiptStoreOf(memberId: string, receiptNo: string): Promise<string | null> {
    const row = await selectOne<{ store_id: string }>(
      this.dataSource.manager,
      'SELECT store_id FROM purchases WHERE member_id = ? AND receipt_no = ? ORDER BY occurred_at DESC LIMIT 1',
      [memberId, receiptNo],
    );
    return row?.store_id ?? null;
  }

  async storeExists(storeId: string): Promise<boolean> {
    return (await selectOne<{ id: string }>(this.dataSource.manager, 'SELECT id FROM stores WHERE id = ?', [storeId])) !== null;
  }

  async adminExists(adminId: string): Promise<boolean> {
    return (await selectOne<{ id: string }>(this.dataSource.manager, 'SELECT id FROM admin_users WHERE id = ?', [adminId])) !== null;
  }

  async adminEmails(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await select<{ id: string; email: string }>(
      this.dataSource.manager,
      `SELECT id, email FROM admin_users WHERE id IN (${marks(ids.length)})`,
      ids,
    );
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  /** Cases raised in [from, to) by store and category. */
  async countsByStoreAndCategory(from: Date, to: Date): Promise<Array<{ storeId: string | null; category: string; complaints: number }>> {
    const rows = await select<{ store_id: string | null; category: string; n: string | number }>(
      this.dataSource.manager,
      'SELECT store_id, category, COUNT(*) AS n FROM complaints WHERE created_at >= ? AND created_at < ? GROUP BY store_id, category',
      [from, to],
    );
    return rows.map((r) => ({ storeId: r.store_id, category: r.category, complaints: toInt(r.n) }));
  }

  /** Receipts (purchases posted) in [from, to) by store. */
  async receiptsByStore(from: Date, to: Date, storeIds: string[]): Promise<Map<string, number>> {
    if (storeIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ store_id: string; n: string | number }>(
      this.dataSource.manager,
      `SELECT store_id, COUNT(*) AS n FROM purchases WHERE store_id IN (${marks(storeIds.length)}) AND occurred_at >= ? AND occurred_at < ? GROUP BY store_id`,
      [...storeIds, from, to],
    );
    return new Map(rows.map((r) => [r.store_id, toInt(r.n)]));
  }

  async storeNames(storeIds: string[]): Promise<Map<string, { code: string; name: string }>> {
    if (storeIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ id: string; code: string; name: string }>(
      this.dataSource.manager,
      `SELECT id, code, name FROM stores WHERE id IN (${marks(storeIds.length)})`,
      storeIds,
    );
    return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
  }

  /** Seconds from raising to the first answer and to the resolution of the cases raised in [from, to) (null: not yet). */
  async durations(from: Date, to: Date): Promise<Array<{ storeId: string | null; toAnswer: number | null; toResolve: number | null }>> {
    const rows = await select<{ store_id: string | null; to_answer: string | number | null; to_resolve: string | number | null }>(
      this.dataSource.manager,
      `SELECT store_id,
              TIMESTAMPDIFF(SECOND, created_at, first_answer_at) AS to_answer,
              TIMESTAMPDIFF(SECOND, created_at, resolved_at) AS to_resolve
         FROM complaints WHERE created_at >= ? AND created_at < ?`,
      [from, to],
    );
    return rows.map((r) => ({
      storeId: r.store_id,
      toAnswer: r.to_answer === null ? null : toInt(r.to_answer),
      toResolve: r.to_resolve === null ? null : toInt(r.to_resolve),
    }));
  }

  /** Erasure: the member's words on their cases cleared (store, category, states and times kept). */
  async clearDescriptionsOf(m: EntityManager, memberIds: string[]): Promise<number> {
    if (memberIds.length === 0) {
      return 0;
    }
    const result = await execute(
      m,
      `UPDATE complaints SET description = NULL WHERE member_id IN (${marks(memberIds.length)}) AND description IS NOT NULL`,
      memberIds,
    );
    return result.affectedRows;
  }

  /** Erasure: every step's text cleared (kinds, states, who and when kept). */
  async clearStepTextsOf(m: EntityManager, memberIds: string[]): Promise<number> {
    if (memberIds.length === 0) {
      return 0;
    }
    const result = await execute(
      m,
      `UPDATE complaint_steps SET text = NULL WHERE member_id IN (${marks(memberIds.length)}) AND text IS NOT NULL`,
      memberIds,
    );
    return result.affectedRows;
  }
}
