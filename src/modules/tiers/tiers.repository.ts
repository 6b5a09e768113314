import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { placeholders } from '../../database/multi-row';
import { Tier } from './entities/tier.entity';

export type TierChangeReason = 'purchase' | 'review' | 'rank' | 'manual' | 'grant_expiry' | 'enrolment';

export interface TierChange {
  memberId: string;
  from: string;
  to: string;
  reason: TierChangeReason;
  refId: string | null;
  at: Date;
  /** The new review date (null: none, the lowest tier); undefined leaves it as it is. */
  reviewAt?: Date | null;
}

export interface OpenGrant {
  id: number;
  tierCode: string;
  endsAt: Date;
  reason: string;
}

/** SQL of tier changes: the member's tier and its history, written together; the ladder; open grants. */
@Injectable()
export class TiersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async changeTier(m: EntityManager, change: TierChange): Promise<void> {
    await this.changeTiers(m, [change]);
  }

  /** Many changes at once: one UPDATE per (to, review date) group and one multi-row history INSERT. */
  async changeTiers(m: EntityManager, changes: TierChange[]): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    const groups = new Map<string, TierChange[]>();
    for (const c of changes) {
      const key = `${c.to}|${c.at.getTime()}|${c.reviewAt === undefined ? 'keep' : (c.reviewAt?.getTime() ?? 'null')}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const group of groups.values()) {
      const { to, at, reviewAt } = group[0];
      const ids = group.map((c) => c.memberId);
      await m.query(
        `UPDATE members SET tier_code = ?, tier_since = ?, updated_at = ?${reviewAt === undefined ? '' : ', tier_review_at = ?'}
          WHERE id IN (${ids.map(() => '?').join(', ')})`,
        [to, at, at, ...(reviewAt === undefined ? [] : [reviewAt]), ...ids],
      );
    }
    await m.query(
      `INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at) VALUES ${placeholders(changes.length, 6)}`,
      changes.flatMap((c) => [c.memberId, c.from, c.to, c.reason, c.refId, c.at]),
    );
  }

  /** New members' first history rows (from nothing to the entry tier); their tier_code is set with the member row. */
  async recordEnrolments(m: EntityManager, memberIds: string[], tierCode: string, now: Date): Promise<void> {
    if (memberIds.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at) VALUES ${placeholders(memberIds.length, 6)}`,
      memberIds.flatMap((id) => [id, null, tierCode, 'enrolment', null, now]),
    );
  }

  /** The ladder, locked for an edit. */
  async lockLadder(m: EntityManager): Promise<Tier[]> {
    return m.getRepository(Tier).find({ order: { rank: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  /** Replaces the ladder: ranks are moved out of the way first (rank is unique), then every tier is written. */
  async replaceLadder(m: EntityManager, tiers: Tier[], removedCodes: string[]): Promise<void> {
    if (removedCodes.length > 0) {
      await m.query(`DELETE FROM tiers WHERE code IN (${removedCodes.map(() => '?').join(', ')})`, removedCodes);
    }
    await m.query('UPDATE tiers SET rank = rank + 100000');
    await m.getRepository(Tier).save(tiers);
  }

  /** How many members hold each of the codes, and how many open grants name them. */
  async holdersOf(m: EntityManager, codes: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (codes.length === 0) {
      return out;
    }
    const list = codes.map(() => '?').join(', ');
    const rows: Array<{ code: string; n: string }> = await m.query(
      `SELECT code, SUM(n) AS n FROM (
         SELECT tier_code AS code, COUNT(*) AS n FROM members WHERE tier_code IN (${list}) GROUP BY tier_code
         UNION ALL
         SELECT tier_code AS code, COUNT(*) AS n FROM tier_grants WHERE ended_at IS NULL AND tier_code IN (${list}) GROUP BY tier_code
       ) x GROUP BY code`,
      [...codes, ...codes],
    );
    for (const r of rows) {
      out.set(r.code, Number(r.n));
    }
    return out;
  }

  /** The member's open grant (not ended by the grant pass), if any. */
  async openGrantOf(memberId: string, m: EntityManager = this.dataSource.manager): Promise<OpenGrant | null> {
    const rows: Array<{ id: string; tier_code: string; ends_at: Date; reason: string }> = await m.query(
      'SELECT id, tier_code, ends_at, reason FROM tier_grants WHERE member_id = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1',
      [memberId],
    );
    return rows[0] ? { id: Number(rows[0].id), tierCode: rows[0].tier_code, endsAt: rows[0].ends_at, reason: rows[0].reason } : null;
  }

  async reviewAtOf(memberId: string): Promise<Date | null> {
    const rows: Array<{ tier_review_at: Date | null }> = await this.dataSource.query('SELECT tier_review_at FROM members WHERE id = ?', [
      memberId,
    ]);
    return rows[0]?.tier_review_at ?? null;
  }

  /** A merge: the tier story of the person moves to the survivor (the higher tier is settled by changeTier). */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    await m.query('UPDATE tier_history SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
  }
}
