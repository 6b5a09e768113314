import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Keyed by member first: "which clubs is this member in" is the hot read (POS lookup). */
@Entity('club_members')
export class ClubMember {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @PrimaryColumn({ name: 'club_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  clubId: string;

  /** left: the member left; an automatic rule does not put them back. */
  @Column({ type: 'varchar', length: 16 })
  status: 'active' | 'left';

  @Column({ name: 'joined_at', type: 'datetime', precision: 3 })
  joinedAt: Date;

  @Column({ name: 'left_at', type: 'datetime', precision: 3, nullable: true })
  leftAt: Date | null;
}
