import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

@Entity('refunds')
@Index('ux_refunds_store_refund', ['storeId', 'refundNo'], { unique: true })
@Index('ix_refunds_purchase', ['purchaseId'])
export class Refund {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  storeId: string;

  @Column({ name: 'refund_no', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  refundNo: string;

  @Column({ name: 'purchase_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  purchaseId: string;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'refunded_cents', type: 'bigint', transformer: bigintNumber })
  refundedCents: number;

  @Column({ name: 'refunded_eligible_cents', type: 'bigint', transformer: bigintNumber })
  refundedEligibleCents: number;

  @Column({ name: 'points_reversed', type: 'bigint', transformer: bigintNumber })
  pointsReversed: number;

  @Column({ name: 'request_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  requestHash: string;

  @Column({ type: 'text' })
  response: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
