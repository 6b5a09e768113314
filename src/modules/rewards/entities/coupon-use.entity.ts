import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

export type CouponUseStatus = 'redeemed' | 'returned' | 'rejected';

/**
 * A coupon named on a purchase: redeemed with it (returned when a full refund
 * gave it back), or rejected on an offline receipt whose discount the till had
 * already given (a conflict for the store's review).
 */
@Entity('coupon_uses')
@Index('ux_coupon_uses_purchase_coupon', ['purchaseId', 'code'], { unique: true })
@Index('ix_coupon_uses_status', ['status', 'createdAt'])
@Index('ix_coupon_uses_coupon', ['couponId'])
export class CouponUse {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'purchase_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  purchaseId: string;

  /** The code as the till sent it (a rejected one may name no coupon). */
  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  code: string;

  @Column({ name: 'coupon_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  couponId: string | null;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  storeId: string;

  @Column({ name: 'receipt_no', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  receiptNo: string;

  @Column({ type: 'varchar', length: 16 })
  status: CouponUseStatus;

  /** Why a rejected coupon could not be used: a COUPON_NOT_VALID reason, not_found or already_redeemed. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  reason: string | null;

  @Column({ name: 'discount_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  discountCents: number | null;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
