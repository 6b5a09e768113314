import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A member's refresh token: only its SHA-256 is kept. Tokens of one sign-in
 * form a family; each works once (used_at), and a second use of a used token
 * (a stolen copy) revokes the whole family.
 */
@Entity('member_refresh_tokens')
@Index('ix_member_refresh_tokens_family', ['familyId'])
@Index('ix_member_refresh_tokens_member', ['memberId'])
export class MemberRefreshToken {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  /** One sign-in: every token rotated from it shares this id (also the access token's sid). */
  @Column({ name: 'family_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  familyId: string;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'token_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** Traded for a new pair (rotation). */
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  /** Signed out, or the family was revoked after a reuse. */
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
