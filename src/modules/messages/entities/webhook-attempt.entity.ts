import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/** Every POST of a delivery (replays included): when, what came back, how long it took. */
@Entity('webhook_attempts')
@Index('ix_webhook_attempts_delivery', ['deliveryId', 'at'])
export class WebhookAttempt {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'delivery_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  deliveryId: string;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
