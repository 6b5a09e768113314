import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * The archive's change history: one row per changed field (who, when, old and
 * new value). Values of personal fields are personal data themselves: an
 * erasure clears them (old_value/new_value set to NULL) and keeps the row.
 */
@Entity('member_changes')
@Index('ix_member_changes_member', ['memberId', 'id'])
export class MemberChange {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 32 })
  field: string;

  @Column({ name: 'old_value', type: 'varchar', length: 300, nullable: true })
  oldValue: string | null;

  @Column({ name: 'new_value', type: 'varchar', length: 300, nullable: true })
  newValue: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
