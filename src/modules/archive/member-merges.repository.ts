import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { selectOne } from '../../database/sql';
import { MemberMerge } from './entities/member-merge.entity';

export interface PreviousMerge {
  survivor_member_id: string;
  points_moved: string;
  created_at: Date;
  balance: string | null;
  tier_code: string | null;
}

/** The owner of `member_merges`: one row per merged-away member, written once. */
@Injectable()
export class MemberMergesRepository {
  /** A source merged before fails with a duplicate key. */
  async insert(m: EntityManager, row: MemberMerge): Promise<void> {
    await m.insert(MemberMerge, row);
  }

  /** The earlier merge of a source, with the survivor's balance and tier now. */
  previous(m: EntityManager, sourceId: string): Promise<PreviousMerge | null> {
    return selectOne<PreviousMerge>(
      m,
      `SELECT g.survivor_member_id, g.points_moved, g.created_at, a.balance, mb.tier_code
           FROM member_merges g LEFT JOIN point_accounts a ON a.member_id = g.survivor_member_id
           LEFT JOIN members mb ON mb.id = g.survivor_member_id
          WHERE g.source_member_id = ?`,
      [sourceId],
    );
  }
}
