import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

export type ActorType = 'admin' | 'store' | 'member' | 'system';

/** Who changed what and when: member archive changes, stores, keys, settings. */
@Entity('audit_log')
@Index('ix_audit_entity', ['entityType', 'entityId'])
@Index('ix_audit_actor', ['actorType', 'actorId'])
@Index('ix_audit_action', ['action'])
@Index('ix_audit_created', ['createdAt'])
export class AuditLog {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: ActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  /** A short JSON document of the changed fields (personal data masked). */
  @Column({ type: 'text', nullable: true })
  changes: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
