import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectOne } from '../../database/sql';
import { MessageTemplate } from './entities/message-template.entity';

/** The owner of `message_templates`: versions are appended, never changed. */
@Injectable()
export class TemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The highest version of a code (0 for a new code). */
  async maxVersion(m: EntityManager, code: string): Promise<number> {
    const r = await selectOne<{ v: number | string }>(m, 'SELECT COALESCE(MAX(version), 0) AS v FROM message_templates WHERE code = ?', [
      code,
    ]);
    return Number(r?.v ?? 0);
  }

  /** A version already taken (two saves at once) fails with a duplicate key. */
  async insert(m: EntityManager, template: MessageTemplate): Promise<void> {
    await m.getRepository(MessageTemplate).insert(template);
  }

  latest(code: string): Promise<MessageTemplate | null> {
    return this.dataSource.getRepository(MessageTemplate).findOne({ where: { code }, order: { version: 'DESC' } });
  }

  /** Up to 100 versions of a code, newest first. */
  versions(code: string): Promise<MessageTemplate[]> {
    return this.dataSource.getRepository(MessageTemplate).find({ where: { code }, order: { version: 'DESC' }, take: 100 });
  }

  /** Every version of every code (templates are few), by code, newest first. */
  all(): Promise<MessageTemplate[]> {
    return this.dataSource.getRepository(MessageTemplate).find({ order: { code: 'ASC', version: 'DESC' }, take: 10_000 });
  }
}
