import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';
import type { CampaignState } from '../rules/states';

export type ScheduleKind = 'now' | 'at' | 'cron';

/** A marketing campaign: audience, actions, schedule, budget and holdout. Not a hot table: definitions are JSON text. */
@Entity('campaigns')
@Index('ix_campaigns_state', ['state'])
export class Campaign {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  state: CampaignState;

  /** The state a paused campaign returns to on resume. */
  @Column({ name: 'paused_from', type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  pausedFrom: CampaignState | null;

  /** The audience definition (JSON, validated by parseAudience). */
  @Column({ type: 'text' })
  audience: string;

  /** The actions (JSON): grant, bonusRule, message. */
  @Column({ type: 'text' })
  actions: string;

  @Column({ name: 'schedule_kind', type: 'varchar', length: 8, charset: 'ascii', collation: 'ascii_bin' })
  scheduleKind: ScheduleKind;

  /** When an `at` campaign starts; for `now`, when it was launched. */
  @Column({ name: 'starts_at', type: 'datetime', precision: 3, nullable: true })
  startsAt: Date | null;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  cron: string | null;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  timezone: string;

  /** Share of the audience held out, in thousandths (100 = 10%). */
  @Column({ name: 'holdout_permille', type: 'int', default: 0 })
  holdoutPermille: number;

  /** Results count purchases and redemptions in this many days after each delivery. */
  @Column({ name: 'results_days', type: 'int', default: 14 })
  resultsDays: number;

  /** The fan-out run of the latest occurrence (GET /admin/jobs/{id}). */
  @Column({ name: 'run_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  runId: string | null;

  @Column({ name: 'last_occurrence', type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  lastOccurrence: string | null;

  /** The cost asked for when it was launched above the program limits (pending_approval); what was approved after. */
  @Column({ name: 'approval_points', type: 'bigint', nullable: true, transformer: bigintNumber })
  approvalPoints: number | null;

  /** Who launched it (the maker; with created_by, who may not approve it). */
  @Column({ name: 'submitted_by', type: 'varchar', length: 64, nullable: true })
  submittedBy: string | null;

  @Column({ name: 'approved_by', type: 'varchar', length: 64, nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  /**
   * The most points one occurrence's grants may give: the approved cost, or the program's total limit when
   * it was launched without approval. Null for campaigns launched before maker-checker.
   */
  @Column({ name: 'occurrence_grant_limit', type: 'bigint', nullable: true, transformer: bigintNumber })
  occurrenceGrantLimit: number | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
