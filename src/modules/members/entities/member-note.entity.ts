import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** A staff note on a member's archive. */
@Entity('member_notes')
@Index('ix_member_notes_member', ['memberId', 'id'])
export class MemberNote {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'author_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  authorId: string;

  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
