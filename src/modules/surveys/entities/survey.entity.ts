import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const ID = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

export const SURVEY_STATUSES = ['draft', 'active', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/**
 * A satisfaction survey: its title in both languages, its status (questions
 * change only in draft), and how it reaches members after a purchase (sample
 * rate, stores, cooldown per member, the invitation's life). Campaigns may
 * invite to any active survey as well.
 */
@Entity('surveys')
@Index('ix_surveys_status', ['status', 'id'])
export class Survey {
  @PrimaryColumn(ID)
  id: string;

  @Column({ name: 'title_zh', type: 'varchar', length: 100 })
  titleZh: string;

  @Column({ name: 'title_en', type: 'varchar', length: 100 })
  titleEn: string;

  @Column({ type: 'varchar', length: 8 })
  status: SurveyStatus;

  /** Invite members after a purchase (while active). */
  @Column({ name: 'after_purchase', type: 'boolean', default: false })
  afterPurchase: boolean;

  /** Share of purchases sampled, 0–100 percent (two decimals kept as hundredths). */
  @Column({
    name: 'sample_percent',
    type: 'decimal',
    precision: 5,
    scale: 2,
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  samplePercent: number;

  /** JSON array of store ids; null: every store. */
  @Column({ name: 'store_ids', type: 'text', nullable: true })
  storeIds: string | null;

  /** No new invitation (of any survey) within this many days of a member's last one. */
  @Column({ name: 'cooldown_days', type: 'int', default: 30 })
  cooldownDays: number;

  /** An invitation can be answered this many days. */
  @Column({ name: 'valid_days', type: 'int', default: 7 })
  validDays: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'activated_at', type: 'datetime', precision: 3, nullable: true })
  activatedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;
}
