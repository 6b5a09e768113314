import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

/** One event for one subscription. Unique per (subscription, event): publishing an event twice delivers it once. */
@Entity('webhook_deliveries')
@Index('ux_webhook_deliveries_sub_event', ['subscriptionId', 'eventId'], { unique: true })
@Index('ix_webhook_deliveries_due', ['status', 'nextAttemptAt'])
export class WebhookDelivery {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'subscription_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  subscriptionId: string;

  /** The event's stable id ('purchase.posted:<purchaseId>'), sent as X-Event-Id so receivers can drop repeats. */
  @Column({ name: 'event_id', type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  eventType: string;

  /** The JSON body sent. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;
}
