import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

/**
 * How often the tills have sent each category code (named or not): purchase lines counted, first and last seen.
 * Written off the POS path by CategoryUsageCollector (counts gathered in memory, one upsert every few seconds);
 * a code here without a row in `categories` is an unknown code waiting for a name.
 */
@Entity('category_usage')
export class CategoryUsage {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'line_count', type: 'bigint', transformer: bigintNumber })
  lineCount: number;

  @Column({ name: 'first_seen_at', type: 'datetime', precision: 3 })
  firstSeenAt: Date;

  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3 })
  lastSeenAt: Date;
}
