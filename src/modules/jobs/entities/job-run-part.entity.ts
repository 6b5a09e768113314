import { Column, Entity, PrimaryColumn } from 'typeorm';

export type JobRunPartState = 'pending' | 'done' | 'failed';

/** One part of a job run (a member-id range). Its state changes once: a re-run part does not count twice. */
@Entity('job_run_parts')
export class JobRunPart {
  @PrimaryColumn({ name: 'run_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  runId: string;

  @PrimaryColumn({ name: 'part_no', type: 'int' })
  partNo: number;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  state: JobRunPartState;

  /** The part's own figures (JSON), or the error of its last attempt. */
  @Column({ type: 'text', nullable: true })
  result: string | null;

  /** Where the part's queue job lives, recorded when it is queued, so a lost job (Redis restarted empty) can be queued again. */
  @Column({ name: 'queue_name', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  queueName: string | null;

  @Column({ name: 'job_name', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  jobName: string | null;

  @Column({ name: 'job_id', type: 'varchar', length: 128, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  jobId: string | null;

  /** The queue job's data (JSON). */
  @Column({ type: 'text', nullable: true })
  payload: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
