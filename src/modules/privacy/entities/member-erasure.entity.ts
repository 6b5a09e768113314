import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ErasureState = 'requested' | 'done';

/**
 * One erasure request per member (the primary key makes asking twice one
 * request). The worker job of job_run_id anonymises the member and sets done.
 */
@Entity('member_erasures')
export class MemberErasure {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  state: ErasureState;

  /** The job run whose progress GET /api/v1/admin/jobs/{id} shows. */
  @Column({ name: 'job_run_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  jobRunId: string;

  /** admin or member: who asked. */
  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;
}
