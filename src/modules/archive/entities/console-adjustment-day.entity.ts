import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** A console user's running total of adjusted points (either sign) in one day, held to ADJUSTMENT_DAILY_LIMIT_POINTS. */
@Entity('console_adjustment_days')
export class ConsoleAdjustmentDay {
  @PrimaryColumn({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId: string;

  /** The calendar date in the program's zone (Asia/Shanghai). */
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  points: number;
}
