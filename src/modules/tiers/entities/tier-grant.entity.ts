import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * A tier given by hand. It is a floor only until ends_at: the review's grant
 * pass then closes it (ended_at) and the member falls back to the tier they
 * qualify for. At most one open grant per member.
 */
@Entity('tier_grants')
@Index('ix_tier_grants_member', ['memberId', 'endedAt'])
@Index('ix_tier_grants_open_ends', ['endedAt', 'endsAt'])
export class TierGrant {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'tier_code', type: 'varchar', length: 32 })
  tierCode: string;

  /** The tier the member held when the grant was made. */
  @Column({ name: 'from_tier', type: 'varchar', length: 32 })
  fromTier: string;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'granted_by', type: 'varchar', length: 64, nullable: true })
  grantedBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** When the grant stopped counting: expired (grant pass) or replaced by a newer grant. */
  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;
}
