import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** The value score's weights and reference figures, and the grade shares. One row (id 1), seeded with the defaults. */
@Entity('value_settings')
export class ValueSettings {
  @PrimaryColumn({ type: 'tinyint' })
  id: number;

  @Column({ name: 'weight_spend_permille', type: 'int' })
  weightSpendPermille: number;

  @Column({ name: 'weight_points_permille', type: 'int' })
  weightPointsPermille: number;

  @Column({ name: 'weight_purchases_permille', type: 'int' })
  weightPurchasesPermille: number;

  /** 12-month spend that counts as one unit of the spend figure. */
  @Column({ name: 'reference_spend_cents', type: 'bigint', transformer: bigintNumber })
  referenceSpendCents: number;

  @Column({ name: 'reference_points', type: 'bigint', transformer: bigintNumber })
  referencePoints: number;

  @Column({ name: 'reference_purchases', type: 'int' })
  referencePurchases: number;

  /** Grade A: the members who together bring this share of value, percent. */
  @Column({ name: 'grade_a_percent', type: 'int', default: 80 })
  gradeAPercent: number;

  /** Grade B: the next share of value, percent; C is the rest. */
  @Column({ name: 'grade_b_percent', type: 'int', default: 15 })
  gradeBPercent: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
