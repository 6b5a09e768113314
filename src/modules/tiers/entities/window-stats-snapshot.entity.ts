import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One refresh of member_window_stats: the windows it summed and when; finished once every range is written. */
@Entity('window_stats_snapshots')
@Index('ix_window_stats_snapshots_finished', ['finishedAt'])
export class WindowStatsSnapshot {
  /** The job run's id (scheduled refresh) or a new id (a refresh the simulation ran itself). */
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  /** First month of the qualifying window summed, YYYY-MM-01. */
  @Column({ name: 'window_start', type: 'date' })
  windowStart: string;

  /** First month of the 12-month spend window, YYYY-MM-01. */
  @Column({ name: 'spend_start', type: 'date' })
  spendStart: string;

  /** The instant the figures are for. */
  @Column({ name: 'as_of', type: 'datetime', precision: 3 })
  asOf: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
