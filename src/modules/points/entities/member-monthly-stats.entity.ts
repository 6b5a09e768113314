import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * Qualifying figures per member and calendar month (purchases minus refunds),
 * kept by the postings. A tier's rolling window is a sum over a member's last
 * months: one primary-key range read instead of a SUM over purchases.
 */
@Entity('member_monthly_stats')
export class MemberMonthlyStats {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  /** The first day of the month of the purchases' occurredAt (UTC). */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ name: 'spend_cents', type: 'bigint', default: 0, transformer: bigintNumber })
  spendCents: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  points: number;

  @Column({ type: 'int', default: 0 })
  purchases: number;
}
