import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * merged: folded into another member (merged_into); its id answers with where it went.
 * erasing: an erasure was asked for (no campaign, no merge); erased: the profile is anonymised (src/modules/privacy).
 */
export type MemberStatus = 'active' | 'temporary' | 'merged' | 'erasing' | 'erased';

@Entity('members')
export class Member {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  /** temporary: a card issued at the counter, not registered yet. */
  @Column({ type: 'varchar', length: 16 })
  status: MemberStatus;

  @Index('ix_members_name')
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  /** E.164 */
  @Index('ux_members_phone', { unique: true })
  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  phone: string | null;

  @Index('ix_members_email')
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'date', nullable: true })
  birthday: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ name: 'preferred_store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  preferredStoreId: string | null;

  /** Indexed: the what-if simulation scans it (narrower than the rows), the rank review reads a tier's holders by it. */
  @Index('ix_members_tier')
  @Column({ name: 'tier_code', type: 'varchar', length: 32 })
  tierCode: string;

  @Column({ name: 'tier_since', type: 'datetime', precision: 3 })
  tierSince: Date;

  /** When the review decides whether the member keeps a tier above the lowest; null in the lowest tier. */
  @Column({ name: 'tier_review_at', type: 'datetime', precision: 3, nullable: true })
  tierReviewAt: Date | null;

  @Column({ name: 'registered_at', type: 'datetime', precision: 3, nullable: true })
  registeredAt: Date | null;

  @Column({ name: 'created_store_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  createdStoreId: string | null;

  /** The member's id in the retailer's previous system (CSV import); one member per external id. */
  @Index('ux_members_external_id', { unique: true })
  @Column({ name: 'external_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  externalId?: string | null;

  /** Set when status is merged: the surviving member. */
  @Column({ name: 'merged_into', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  mergedInto?: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
