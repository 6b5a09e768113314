import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplaintCategory, ComplaintSeverity, ComplaintState } from '../rules/complaint-case';

const ID = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

/**
 * A complaint case (投诉): who complained, about which store and receipt,
 * what, how severe; its state, owner and due time, and the times the store
 * archive's figures are read from (first answer, resolution). Every change is
 * a row of complaint_steps.
 */
@Entity('complaints')
@Index('ix_complaints_member', ['memberId', 'createdAt'])
@Index('ix_complaints_store', ['storeId', 'createdAt'])
@Index('ix_complaints_state_due', ['state', 'dueAt'])
@Index('ix_complaints_created', ['createdAt'])
export class Complaint {
  @PrimaryColumn(ID)
  id: string;

  /** Shown to people: C + the raise date + a sequence of the day (C20261207-0003). */
  @Index('ux_complaints_case_no', { unique: true })
  @Column({ name: 'case_no', type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin' })
  caseNo: string;

  @Column({ name: 'member_id', ...ID })
  memberId: string;

  @Column({ name: 'store_id', ...ID, nullable: true })
  storeId: string | null;

  @Column({ name: 'receipt_no', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  receiptNo: string | null;

  @Column({ type: 'varchar', length: 16 })
  category: ComplaintCategory;

  /** The member's words (personal data: exported, cleared on erasure). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 8 })
  severity: ComplaintSeverity;

  @Column({ type: 'varchar', length: 16 })
  state: ComplaintState;

  /** The console user who owns the case. */
  @Column({ name: 'owner_id', ...ID, nullable: true })
  ownerId: string | null;

  /** 'admin' (raised by support in the console) or 'member' (on the member page). */
  @Column({ name: 'raised_by_type', type: 'varchar', length: 8 })
  raisedByType: 'admin' | 'member';

  @Column({ name: 'raised_by_id', ...ID, nullable: true })
  raisedById: string | null;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  /** The first step staff took that the member sees (a reply, an apology, a change of state). */
  @Column({ name: 'first_answer_at', type: 'datetime', precision: 3, nullable: true })
  firstAnswerAt: Date | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  /** Goodwill points given for the case, in all. */
  @Column({ name: 'goodwill_points', type: 'int', default: 0 })
  goodwillPoints: number;

  @Column({ name: 'apology_sent_at', type: 'datetime', precision: 3, nullable: true })
  apologySentAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
