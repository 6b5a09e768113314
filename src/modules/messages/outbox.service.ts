import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../common/ids';
import { TiersService } from '../tiers/tiers.service';
import { MessageTemplate } from './entities/message-template.entity';
import { MessageChannel, MessageStatus } from './entities/outbox-message.entity';
import { channelMismatch } from './messages.errors';
import { NewOutboxRow, OutboxFilter, OutboxRepository, Recipient } from './outbox.repository';
import { OutboxSecretsStore } from './outbox-secrets.store';
import { maskMessageText } from './rules/mask-text';
import { SecretValues, withholdSecrets } from './rules/secret-values';
import { TemplateLocale, TemplateValues } from './rules/template';
import { TemplatesService } from './templates.service';

/** One message to ask for. */
export interface EnqueueMessage {
  /**
   * Who asks, unique per message run: 'campaign:<id>:<occurrence>',
   * 'expiry-notice:2026-05', 'tier-change:<id>', 'sign-in:<id>'. The outbox
   * keeps one row per (source, member, channel), so asking twice sends once.
   */
  source: string;
  memberId: string;
  templateCode: string;
  /** Defaults to the template's channel; another channel than the template's is refused. */
  channel?: MessageChannel;
  /** Values of the template's variables. name, tier and points default to the member's own. */
  variables?: TemplateValues;
  /** Defaults to zh-CN; a template without an en variant is sent in zh-CN. */
  locale?: TemplateLocale;
  /**
   * How long a secret among the variables (the sign-in code) may still be sent: its own life. The stored text
   * keeps the secret's placeholder; the value waits in Redis this long for the sender. Required with a secret.
   */
  secretTtlSeconds?: number;
}

export interface EnqueueResult {
  /** New rows waiting to be sent. */
  queued: number;
  /** New rows recorded but not to be sent: no consent to the channel, or no address on it. */
  skipped: number;
  /** Asked before: nothing new written. */
  duplicates: number;
  /** Members that do not exist: nothing written. */
  unknownMembers: number;
}

/** The consent that covers a channel ('log' reaches nobody and needs none). */
const CONSENT_CHANNEL: Record<MessageChannel, string | null> = { email: 'email', sms: 'sms', push: 'push', log: null };

/**
 * The message outbox. Everyone who sends a member a message (campaigns,
 * notices, sign-in codes) asks here: the message is rendered from its
 * template now, checked against the member's consent to the channel, and
 * recorded once per (source, member, channel); the sender worker delivers it.
 * A secret value (the sign-in code) is never rendered into the stored text:
 * the row keeps its placeholder, the value waits in Redis (OutboxSecretsStore)
 * and the sender puts it in at send time.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly templates: TemplatesService,
    private readonly tiers: TiersService,
    private readonly secrets: OutboxSecretsStore,
  ) {}

  /** One message. Pass the manager of your transaction to record it with your own writes (committed or rolled back together). */
  async enqueue(message: EnqueueMessage, manager?: EntityManager): Promise<EnqueueResult> {
    return this.enqueueMany([message], manager);
  }

  /**
   * A batch of messages (a campaign's fan-out batch, a notice job's range) in
   * a handful of statements: one read of the members and their consents per
   * template, multi-row inserts of 500.
   */
  async enqueueMany(messages: EnqueueMessage[], manager?: EntityManager): Promise<EnqueueResult> {
    const result: EnqueueResult = { queued: 0, skipped: 0, duplicates: 0, unknownMembers: 0 };
    const byTemplate = new Map<string, EnqueueMessage[]>();
    for (const msg of messages) {
      byTemplate.set(msg.templateCode, [...(byTemplate.get(msg.templateCode) ?? []), msg]);
    }
    const tiers = await this.tiers.list();
    const tierName = new Map(tiers.map((t) => [t.code, t.name]));
    const now = new Date();
    for (const [code, group] of byTemplate) {
      const template = await this.templates.latest(code);
      for (const msg of group) {
        if (msg.channel && msg.channel !== template.channel) {
          throw channelMismatch(code, template.channel, msg.channel);
        }
      }
      const consentChannel = CONSENT_CHANNEL[template.channel];
      const recipients = await this.repo.recipients(manager, [...new Set(group.map((g) => g.memberId))], consentChannel ?? 'none');
      const rows: NewOutboxRow[] = [];
      const withheld: Array<{ messageId: string; secrets: SecretValues; ttlSeconds: number | undefined }> = [];
      for (const msg of group) {
        const recipient = recipients.get(msg.memberId);
        if (!recipient) {
          result.unknownMembers += 1;
          continue;
        }
        const { row, secrets } = this.row(template, msg, recipient, tierName, now);
        rows.push(row);
        if (row.status === 'queued' && Object.keys(secrets).length > 0) {
          withheld.push({ messageId: row.id, secrets, ttlSeconds: msg.secretTtlSeconds });
        }
      }
      // The secrets reach Redis before their rows can be claimed by a sender.
      await Promise.all(withheld.map((w) => this.putSecrets(w.messageId, w.secrets, w.ttlSeconds)));
      const inserted = await this.repo.insertNew(manager, rows);
      for (const r of rows) {
        if (!inserted.has(r.id)) {
          result.duplicates += 1;
        } else if (r.status === 'queued') {
          result.queued += 1;
        } else {
          result.skipped += 1;
        }
      }
    }
    return result;
  }

  /** The status of each member's row of one source (read in the caller's transaction, e.g. right after enqueueMany). */
  statusesOf(manager: EntityManager, source: string, memberIds: string[]): Promise<Map<string, MessageStatus>> {
    return this.repo.statusesOf(manager, source, memberIds);
  }

  /**
   * A transactional message to a phone no member holds yet (a registration
   * sign-in code): no member, the address kept on the row. Only transactional
   * SMS templates may be sent this way. Answers whether a new row was written.
   */
  async enqueueToPhone(message: {
    source: string;
    phone: string;
    templateCode: string;
    variables?: TemplateValues;
    locale?: TemplateLocale;
    /** As EnqueueMessage.secretTtlSeconds. */
    secretTtlSeconds?: number;
  }): Promise<boolean> {
    const template = await this.templates.latest(message.templateCode);
    if (template.channel !== 'sms' || !template.transactional) {
      throw channelMismatch(template.code, template.channel, 'sms');
    }
    const { stored, secrets } = withholdSecrets({ name: '', ...message.variables });
    const rendered = this.templates.render(template, message.locale ?? 'zh-CN', stored);
    const row: NewOutboxRow = {
      id: newId(),
      source: message.source,
      memberId: null,
      toAddress: message.phone,
      channel: 'sms',
      templateCode: template.code,
      templateVersion: template.version,
      locale: rendered.locale,
      transactional: true,
      subject: rendered.subject,
      body: rendered.body,
      status: 'queued',
      now: new Date(),
    };
    if (Object.keys(secrets).length > 0) {
      await this.putSecrets(row.id, secrets, message.secretTtlSeconds);
    }
    const inserted = await this.repo.insertNew(undefined, [row]);
    return inserted.has(row.id);
  }

  private async putSecrets(messageId: string, secrets: SecretValues, ttlSeconds: number | undefined): Promise<void> {
    if (ttlSeconds === undefined || ttlSeconds <= 0) {
      // A programming error, not bad input: a secret must say how long it lives.
      throw new Error(`A message with a secret value (${Object.keys(secrets).join(', ')}) needs secretTtlSeconds`);
    }
    await this.secrets.put(messageId, secrets, ttlSeconds);
  }

  /** A page of the outbox, newest first. masked: the text as roles other than admin see it. */
  async list(filter: OutboxFilter, masked: boolean) {
    const rows = await this.repo.list(filter);
    return {
      messages: rows.map((r) => ({
        messageId: r.id,
        source: r.source,
        memberId: r.memberId,
        channel: r.channel,
        templateCode: r.templateCode,
        templateVersion: r.templateVersion,
        locale: r.locale,
        transactional: r.transactional,
        subject: masked && r.subject !== null ? maskMessageText(r.subject, r.memberName, r.transactional) : r.subject,
        body: masked ? maskMessageText(r.body, r.memberName, r.transactional) : r.body,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt.toISOString(),
        providerMessageId: r.providerMessageId,
        lastError: r.lastError,
        createdAt: r.createdAt.toISOString(),
        sentAt: r.sentAt ? r.sentAt.toISOString() : null,
      })),
      nextBefore: rows.length === filter.limit ? rows[rows.length - 1].id : null,
    };
  }

  private row(
    template: MessageTemplate,
    msg: EnqueueMessage,
    recipient: Recipient,
    tierName: Map<string, string>,
    now: Date,
  ): { row: NewOutboxRow; secrets: SecretValues } {
    const { stored, secrets } = withholdSecrets({
      name: recipient.name ?? '',
      tier: tierName.get(recipient.tierCode) ?? recipient.tierCode,
      points: recipient.balance,
      ...msg.variables,
    });
    const rendered = this.templates.render(template, msg.locale ?? 'zh-CN', stored);
    const row: NewOutboxRow = {
      id: newId(),
      source: msg.source,
      memberId: msg.memberId,
      channel: template.channel,
      templateCode: template.code,
      templateVersion: template.version,
      locale: rendered.locale,
      transactional: template.transactional,
      subject: rendered.subject,
      body: rendered.body,
      status: statusFor(template, recipient),
      now,
    };
    return { row, secrets };
  }
}

/** Consent first (marketing rules), then whether the member can be reached on the channel at all. */
function statusFor(template: MessageTemplate, recipient: Recipient): MessageStatus {
  const needsConsent = !template.transactional && CONSENT_CHANNEL[template.channel] !== null;
  if (needsConsent && !recipient.consented) {
    return 'skipped_no_consent';
  }
  if ((template.channel === 'email' && !recipient.email) || (template.channel === 'sms' && !recipient.phone)) {
    return 'skipped_no_address';
  }
  return 'queued';
}
