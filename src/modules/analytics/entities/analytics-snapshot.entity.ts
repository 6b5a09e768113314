import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One analytics snapshot (its id is the job run's id): the instant its
 * figures are for and when it was written. Readers use the newest finished one.
 */
@Entity('analytics_snapshots')
@Index('ix_analytics_snapshots_finished', ['finishedAt'])
export class AnalyticsSnapshot {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  /** The instant the figures are for (windows such as "the last 90 days" end here). */
  @Column({ name: 'as_of', type: 'datetime', precision: 3 })
  asOf: Date;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  /** Null while the snapshot is being written; readers never see it until set. */
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  /** The value run whose grades and RFM scores the snapshot used (null: none finished yet). */
  @Column({ name: 'value_run_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  valueRunId: string | null;

  @Column({ name: 'value_run_as_of', type: 'datetime', precision: 3, nullable: true })
  valueRunAsOf: Date | null;

  /** The money rate in force at the snapshot (program settings), so its money figures stay explainable. */
  @Column({ name: 'redemption_cents_per_100_points', type: 'int' })
  redemptionCentsPer100Points: number;
}
