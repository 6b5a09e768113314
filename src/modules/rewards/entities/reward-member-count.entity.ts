import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many of a reward a member has exchanged: the per-member limit, taken by a conditional UPDATE. */
@Entity('reward_member_counts')
export class RewardMemberCount {
  @PrimaryColumn({ name: 'reward_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  rewardId: string;

  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ type: 'int', default: 0 })
  exchanged: number;
}
