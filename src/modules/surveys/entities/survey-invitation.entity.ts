import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const ID = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

export type InvitationStatus = 'open' | 'answered' | 'expired';

/**
 * An invitation of one member to one survey, after a purchase or from a
 * campaign: its signed link is usable once (status open → answered), within
 * its life. `open_member_id` is the member id while the invitation is open
 * and null after: its unique key keeps at most one open invitation per
 * member. (survey, member, source_ref) is unique, so a job run twice invites
 * once.
 */
@Entity('survey_invitations')
@Index('ux_survey_invitations_open_member', ['openMemberId'], { unique: true })
@Index('ux_survey_invitations_source', ['surveyId', 'memberId', 'sourceRef'], { unique: true })
@Index('ix_survey_invitations_member', ['memberId', 'createdAt'])
@Index('ix_survey_invitations_survey', ['surveyId', 'createdAt'])
@Index('ix_survey_invitations_status_expires', ['status', 'expiresAt'])
export class SurveyInvitation {
  @PrimaryColumn(ID)
  id: string;

  @Column({ name: 'survey_id', ...ID })
  surveyId: string;

  @Column({ name: 'member_id', ...ID })
  memberId: string;

  @Column({ name: 'open_member_id', ...ID, nullable: true })
  openMemberId: string | null;

  /** 'purchase' or 'campaign'. */
  @Column({ type: 'varchar', length: 16 })
  source: 'purchase' | 'campaign';

  /** The purchase id, or `<campaign id>:<occurrence>`. */
  @Column({ name: 'source_ref', type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  sourceRef: string;

  /** The store of the purchase (results by store); null for a campaign invitation. */
  @Column({ name: 'store_id', ...ID, nullable: true })
  storeId: string | null;

  /** The member's tier when invited (results by tier). */
  @Column({ name: 'tier_code', type: 'varchar', length: 32 })
  tierCode: string;

  @Column({ type: 'varchar', length: 16 })
  status: InvitationStatus;

  /** The outbox's answer for the invitation message (queued, or skipped without consent or address). */
  @Column({ name: 'message_status', type: 'varchar', length: 16, nullable: true })
  messageStatus: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;
}
