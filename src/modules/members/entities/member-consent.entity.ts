import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CONSENT_CHANNELS = ['sms', 'email', 'push', 'mail'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Marketing consent per channel; campaign messages go only where granted is true. */
@Entity('member_consents')
export class MemberConsent {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: ConsentChannel;

  @Column({ type: 'boolean' })
  granted: boolean;

  @Column({ type: 'varchar', length: 32 })
  source: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
