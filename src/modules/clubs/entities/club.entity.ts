import { Column, Entity, PrimaryColumn } from 'typeorm';

export type JoinPolicy = 'open' | 'invite' | 'automatic';
export type ClubStatus = 'active' | 'archived';

@Entity('clubs')
export class Club {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  /** The zh-CN name. */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100, default: '' })
  nameEn: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ name: 'join_policy', type: 'varchar', length: 16 })
  joinPolicy: JoinPolicy;

  @Column({ type: 'varchar', length: 16 })
  status: ClubStatus;

  /** Automatic clubs: the rule as JSON text (clubs is a small table, read whole). */
  @Column({ type: 'text', nullable: true })
  rule: string | null;

  /** Automatic clubs: whether a regroup removes members who joined by the rule and no longer match. */
  @Column({ name: 'drop_unmatched', type: 'boolean', default: false })
  dropUnmatched: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt: Date | null;
}
