import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { Transactions } from '../../database/transactions';
import { Actor, AuditService } from '../audit/audit.service';
import { MessageTemplate } from './entities/message-template.entity';
import type { MessageChannel } from './entities/outbox-message.entity';
import { systemTemplateInvalid, templateInvalid, templateNeedsAdmin, templateNotFound } from './messages.errors';
import { OutboxRepository } from './outbox.repository';
import { TemplatesRepository } from './templates.repository';
import { systemRightNeeded, systemTemplate, systemTemplateProblems } from './rules/system-templates';
import { renderTemplate, TemplateLocale, TemplateValues, validateTemplateText, variablesOf } from './rules/template';
import { maskName } from '../../common/masking';
import { memberNotFound } from '../members/members.errors';
import { TiersService } from '../tiers/tiers.service';
import { addDays } from '../../common/time';

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
    private readonly transactions: Transactions,
    private readonly repo: TemplatesRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxRepository,
    private readonly tiers: TiersService,
  ) {}

  /**
   * Saves a new version (1 for a new code). Every text is checked: a
   * malformed placeholder or an unknown variable is refused, named. System
   * templates (the sign-in code, the notices) and transactional templates
   * need `system` (messages.system: admins; the system itself at start), and
   * a system template keeps its channel, its transactional flag (the default
   * when the input names none) and its required variables.
   */
  async save(
    actor: Actor,
    input: SaveTemplate,
    rights: { system: boolean } = { system: actor.type === 'system' },
  ): Promise<MessageTemplate> {
    const transactional = input.transactional ?? systemTemplate(input.code)?.transactional ?? false;
    if (!rights.system) {
      const reason = systemRightNeeded(input.code, transactional, await this.latestIsTransactional(input.code));
      if (reason) {
        throw templateNeedsAdmin(reason);
      }
    }
    const texts: Array<[string, string | null | undefined]> = [
      ['variants.zh-CN.subject', input.variants['zh-CN'].subject],
      ['variants.zh-CN.body', input.variants['zh-CN'].body],
      ['variants.en.subject', input.variants.en?.subject],
      ['variants.en.body', input.variants.en?.body],
    ];
    const bodies = texts.flatMap(([field, text]) => (field.endsWith('.body') && text ? [{ field, body: text }] : []));
    const systemProblems = systemTemplateProblems(input.code, { channel: input.channel, transactional, bodies });
    if (systemProblems.length > 0) {
      throw systemTemplateInvalid(input.code, systemProblems);
    }
    const problems = texts.flatMap(([field, text]) =>
      text ? validateTemplateText(text, transactional).map((p) => ({ field, message: p.message })) : [],
    );
    if (problems.length > 0) {
      throw templateInvalid(problems);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const saved = await this.transactions.retrying(async (m) => {
          const version = (await this.repo.maxVersion(m, input.code)) + 1;
          const template: MessageTemplate = {
            code: input.code,
            version,
            channel: input.channel,
            transactional,
            subjectZh: input.variants['zh-CN'].subject ?? null,
            bodyZh: input.variants['zh-CN'].body,
            subjectEn: input.variants.en?.subject ?? null,
            bodyEn: input.variants.en?.body ?? null,
            createdBy: actor.id,
            createdAt: new Date(),
          };
          await this.repo.insert(m, template);
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

  /** Read afresh, not from the 5 s cache: it decides who may save. */
  private async latestIsTransactional(code: string): Promise<boolean> {
    const latest = await this.repo.latest(code);
    return latest?.transactional === true;
  }

  async latest(code: string): Promise<MessageTemplate> {
    const hit = this.cache.get(code);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      if (!hit.template) {
        throw templateNotFound(code);
      }
      return hit.template;
    }
    const template = await this.repo.latest(code);
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
    const all = await this.repo.versions(code);
    if (all.length === 0) {
      throw templateNotFound(code);
    }
    return all;
  }

  /** The latest version of every template, by code (templates are few: read them all, keep the newest of each). */
  async list(): Promise<MessageTemplate[]> {
    const all = await this.repo.all();
    const seen = new Set<string>();
    return all.filter((t) => !seen.has(t.code) && seen.add(t.code));
  }

  /**
   * Renders a version (default the latest) in both locales for a member, or
   * for a sample member. Writes nothing. With maskPersonal (console users
   * without members.pii) the member's name is rendered masked, as every
   * other view shows it to them.
   */
  async preview(code: string, memberId?: string, version?: number, maskPersonal = false) {
    const template = version ? (await this.versions(code)).find((t) => t.version === version) : await this.latest(code);
    if (!template) {
      throw templateNotFound(`${code} version ${version}`);
    }
    let values: TemplateValues = {
      name: '张三',
      points: 1200,
      tier: (await this.tiers.list())[0]?.name ?? 'Standard',
      expiryDate: addDays(new Date(), 30).toISOString().slice(0, 10),
      club: '母婴俱乐部',
      code: '123456',
    };
    if (memberId) {
      const member = (await this.outbox.recipients(undefined, [memberId], template.channel)).get(memberId);
      if (!member) {
        throw memberNotFound('memberId', memberId);
      }
      const tier = await this.tiers.byCode(member.tierCode).catch(() => null);
      const name = maskPersonal ? maskName(member.name) : member.name;
      values = { ...values, name: name ?? '', points: member.balance, tier: tier?.name ?? member.tierCode };
    }
    const zh = this.render(template, 'zh-CN', values);
    const en = this.render(template, 'en', values);
    return {
      code: template.code,
      version: template.version,
      memberId: memberId ?? null,
      variables: values,
      'zh-CN': { subject: zh.subject, text: zh.body },
      en: { subject: en.subject, text: en.body },
    };
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

/** A template as the console shows it. */
export function templateView(t: MessageTemplate) {
  const texts = [t.subjectZh, t.bodyZh, t.subjectEn, t.bodyEn].filter((x): x is string => typeof x === 'string');
  return {
    code: t.code,
    version: t.version,
    channel: t.channel,
    transactional: t.transactional,
    variants: {
      'zh-CN': { subject: t.subjectZh, body: t.bodyZh },
      en: t.bodyEn ? { subject: t.subjectEn, body: t.bodyEn } : null,
    },
    variables: [...new Set(texts.flatMap((x) => variablesOf(x)))],
    createdAt: t.createdAt.toISOString(),
  };
}
