import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('stores')
export class Store {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: 'active' | 'closed';

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
