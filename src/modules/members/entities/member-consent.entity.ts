import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CONSENT_CHANNELS = ['sms', 'email', 'push', 'mail'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** The documents a member agrees to at registration; kept as consent rows of their own with the version agreed to. */
export const AGREEMENT_DOCUMENTS = ['terms', 'privacy'] as const;
export type AgreementDocument = (typeof AGREEMENT_DOCUMENTS)[number];

/**
 * Marketing consent per channel; campaign messages go only where granted is true. The rows of channel terms and
 * privacy are the member's agreement to those documents, with the version agreed to (null on marketing channels).
 */
@Entity('member_consents')
export class MemberConsent {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: ConsentChannel | AgreementDocument;

  @Column({ type: 'boolean' })
  granted: boolean;

  @Column({ type: 'varchar', length: 32 })
  source: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  version: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
