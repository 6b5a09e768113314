import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** A manual points adjustment; the idempotency key lets a console retry post it at most once. */
@Entity('point_adjustments')
@Index('ix_point_adjustments_member', ['memberId'])
export class PointAdjustment {
  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  idempotencyKey: string;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  points: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'entry_id', type: 'bigint', transformer: bigintNumber })
  entryId: number;

  @Column({ name: 'balance_after', type: 'bigint', transformer: bigintNumber })
  balanceAfter: number;

  /** sha256 of the request, so the same key with another body is a conflict. */
  @Column({ name: 'request_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  requestHash: string;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
