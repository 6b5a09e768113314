import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** A POS receipt. (store_id, receipt_no) is the idempotency key. */
@Entity('purchases')
@Index('ux_purchases_store_receipt', ['storeId', 'receiptNo'], { unique: true })
@Index('ix_purchases_member_time', ['memberId', 'occurredAt'])
export class Purchase {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  storeId: string;

  @Column({ name: 'receipt_no', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  receiptNo: string;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'card_no', type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  cardNo: string | null;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ name: 'total_cents', type: 'bigint', transformer: bigintNumber })
  totalCents: number;

  @Column({ name: 'eligible_cents', type: 'bigint', transformer: bigintNumber })
  eligibleCents: number;

  @Column({ name: 'points_earned', type: 'bigint', transformer: bigintNumber })
  pointsEarned: number;

  @Column({ name: 'refunded_cents', type: 'bigint', default: 0, transformer: bigintNumber })
  refundedCents: number;

  @Column({ name: 'refunded_eligible_cents', type: 'bigint', default: 0, transformer: bigintNumber })
  refundedEligibleCents: number;

  @Column({ name: 'points_reversed', type: 'bigint', default: 0, transformer: bigintNumber })
  pointsReversed: number;

  /** The lot the purchase's points went into; clawback takes from it first. Null when nothing was earned. */
  @Column({ name: 'lot_id', type: 'bigint', nullable: true, transformer: bigintNumber })
  lotId: number | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  requestHash: string;

  /** The 201 body, returned again on a replay. */
  @Column({ type: 'text' })
  response: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
