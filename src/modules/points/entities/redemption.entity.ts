import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

@Entity('redemptions')
@Index('ux_redemptions_store_no', ['storeId', 'redemptionNo'], { unique: true })
@Index('ix_redemptions_member', ['memberId'])
export class Redemption {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  storeId: string;

  @Column({ name: 'redemption_no', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  redemptionNo: string;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  points: number;

  @Column({ name: 'discount_cents', type: 'bigint', transformer: bigintNumber })
  discountCents: number;

  /** The redemption's ledger entry; its lot consumptions say where the points came from. */
  @Column({ name: 'entry_id', type: 'bigint', transformer: bigintNumber })
  entryId: number;

  @Column({ type: 'varchar', length: 16 })
  status: 'completed' | 'cancelled';

  @Column({ name: 'request_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  requestHash: string;

  @Column({ type: 'text' })
  response: string;

  @Column({ name: 'cancel_response', type: 'text', nullable: true })
  cancelResponse: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;
}
