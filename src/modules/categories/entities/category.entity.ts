import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A named category of the catalog: the code the tills send (lower-cased, compared as the purchase lines compare it)
 * and its names in zh-CN and English, which every picker and report shows instead of the code.
 */
@Entity('categories')
export class Category {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
