import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * The what-if simulation's snapshot: every member's qualifying-window sums
 * (and 12-month spend for the shares), refreshed set-based over member-id
 * ranges (window_stats_snapshots records each refresh). Reviews never read
 * it: they decide tiers on the live monthly stats.
 */
@Entity('member_window_stats')
export class MemberWindowStats {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  /** Sums over the qualifying window (the program's qualifyingWindowMonths). */
  @Column({ name: 'spend_cents', type: 'bigint', transformer: bigintNumber })
  spendCents: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  points: number;

  @Column({ type: 'int' })
  purchases: number;

  /** Spend over the last 12 calendar months (the simulation's spend shares). */
  @Column({ name: 'spend_12m_cents', type: 'bigint', transformer: bigintNumber })
  spend12mCents: number;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
