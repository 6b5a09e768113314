import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** One row per merged-away member: keyed by the source, so a member is merged at most once. */
@Entity('member_merges')
@Index('ix_member_merges_survivor', ['survivorMemberId'])
export class MemberMerge {
  @PrimaryColumn({ name: 'source_member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  sourceMemberId: string;

  @Column({ name: 'survivor_member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  survivorMemberId: string;

  /** The source's balance that moved (may be negative: a debt moves too). */
  @Column({ name: 'points_moved', type: 'bigint', transformer: bigintNumber })
  pointsMoved: number;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
