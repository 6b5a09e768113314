import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sender's claim on one batch of due outbox rows: the rows stay `queued` (each is written once, with its
 * outcome) and other senders pass over the rows of every claim whose lease has not lapsed. Deleted in the
 * transaction that writes the batch's outcomes; a claim whose sender died lapses, and its rows are due again.
 */
@Entity('outbox_claims')
@Index('ix_outbox_claims_lease', ['leaseUntil'])
export class OutboxClaim {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  /** Until when the rows are the claimant's; after it they are due again for any sender. */
  @Column({ name: 'lease_until', type: 'datetime', precision: 3 })
  leaseUntil: Date;

  /** The claimed message ids, a JSON array. */
  @Column({ name: 'message_ids', type: 'mediumtext', charset: 'ascii', collation: 'ascii_bin' })
  messageIds: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
