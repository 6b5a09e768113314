import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An exchange, once per member and idempotency key: a repeat answers the stored response. */
@Entity('reward_exchanges')
@Index('ux_reward_exchanges_member_key', ['memberId', 'idempotencyKey'], { unique: true })
export class RewardExchange {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  idempotencyKey: string;

  @Column({ name: 'reward_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  rewardId: string;

  @Column({ name: 'coupon_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  couponId: string;

  @Column({ type: 'text' })
  response: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
