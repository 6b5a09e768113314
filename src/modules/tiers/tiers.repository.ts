import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type TierChangeReason = 'purchase' | 'review' | 'rank' | 'manual' | 'grant_expiry' | 'enrolment';

/** SQL of tier changes: the member's tier and its history, written together. */
@Injectable()
export class TiersRepository {
  async changeTier(
    m: EntityManager,
    change: { memberId: string; from: string; to: string; reason: TierChangeReason; refId: string | null; at: Date },
  ): Promise<void> {
    await m.query('UPDATE members SET tier_code = ?, tier_since = ?, updated_at = ? WHERE id = ?', [
      change.to,
      change.at,
      change.at,
      change.memberId,
    ]);
    await m.query('INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      change.memberId,
      change.from,
      change.to,
      change.reason,
      change.refId,
      change.at,
    ]);
  }
}
