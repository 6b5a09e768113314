import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * A member's value as of the last value run: the 12-month figures and score
 * (written by the run's range parts), then grade, RFM and rank (written by the
 * run's finalising step over the whole population).
 */
@Entity('member_values')
@Index('ix_member_values_rank', ['score', 'spend12m', 'memberId'])
export class MemberValue {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  score: number;

  /** A, B or C; null until the first run that covered the member is finalised. */
  @Column({ type: 'char', length: 1, nullable: true })
  grade: string | null;

  /** The grade before the last finalised run (null: not graded before). */
  @Column({ name: 'previous_grade', type: 'char', length: 1, nullable: true })
  previousGrade: string | null;

  @Column({ type: 'tinyint', nullable: true })
  r: number | null;

  @Column({ type: 'tinyint', nullable: true })
  f: number | null;

  @Column({ type: 'tinyint', nullable: true })
  m: number | null;

  /** 1 = the most valuable member (score desc, 12-month spend desc, member id asc). */
  @Column({ name: 'value_rank', type: 'int', nullable: true })
  valueRank: number | null;

  @Column({ name: 'spend_12m', type: 'bigint', transformer: bigintNumber })
  spend12m: number;

  @Column({ name: 'points_12m', type: 'bigint', transformer: bigintNumber })
  points12m: number;

  @Column({ name: 'purchases_12m', type: 'int' })
  purchases12m: number;

  @Column({ name: 'last_purchase_at', type: 'datetime', precision: 3, nullable: true })
  lastPurchaseAt: Date | null;

  /** The run that computed the figures. */
  @Column({ name: 'run_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  runId: string;

  /** The run that last graded the member: a finalising step run twice moves previous_grade once. */
  @Column({ name: 'graded_run_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  gradedRunId: string | null;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
