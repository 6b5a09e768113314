import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a member came in: by the club's rule, by themselves (open club), by an admin, or by an admin's invite. */
export type JoinReason = 'rule' | 'member' | 'admin' | 'invite';
/** Who took a member out: themselves, an admin, or the rule (drop_unmatched clubs only). */
export type LeaveReason = 'member' | 'admin' | 'rule';

/** Keyed by member first: "which clubs is this member in" is the hot read (POS lookup). */
@Entity('club_members')
@Index('ix_club_members_club_status', ['clubId', 'status', 'memberId'])
export class ClubMember {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @PrimaryColumn({ name: 'club_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  clubId: string;

  /** left: the member left; an automatic rule does not put them back unless the rule itself took them out. */
  @Column({ type: 'varchar', length: 16 })
  status: 'active' | 'left';

  @Column({ name: 'joined_via', type: 'varchar', length: 16, default: 'admin' })
  joinedVia: JoinReason;

  @Column({ name: 'joined_at', type: 'datetime', precision: 3 })
  joinedAt: Date;

  @Column({ name: 'left_at', type: 'datetime', precision: 3, nullable: true })
  leftAt: Date | null;

  @Column({ name: 'left_reason', type: 'varchar', length: 16, nullable: true })
  leftReason: LeaveReason | null;
}
