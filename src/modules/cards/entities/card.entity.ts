import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CardStatus = 'active' | 'frozen' | 'lost' | 'closed';
export type CardKind = 'standard' | 'temporary';

@Entity('cards')
@Index('ix_cards_member', ['memberId'])
export class Card {
  @PrimaryColumn({ name: 'card_no', type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin' })
  cardNo: string;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'varchar', length: 10 })
  status: CardStatus;

  @Column({ type: 'varchar', length: 10 })
  kind: CardKind;

  @Column({ name: 'issued_store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  issuedStoreId: string | null;

  @Column({ name: 'replaced_by', type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  replacedBy: string | null;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'status_changed_at', type: 'datetime', precision: 3 })
  statusChangedAt: Date;
}
