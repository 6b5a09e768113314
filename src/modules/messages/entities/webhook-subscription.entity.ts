import { Column, Entity, PrimaryColumn } from 'typeorm';

export const WEBHOOK_EVENTS = ['purchase.posted', 'tier.changed', 'campaign.completed', 'member.erased'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Another system's endpoint and the events it wants. */
@Entity('webhook_subscriptions')
export class WebhookSubscription {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  /** Comma-separated event types. */
  @Column({ type: 'varchar', length: 200, charset: 'ascii', collation: 'ascii_bin' })
  events: string;

  /** The HMAC key. Kept as is because signing needs it; shown to the console once, at creation. */
  @Column({ type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
