import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { inTransaction } from '../../database/transaction';
import { Actor, AuditService } from '../audit/audit.service';
import { MessageTemplate } from './entities/message-template.entity';
import type { MessageChannel } from './entities/outbox-message.entity';
import { templateInvalid, templateNotFound } from './messages.errors';
import { renderTemplate, TemplateLocale, TemplateValues, validateTemplateText } from './rules/template';

export interface TemplateVariant {
  subject?: string | null;
  body: string;
}

export interface SaveTemplate {
  code: string;
  channel: MessageChannel;
  transactional?: boolean;
  variants: { 'zh-CN': TemplateVariant; en?: TemplateVariant | null };
}

export interface RenderedMessage {
  locale: TemplateLocale;
  subject: string | null;
  body: string;
}

const CACHE_MS = 5000;

/** Templates: validated and versioned on save, rendered for the outbox. Latest versions are cached 5 s per process. */
@Injectable()
export class TemplatesService {
  private cache = new Map<string, { at: number; template: MessageTemplate | null }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Saves a new version (1 for a new code). Every text is checked: a malformed placeholder or an unknown variable is refused, named. */
  async save(actor: Actor, input: SaveTemplate): Promise<MessageTemplate> {
    const transactional = input.transactional ?? false;
    const texts: Array<[string, string | null | undefined]> = [
      ['variants.zh-CN.subject', input.variants['zh-CN'].subject],
      ['variants.zh-CN.body', input.variants['zh-CN'].body],
      ['variants.en.subject', input.variants.en?.subject],
      ['variants.en.body', input.variants.en?.body],
    ];
    const problems = texts.flatMap(([field, text]) =>
      text ? validateTemplateText(text, transactional).map((p) => ({ field, message: p.message })) : [],
    );
    if (problems.length > 0) {
      throw templateInvalid(problems);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const saved = await inTransaction(this.dataSource, async (m) => {
          const [row] = await m.query('SELECT COALESCE(MAX(version), 0) AS v FROM message_templates WHERE code = ?', [input.code]);
          const template: MessageTemplate = {
            code: input.code,
            version: Number((row as { v: number | string }).v) + 1,
            channel: input.channel,
            transactional,
            subjectZh: input.variants['zh-CN'].subject ?? null,
            bodyZh: input.variants['zh-CN'].body,
            subjectEn: input.variants.en?.subject ?? null,
            bodyEn: input.variants.en?.body ?? null,
            createdBy: actor.id,
            createdAt: new Date(),
          };
          await m.getRepository(MessageTemplate).insert(template);
          await this.audit.record(
            actor,
            'message-template.saved',
            { type: 'message-template', id: `${template.code}@${template.version}` },
            { channel: template.channel, transactional },
            m,
          );
          return template;
        });
        this.cache.delete(input.code);
        return saved;
      } catch (err) {
        // Two saves of one code at once: the second takes the next version.
        if (!isDuplicateKey(err) || attempt >= 3) {
          throw err;
        }
      }
    }
  }

  async latest(code: string): Promise<MessageTemplate> {
    const hit = this.cache.get(code);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      if (!hit.template) {
        throw templateNotFound(code);
      }
      return hit.template;
    }
    const template = await this.dataSource.getRepository(MessageTemplate).findOne({ where: { code }, order: { version: 'DESC' } });
    this.cache.set(code, { at: Date.now(), template });
    if (!template) {
      throw templateNotFound(code);
    }
    return template;
  }

  /** The latest version, or null when there is no such template (notices are optional: no template, no notice). */
  async latestOrNull(code: string): Promise<MessageTemplate | null> {
    try {
      return await this.latest(code);
    } catch {
      return null;
    }
  }

  async versions(code: string): Promise<MessageTemplate[]> {
    const all = await this.dataSource.getRepository(MessageTemplate).find({ where: { code }, order: { version: 'DESC' }, take: 100 });
    if (all.length === 0) {
      throw templateNotFound(code);
    }
    return all;
  }

  /** The latest version of every template, by code (templates are few: read them all, keep the newest of each). */
  async list(): Promise<MessageTemplate[]> {
    const all = await this.dataSource.getRepository(MessageTemplate).find({ order: { code: 'ASC', version: 'DESC' }, take: 10_000 });
    const seen = new Set<string>();
    return all.filter((t) => !seen.has(t.code) && seen.add(t.code));
  }

  /** Renders a version in a locale; a template without that locale's body falls back to zh-CN. */
  render(template: MessageTemplate, locale: TemplateLocale, values: TemplateValues): RenderedMessage {
    if (locale === 'en' && template.bodyEn) {
      return {
        locale: 'en',
        subject: template.subjectEn ? renderTemplate(template.subjectEn, values) : null,
        body: renderTemplate(template.bodyEn, values),
      };
    }
    return {
      locale: 'zh-CN',
      subject: template.subjectZh ? renderTemplate(template.subjectZh, values) : null,
      body: renderTemplate(template.bodyZh, values),
    };
  }
}
