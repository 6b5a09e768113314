import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../../common/transformers';

export interface RedemptionRow {
  id: string;
  memberId: string;
  redemptionNo: string;
  points: number;
  entryId: number;
  status: 'completed' | 'cancelled';
  requestHash: string;
  response: string;
  cancelResponse: string | null;
}

export interface NewRedemption {
  id: string;
  storeId: string;
  redemptionNo: string;
  memberId: string;
  points: number;
  discountCents: number;
  entryId: number;
  requestHash: string;
  response: string;
  createdAt: Date;
}

/** All SQL of redemptions. */
@Injectable()
export class RedemptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(
    storeId: string,
    redemptionNo: string,
    m: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<RedemptionRow | null> {
    const rows: Array<Record<string, string | null>> = await m.query(
      `SELECT id, member_id, redemption_no, points, entry_id, status, request_hash, response, cancel_response
         FROM redemptions WHERE store_id = ? AND redemption_no = ?${lock ? ' FOR UPDATE' : ''}`,
      [storeId, redemptionNo],
    );
    const r = rows[0];
    if (!r) {
      return null;
    }
    return {
      id: String(r.id),
      memberId: String(r.member_id),
      redemptionNo: String(r.redemption_no),
      points: toInt(r.points),
      entryId: toInt(r.entry_id),
      status: r.status as RedemptionRow['status'],
      requestHash: String(r.request_hash),
      response: String(r.response),
      cancelResponse: r.cancel_response,
    };
  }

  async insert(m: EntityManager, r: NewRedemption): Promise<void> {
    await m.query(
      `INSERT INTO redemptions (id, store_id, redemption_no, member_id, points, discount_cents, entry_id, status,
         request_hash, response, cancel_response, created_at, cancelled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'completed', ?, ?, NULL, ?, NULL)`,
      [r.id, r.storeId, r.redemptionNo, r.memberId, r.points, r.discountCents, r.entryId, r.requestHash, r.response, r.createdAt],
    );
  }

  async markCancelled(m: EntityManager, id: string, cancelResponse: string, now: Date): Promise<void> {
    await m.query("UPDATE redemptions SET status = 'cancelled', cancel_response = ?, cancelled_at = ? WHERE id = ?", [
      cancelResponse,
      now,
      id,
    ]);
  }

  /** A merge: a later cancel finds the redemptions on the survivor. */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    await m.query('UPDATE redemptions SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
  }
}
