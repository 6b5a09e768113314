import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** Which lots a debit took its points from, so a cancelled redemption can give them back. */
@Entity('lot_consumptions')
@Index('ix_lot_consumptions_entry', ['entryId'])
export class LotConsumption {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'entry_id', type: 'bigint', transformer: bigintNumber })
  entryId: number;

  @Column({ name: 'lot_id', type: 'bigint', transformer: bigintNumber })
  lotId: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  points: number;
}
