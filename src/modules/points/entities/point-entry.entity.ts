import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

export const ENTRY_TYPES = [
  'accrual',
  'bonus',
  'redemption',
  'redemption_cancel',
  'refund_clawback',
  'expiry',
  'adjustment',
  'merge_in',
  'merge_out',
  /** Points paid for a reward of the catalog (refType coupon, refId the coupon id). */
  'reward_exchange',
  /** A voided coupon's points back into the lots they came from. */
  'reward_return',
  /** Service recovery: points given for a complaint case (refType complaint, refId the case id), within the agent's adjustment limits. */
  'goodwill',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** The append-only ledger. Rows are never updated or deleted. */
@Entity('point_entries')
@Index('ix_point_entries_member', ['memberId', 'id'])
export class PointEntry {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'varchar', length: 24 })
  type: EntryType;

  /** Signed: positive credits, negative debits. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  points: number;

  @Column({ name: 'balance_after', type: 'bigint', transformer: bigintNumber })
  balanceAfter: number;

  @Column({ name: 'store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  storeId: string | null;

  /** What caused the entry: purchase, refund, redemption, lot, campaign, admin. */
  @Column({ name: 'ref_type', type: 'varchar', length: 24 })
  refType: string;

  @Column({ name: 'ref_id', type: 'varchar', length: 64 })
  refId: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
