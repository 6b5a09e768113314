import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * One row per member: the running balance that always equals the sum of the
 * member's ledger entries. Postings lock this row (SELECT … FOR UPDATE), which
 * serialises everything that touches one member's points.
 */
@Entity('point_accounts')
export class PointAccount {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  /** May go below zero after a clawback of points already spent (a visible debt). */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  balance: number;

  /** Points earned but not yet spendable (return window). Part of balance. */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  pending: number;

  @Column({ name: 'lifetime_earned', type: 'bigint', default: 0, transformer: bigintNumber })
  lifetimeEarned: number;

  @Column({ name: 'lifetime_redeemed', type: 'bigint', default: 0, transformer: bigintNumber })
  lifetimeRedeemed: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
