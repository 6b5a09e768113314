import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';
import type { RewardKind } from './reward.entity';

export const COUPON_STATUSES = ['active', 'redeemed', 'expired', 'void'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];
export type CouponSource = 'exchange' | 'campaign' | 'admin';

const ID = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

/**
 * One issued coupon, bound to one member, with its own state. What it gives is
 * copied from its reward at issue, so a later edit of the reward changes no
 * coupon already held. Its state moves only by guarded UPDATEs
 * (`… WHERE status = 'active'`) in the transaction of the sale, void or expiry.
 */
@Entity('coupons')
@Index('ux_coupons_code', ['code'], { unique: true })
@Index('ix_coupons_member', ['memberId', 'status', 'validUntil'])
@Index('ix_coupons_status_until', ['status', 'validUntil'])
@Index('ix_coupons_reward', ['rewardId'])
@Index('ix_coupons_source', ['source', 'sourceRef'])
export class Coupon {
  @PrimaryColumn(ID)
  id: string;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  code: string;

  @Column({ name: 'reward_id', ...ID })
  rewardId: string;

  @Column({ name: 'member_id', ...ID })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  source: CouponSource;

  /** What issued it: the exchange id, or campaign:occurrence. */
  @Column({ name: 'source_ref', type: 'varchar', length: 100, nullable: true })
  sourceRef: string | null;

  @Column({ name: 'points_paid', type: 'bigint', default: 0, transformer: bigintNumber })
  pointsPaid: number;

  /** The ledger entry that took the points (a void restores them to its lots). */
  @Column({ name: 'exchange_entry_id', type: 'bigint', nullable: true, transformer: bigintNumber })
  exchangeEntryId: number | null;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @Column({ type: 'varchar', length: 16 })
  kind: RewardKind;

  @Column({ name: 'value_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  valueCents: number | null;

  @Column({ name: 'percent_off', type: 'int', nullable: true })
  percentOff: number | null;

  @Column({ name: 'gift_sku', type: 'varchar', length: 64, nullable: true })
  giftSku: string | null;

  @Column({ name: 'min_spend_cents', type: 'bigint', default: 0, transformer: bigintNumber })
  minSpendCents: number;

  @Column({ name: 'store_ids', type: 'text', nullable: true })
  storeIds: string | null;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3 })
  validFrom: Date;

  @Column({ name: 'valid_until', type: 'datetime', precision: 3 })
  validUntil: Date;

  @Column({ type: 'varchar', length: 16 })
  status: CouponStatus;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  /** The purchase that used it (cleared when a full refund gives it back). */
  @Column({ name: 'redeemed_purchase_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  redeemedPurchaseId: string | null;

  @Column({ name: 'redeemed_at', type: 'datetime', precision: 3, nullable: true })
  redeemedAt: Date | null;

  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  @Column({ name: 'voided_at', type: 'datetime', precision: 3, nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'expired_at', type: 'datetime', precision: 3, nullable: true })
  expiredAt: Date | null;

  /** When the "expiring in 3 days" notice was queued (once per coupon). */
  @Column({ name: 'expiry_notice_at', type: 'datetime', precision: 3, nullable: true })
  expiryNoticeAt: Date | null;
}
