import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

const ID = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

export const COMPLAINT_STEP_KINDS = ['raised', 'assigned', 'state', 'reply', 'note', 'apology', 'goodwill', 'coupon'] as const;
export type ComplaintStepKind = (typeof COMPLAINT_STEP_KINDS)[number];

/** Steps the member sees on the member page (internal notes and assignments are staff's own). */
export const MEMBER_VISIBLE_STEPS: readonly ComplaintStepKind[] = ['raised', 'state', 'reply', 'apology', 'goodwill', 'coupon'];

/**
 * Every change of a complaint case, with who and when: raised, assigned,
 * a change of state, a reply to the member, an internal note, the apology,
 * goodwill points (with their ledger entry), a coupon (its code and reward). Append-only; an erasure clears
 * the texts.
 */
@Entity('complaint_steps')
@Index('ix_complaint_steps_case', ['complaintId', 'id'])
@Index('ix_complaint_steps_member', ['memberId', 'id'])
export class ComplaintStep {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'complaint_id', ...ID })
  complaintId: string;

  @Column({ name: 'member_id', ...ID })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ComplaintStepKind;

  @Column({ name: 'from_state', type: 'varchar', length: 16, nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 16, nullable: true })
  toState: string | null;

  /** assigned: the new owner. */
  @Column({ name: 'owner_id', ...ID, nullable: true })
  ownerId: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  text: string | null;

  /** goodwill: the points given. */
  @Column({ type: 'int', nullable: true })
  points: number | null;

  /** goodwill: the ledger entry; apology: null. */
  @Column({ name: 'entry_id', type: 'bigint', nullable: true, transformer: bigintNumber })
  entryId: number | null;

  /** apology: the outbox message's state when asked (queued, skipped: no address or consent). */
  @Column({ name: 'message_status', type: 'varchar', length: 16, nullable: true })
  messageStatus: string | null;

  @Column({ name: 'actor_type', type: 'varchar', length: 8 })
  actorType: 'admin' | 'member' | 'system';

  @Column({ name: 'actor_id', ...ID, nullable: true })
  actorId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
