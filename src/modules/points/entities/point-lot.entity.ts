import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * Points earned together (one purchase, one bonus) with one expiry date.
 * Redemption and expiry consume lots first-in first-out by expiry date.
 */
@Entity('point_lots')
@Index('ix_point_lots_member_expiry', ['memberId', 'expiresAt'])
@Index('ix_point_lots_expiry', ['expiresAt'])
export class PointLot {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  /** The ledger entry that created the lot. */
  @Column({ name: 'entry_id', type: 'bigint', transformer: bigintNumber })
  entryId: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  points: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  remaining: number;

  @Column({ name: 'earned_at', type: 'datetime', precision: 3 })
  earnedAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;
}
