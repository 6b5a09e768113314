import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const MESSAGE_CHANNELS = ['email', 'sms', 'push', 'log'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped_no_consent', 'skipped_no_address'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * The outbox: one row per message to one member on one channel. The unique
 * (source, member, channel) key is what makes "never sent twice" hold across
 * job retries, re-run campaigns and crashed workers.
 */
@Entity('outbox_messages')
@Index('ux_outbox_source_member_channel', ['source', 'memberId', 'channel'], { unique: true })
@Index('ix_outbox_due', ['status', 'nextAttemptAt'])
@Index('ix_outbox_member', ['memberId', 'createdAt'])
export class OutboxMessage {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  /** Who asked for it: 'campaign:<id>:<occurrence>', 'expiry-notice:2026-05', 'tier-change:<purchaseId>', 'sign-in:<id>'. */
  @Column({ type: 'varchar', length: 128, charset: 'ascii', collation: 'ascii_bin' })
  source: string;

  /** Null only for a sign-in code to a phone no member holds yet (registration): then to_address says where it goes. */
  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  memberId: string | null;

  /** The address of a message to no member (an E.164 phone for a registration code); null otherwise (the member's own address is read at send time). */
  @Column({ name: 'to_address', type: 'varchar', length: 254, nullable: true })
  toAddress: string | null;

  @Column({ type: 'varchar', length: 8, charset: 'ascii', collation: 'ascii_bin' })
  channel: MessageChannel;

  @Column({ name: 'template_code', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  templateCode: string;

  @Column({ name: 'template_version', type: 'int' })
  templateVersion: number;

  @Column({ type: 'varchar', length: 8, charset: 'ascii', collation: 'ascii_bin' })
  locale: string;

  /** Sign-in codes and the like: sent without marketing consent. */
  @Column({ type: 'boolean', default: false })
  transactional: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 24, charset: 'ascii', collation: 'ascii_bin' })
  status: MessageStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When a queued row is due; while sending, when the claim lapses (a crashed sender's rows are taken again). */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 200, nullable: true })
  providerMessageId: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;
}
