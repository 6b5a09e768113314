import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

@Entity('tier_history')
@Index('ix_tier_history_member', ['memberId', 'id'])
export class TierHistory {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'from_tier', type: 'varchar', length: 32, nullable: true })
  fromTier: string | null;

  @Column({ name: 'to_tier', type: 'varchar', length: 32 })
  toTier: string;

  /** purchase, review, rank, manual, grant_expiry */
  @Column({ type: 'varchar', length: 16 })
  reason: string;

  @Column({ name: 'ref_id', type: 'varchar', length: 64, nullable: true })
  refId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
