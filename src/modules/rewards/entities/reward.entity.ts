import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

export const REWARD_KINDS = ['amount_off', 'percent_off', 'gift'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export type RewardStatus = 'active' | 'archived';

const ID = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

/**
 * A reward of the catalog and the coupon template it issues: what the coupon
 * gives (kind, value, minimum spend, validity, store scope), and how members
 * get it (points price, stock, per-member limit, eligibility, sales window).
 * A reward without a points price is a template only (for campaign grants):
 * it is not offered in the catalog.
 */
@Entity('rewards')
@Index('ix_rewards_status', ['status', 'id'])
export class Reward {
  @PrimaryColumn(ID)
  id: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @Column({ name: 'description_zh', type: 'varchar', length: 1000, nullable: true })
  descriptionZh: string | null;

  @Column({ name: 'description_en', type: 'varchar', length: 1000, nullable: true })
  descriptionEn: string | null;

  @Column({ name: 'image_url', type: 'varchar', length: 500, nullable: true })
  imageUrl: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: RewardKind;

  /** amount_off: cents off. */
  @Column({ name: 'value_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  valueCents: number | null;

  /** percent_off: 1–99 off the eligible lines. */
  @Column({ name: 'percent_off', type: 'int', nullable: true })
  percentOff: number | null;

  /** gift: the SKU given free. */
  @Column({ name: 'gift_sku', type: 'varchar', length: 64, nullable: true })
  giftSku: string | null;

  @Column({ name: 'min_spend_cents', type: 'bigint', default: 0, transformer: bigintNumber })
  minSpendCents: number;

  /** Validity as a window (valid_from … valid_until) or as N days after issue (valid_days). */
  @Column({ name: 'valid_from', type: 'datetime', precision: 3, nullable: true })
  validFrom: Date | null;

  @Column({ name: 'valid_until', type: 'datetime', precision: 3, nullable: true })
  validUntil: Date | null;

  @Column({ name: 'valid_days', type: 'int', nullable: true })
  validDays: number | null;

  /** The zone whose calendar days `valid_days` counts (IANA). */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timezone: string;

  /** Store ids the coupon is for, as a JSON array; null: every store. */
  @Column({ name: 'store_ids', type: 'text', nullable: true })
  storeIds: string | null;

  /** Points to exchange it; null: not in the catalog (a template for grants). */
  @Column({ name: 'points_price', type: 'bigint', nullable: true, transformer: bigintNumber })
  pointsPrice: number | null;

  /** Total stock; null: unlimited. */
  @Column({ name: 'stock_total', type: 'int', nullable: true })
  stockTotal: number | null;

  /** What is left of the stock, taken by a conditional UPDATE (stock_left > 0). */
  @Column({ name: 'stock_left', type: 'int', nullable: true })
  stockLeft: number | null;

  @Column({ name: 'per_member_limit', type: 'int', nullable: true })
  perMemberLimit: number | null;

  /** Tier codes that may exchange, as a JSON array; null: every tier. */
  @Column({ name: 'eligible_tiers', type: 'text', nullable: true })
  eligibleTiers: string | null;

  /** Club codes of which a member must be in one, as a JSON array; null: no club needed. */
  @Column({ name: 'eligible_clubs', type: 'text', nullable: true })
  eligibleClubs: string | null;

  @Column({ name: 'sale_starts_at', type: 'datetime', precision: 3, nullable: true })
  saleStartsAt: Date | null;

  @Column({ name: 'sale_ends_at', type: 'datetime', precision: 3, nullable: true })
  saleEndsAt: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: RewardStatus;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
