import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One birthday bonus per member and year: the primary key is the final guard against a double grant. */
@Entity('birthday_bonuses')
export class BirthdayBonus {
  @PrimaryColumn({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  memberId: string;

  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'int' })
  points: number;

  @Column({ name: 'tier_code', type: 'varchar', length: 32 })
  tierCode: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
