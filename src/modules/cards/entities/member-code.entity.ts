import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A member's code secret (POS-API 1.2 member code), made on the member's first GET portal/me/member-code.
 * The index is what a code carries (encrypted): the till finds the row by primary key. The secret is sealed
 * (AES-256-GCM under MEMBER_CODE_KEY, bound to the member id) and no route ever answers it.
 */
@Entity('member_codes')
export class MemberCode {
  @PrimaryGeneratedColumn({ name: 'code_index', type: 'int', unsigned: true })
  codeIndex: number;

  @Index('ux_member_codes_member', { unique: true })
  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  /** iv ‖ ciphertext ‖ tag of the 32-byte secret. */
  @Column({ type: 'varbinary', length: 64 })
  secret: Buffer;

  /** When the secret was made or last rotated (a card reported lost). */
  @Column({ name: 'rotated_at', type: 'datetime', precision: 3 })
  rotatedAt: Date;

  /** The step of the last code that paid with points: a redemption takes only a later step (each code spends once). */
  @Column({ name: 'last_spent_step', type: 'bigint', nullable: true })
  lastSpentStep: string | null;
}
