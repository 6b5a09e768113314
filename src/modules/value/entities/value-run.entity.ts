import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** One value run (its id is the job run's id): when, with which weights, and what it found once finalised. */
@Entity('value_runs')
@Index('ix_value_runs_finished', ['finishedAt'])
export class ValueRun {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  /** The instant the figures are for (12-month window, recency). */
  @Column({ name: 'as_of', type: 'datetime', precision: 3 })
  asOf: Date;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'weight_spend_permille', type: 'int' })
  weightSpendPermille: number;

  @Column({ name: 'weight_points_permille', type: 'int' })
  weightPointsPermille: number;

  @Column({ name: 'weight_purchases_permille', type: 'int' })
  weightPurchasesPermille: number;

  /** The grade shares the run graded by (percent of value for A, then B). */
  @Column({ name: 'grade_a_percent', type: 'int', default: 80 })
  gradeAPercent: number;

  @Column({ name: 'grade_b_percent', type: 'int', default: 15 })
  gradeBPercent: number;

  @Column({ name: 'member_count', type: 'int', nullable: true })
  memberCount: number | null;

  @Column({ name: 'total_score', type: 'bigint', nullable: true, transformer: bigintNumber })
  totalScore: number | null;

  /** Lowest score of grade A and of grade B (null: nobody had value). */
  @Column({ name: 'cutoff_a', type: 'bigint', nullable: true, transformer: bigintNumber })
  cutoffA: number | null;

  @Column({ name: 'cutoff_b', type: 'bigint', nullable: true, transformer: bigintNumber })
  cutoffB: number | null;

  /** Per grade (members, spend, score) and movements from the previous grades, as JSON text (one row per run, not a hot table). */
  @Column({ type: 'text', nullable: true })
  summary: string | null;
}
