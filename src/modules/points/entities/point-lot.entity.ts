import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * Points earned together (one purchase, one bonus) with one expiry date.
 * Redemption and expiry consume lots first-in first-out by expiry date.
 */
@Entity('point_lots')
@Index('ix_point_lots_member_expiry', ['memberId', 'expiresAt'])
@Index('ix_point_lots_expiry', ['expiresAt'])
@Index('ix_point_lots_pending', ['pending', 'availableAt'])
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

  /** 1 while the purchase's return window runs: counted in the balance, not spendable. */
  @Column({ type: 'tinyint', default: 0 })
  pending: number;

  /** When a pending lot becomes spendable (occurredAt + return window); null when it never was pending. */
  @Column({ name: 'available_at', type: 'datetime', precision: 3, nullable: true })
  availableAt: Date | null;
}
