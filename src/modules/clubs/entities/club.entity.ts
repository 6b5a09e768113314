import { Column, Entity, PrimaryColumn } from 'typeorm';

export type JoinPolicy = 'open' | 'invite' | 'automatic';

@Entity('clubs')
export class Club {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ name: 'join_policy', type: 'varchar', length: 16 })
  joinPolicy: JoinPolicy;

  @Column({ type: 'varchar', length: 16 })
  status: 'active' | 'archived';

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
