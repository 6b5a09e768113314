import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MessageChannel } from './outbox-message.entity';

/** One saved version of a template. Saving makes a new version; outbox rows name the version they were rendered from. */
@Entity('message_templates')
export class MessageTemplate {
  @PrimaryColumn({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  code: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 8, charset: 'ascii', collation: 'ascii_bin' })
  channel: MessageChannel;

  /** Sign-in codes: may use {{code}}, sent without marketing consent. */
  @Column({ type: 'boolean', default: false })
  transactional: boolean;

  @Column({ name: 'subject_zh', type: 'varchar', length: 200, nullable: true })
  subjectZh: string | null;

  @Column({ name: 'body_zh', type: 'text' })
  bodyZh: string;

  @Column({ name: 'subject_en', type: 'varchar', length: 200, nullable: true })
  subjectEn: string | null;

  @Column({ name: 'body_en', type: 'text', nullable: true })
  bodyEn: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
