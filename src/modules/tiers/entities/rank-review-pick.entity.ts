import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who a rank review picked, per run: the members it placed in (or kept in) a
 * rank tier on their own merit. When a grant of a rank tier ends, the tier
 * review keeps the tier only for a member the last completed rank review
 * picked for it (grantExpiryOutcome); a holder the review kept only because of
 * an open grant has no row here.
 */
@Entity('rank_review_picks')
@Index('ix_rank_review_picks_member', ['memberId', 'runId'])
export class RankReviewPick {
  /** The rank review's job run. */
  @PrimaryColumn({ name: 'run_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  runId: string;

  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @Column({ name: 'tier_code', type: 'varchar', length: 32 })
  tierCode: string;
}
