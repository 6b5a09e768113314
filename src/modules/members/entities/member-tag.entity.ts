import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Labels staff put on a member ("vip-complaint", "b2b"); replaced as a set. */
@Entity('member_tags')
export class MemberTag {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  tag: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
