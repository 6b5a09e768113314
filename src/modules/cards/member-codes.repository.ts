import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WriteResult } from '../../database/transaction';

export interface MemberCodeRow {
  code_index: number;
  member_id: string;
  secret: Buffer;
}

/** All SQL of member_codes: a member's sealed code secret, by member or by the index a code carries. */
@Injectable()
export class MemberCodesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Statements outside a caller's transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async ofMember(memberId: string, m: EntityManager = this.dataSource.manager): Promise<MemberCodeRow | null> {
    const rows = await m.query<MemberCodeRow[]>('SELECT code_index, member_id, secret FROM member_codes WHERE member_id = ?', [memberId]);
    return rows[0] ?? null;
  }

  /** The rows of these indexes, by primary key. */
  async byIndexes(indexes: number[], m: EntityManager = this.dataSource.manager): Promise<Map<number, MemberCodeRow>> {
    const unique = [...new Set(indexes)];
    if (unique.length === 0) {
      return new Map();
    }
    const rows = await m.query<MemberCodeRow[]>(
      `SELECT code_index, member_id, secret FROM member_codes WHERE code_index IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    return new Map(rows.map((r) => [Number(r.code_index), { ...r, code_index: Number(r.code_index) }]));
  }

  /** Makes the member's row unless it exists (two first requests at once: one row, both read it after). */
  async insertIfMissing(memberId: string, sealed: Buffer, now: Date): Promise<void> {
    await this.dataSource.query('INSERT IGNORE INTO member_codes (member_id, secret, rotated_at, last_spent_step) VALUES (?, ?, ?, NULL)', [
      memberId,
      sealed,
      now,
    ]);
  }

  /** A new secret for a member who has one (in the caller's transaction); a member without a code has nothing to rotate. */
  async replaceSecret(m: EntityManager, memberId: string, sealed: Buffer, now: Date): Promise<boolean> {
    const res = await m.query<WriteResult>('UPDATE member_codes SET secret = ?, rotated_at = ? WHERE member_id = ?', [
      sealed,
      now,
      memberId,
    ]);
    return res.affectedRows > 0;
  }

  /**
   * Records that the code of `step` spent points, in the redemption's transaction; false when a code of this step
   * or a later one already did (the row lock makes a second redemption with the same code wait, then fail).
   */
  async claimSpendingStep(m: EntityManager, memberId: string, step: number): Promise<boolean> {
    const res = await m.query<WriteResult>(
      'UPDATE member_codes SET last_spent_step = ? WHERE member_id = ? AND (last_spent_step IS NULL OR last_spent_step < ?)',
      [step, memberId, step],
    );
    return res.affectedRows > 0;
  }

  async deleteAllOf(m: EntityManager, memberIds: string[]): Promise<number> {
    if (memberIds.length === 0) {
      return 0;
    }
    const res = await m.query<WriteResult>(
      `DELETE FROM member_codes WHERE member_id IN (${memberIds.map(() => '?').join(', ')})`,
      memberIds,
    );
    return res.affectedRows;
  }
}
