import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** Every join and leave of a club, with its reason: the membership history and the growth report. */
@Entity('club_member_history')
@Index('ix_club_member_history_club_at', ['clubId', 'at'])
@Index('ix_club_member_history_member', ['memberId', 'clubId'])
export class ClubMemberHistory {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'club_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  clubId: string;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'varchar', length: 8 })
  event: 'joined' | 'left';

  /** joined: rule, member, admin, invite; left: member, admin, rule. */
  @Column({ type: 'varchar', length: 16 })
  reason: string;

  /** The admin who made the change, when one did. */
  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
