import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type JobRunState = 'running' | 'completed' | 'failed';

/**
 * One long job as a person sees it (a tier review, a regroup, a campaign
 * fan-out, an expiry run): split into parts (usually member-id ranges), each
 * done by a queue job. Progress is the count of parts done, kept by the
 * database so a part run twice counts once.
 */
@Entity('job_runs')
@Index('ix_job_runs_kind_created', ['kind', 'createdAt'])
@Index('ix_job_runs_state', ['state'])
export class JobRun {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  kind: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  state: JobRunState;

  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ type: 'int', default: 0 })
  failed: number;

  /** What the run was asked to do (JSON; a campaign's member-id ranges: ~180 KB at 10M members). */
  @Column({ type: 'mediumtext', nullable: true })
  params: string | null;

  /** What the run found or did, summed over its parts (JSON). */
  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
