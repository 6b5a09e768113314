import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

export type TierKind = 'threshold' | 'rank';
export type QualifyMode = 'any' | 'all';

/** An ordered tier (rank 0 is the entry tier) with its qualification and benefits. */
@Entity('tiers')
export class Tier {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  /** The English name (shown to tills). */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The zh-CN name. */
  @Column({ name: 'name_zh', type: 'varchar', length: 100, default: '' })
  nameZh: string;

  @Column({ type: 'int', unique: true })
  rank: number;

  @Column({ type: 'varchar', length: 16 })
  kind: TierKind;

  /** Rolling-window qualifying spend (purchases minus refunds), cents. Null: not a criterion. */
  @Column({ name: 'min_spend_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  minSpendCents: number | null;

  @Column({ name: 'min_points', type: 'bigint', nullable: true, transformer: bigintNumber })
  minPoints: number | null;

  @Column({ name: 'min_purchases', type: 'int', nullable: true })
  minPurchases: number | null;

  @Column({ name: 'qualify_mode', type: 'varchar', length: 8 })
  qualifyMode: QualifyMode;

  /** Earn multiplier in thousandths: 1500 = 1.5x. */
  @Column({ name: 'earn_multiplier_permille', type: 'int' })
  earnMultiplierPermille: number;

  @Column({ name: 'birthday_bonus_points', type: 'int', default: 0 })
  birthdayBonusPoints: number;

  @Column({ name: 'priority_service', type: 'boolean', default: false })
  priorityService: boolean;

  /** For rank tiers: the top N members by value score at each review. */
  @Column({ name: 'rank_top_n', type: 'int', nullable: true })
  rankTopN: number | null;

  /** For rank tiers: the top share of members, in thousandths (10 = top 1%). Either this or rank_top_n. */
  @Column({ name: 'rank_top_permille', type: 'int', nullable: true })
  rankTopPermille: number | null;
}
