import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** The program's rules. One row (id 1), seeded from the PROGRAM_* defaults on an empty database. */
@Entity('program_settings')
export class ProgramSettings {
  @PrimaryColumn({ type: 'tinyint' })
  id: number;

  /** Base earning: one point per this many cents of eligible spend, rounded down per transaction. */
  @Column({ name: 'cents_per_point', type: 'int' })
  centsPerPoint: number;

  /** The category codes that earn nothing, a JSON array of strings (codes are any text, commas included). */
  @Column({ name: 'excluded_categories', type: 'text' })
  excludedCategories: string;

  @Column({ name: 'points_expiry_months', type: 'int' })
  pointsExpiryMonths: number;

  @Column({ name: 'redemption_cents_per_100_points', type: 'int' })
  redemptionCentsPer100Points: number;

  @Column({ name: 'allow_negative_balance', type: 'boolean' })
  allowNegativeBalance: boolean;

  @Column({ name: 'qualifying_window_months', type: 'int' })
  qualifyingWindowMonths: number;

  /** Offline receipts older than this many days are refused with RECEIPT_TOO_OLD. */
  @Column({ name: 'offline_acceptance_days', type: 'int', default: 30 })
  offlineAcceptanceDays: number;

  /** Return window: a purchase's points stay pending this many days after occurredAt (0: available at once). */
  @Column({ name: 'return_window_days', type: 'int', default: 0 })
  returnWindowDays: number;

  /** A tier above the lowest is reviewed this many months after it was reached or last requalified. */
  @Column({ name: 'tier_review_months', type: 'int', default: 12 })
  tierReviewMonths: number;

  /** Maker-checker: a campaign giving a member more points than this waits for approval (campaigns.approve). */
  @Column({ name: 'campaign_approval_points_per_member', type: 'int', default: 10000 })
  campaignApprovalPointsPerMember: number;

  /** Maker-checker: a campaign whose estimated cost is above this waits for approval; nor may an occurrence grant more unapproved. */
  @Column({ name: 'campaign_approval_total_points', type: 'bigint', default: 1000000, transformer: bigintNumber })
  campaignApprovalTotalPoints: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
