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

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
