import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ChannelRegistry } from './channels/channel-registry';
import { OutgoingMessage, PermanentSendError } from './channels/channel-adapter';
import { OutboxSecretsStore } from './outbox-secrets.store';
import { BatchClaim, ClaimedMessage, OutboxRepository, SendOutcome } from './outbox.repository';
import { afterFailure } from './rules/backoff';
import { fillSecrets, redactSecrets, SecretValues, secretsIn } from './rules/secret-values';

const MAX_RETRY_DELAY_MS = 3_600_000;
/** Sends in flight at once per claimed batch. */
const SEND_CONCURRENCY = 8;
/**
 * A batch's outcomes are written when it ends, or sooner once the oldest unwritten one is this old (a slow gateway):
 * what a crash can make the sender send again stays within about this much sending time.
 */
const WRITE_OUTCOMES_AFTER_MS = 1_000;

export interface SendRound {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * The sender: claims a batch of due outbox rows (one outbox_claims row with a lease covers the batch; other
 * senders pass over the rows of every live claim, and rows another sender is claiming at that moment are skipped
 * by SKIP LOCKED, so any number of workers share the work without taking a row twice), sends each through its
 * channel's adapter, and records the outcomes: sent, queued again after a backoff, or failed once the attempts
 * are spent. Each message row is written once, with its outcome. The outcomes of a batch are written together,
 * one UPDATE per kind, when the batch ends, in the transaction that deletes its claim and claims the next batch
 * (OutboxRepository.recordAndClaim), or sooner after WRITE_OUTCOMES_AFTER_MS of slow sending. A sender killed
 * after sending but before that write leaves its rows queued under its claim until the lease lapses; they are
 * then sent again (at least once: the adapters pass the message id as an idempotency key).
 * A stored text's secret placeholders ({{code}}) are filled here, from Redis
 * (OutboxSecretsStore, shared by every process); a message whose secret has
 * expired is marked failed and never sent with the placeholder.
 */
@Injectable()
export class OutboxSenderService {
  private readonly logger = new Logger(OutboxSenderService.name);

  constructor(
    private readonly repo: OutboxRepository,
    private readonly channels: ChannelRegistry,
    private readonly config: AppConfig,
    private readonly secrets: OutboxSecretsStore,
  ) {}

  /**
   * Claims and sends batches until nothing is due or the time budget is used. A batch's last outcomes are written
   * in the transaction that claims the next batch (one commit for both), and on their own after the last batch.
   */
  async sendDue(budgetMs = 20_000): Promise<SendRound> {
    const totals: SendRound = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    const started = Date.now();
    const { batchSize } = this.config.messages;
    await this.repo.requeueLapsed(new Date());
    let pending: SendOutcome[] = [];
    let claim: BatchClaim | null = null;
    try {
      while (Date.now() - started < budgetMs) {
        const next = await this.repo.recordAndClaim(pending, claim, new Date(), batchSize, this.leaseMs());
        pending = [];
        claim = next.claim;
        this.warnUnwritten(next.unwritten);
        const round = await this.sendClaimed(next.claimed, claim);
        pending = round.pending;
        totals.claimed += round.claimed;
        totals.sent += round.sent;
        totals.retried += round.retried;
        totals.failed += round.failed;
        if (round.claimed < batchSize) {
          break;
        }
      }
    } finally {
      await this.record(pending, claim);
    }
    return totals;
  }

  /** One batch: claimed, sent, and its outcomes written (its claim deleted with them). */
  async sendBatch(limit: number): Promise<SendRound> {
    const { claim, claimed } = await this.repo.claimBatch(new Date(), limit, this.leaseMs());
    const { pending, ...round } = await this.sendClaimed(claimed, claim);
    await this.record(pending, claim);
    return round;
  }

  private leaseMs(): number {
    return this.config.messages.sendTimeoutMs * 3 + 60_000;
  }

  /**
   * Sends claimed messages; outcomes are written on the way once the oldest unwritten is WRITE_OUTCOMES_AFTER_MS old
   * (a slow gateway). Answers the outcomes left to write (the caller writes them, with its next claim or alone).
   */
  private async sendClaimed(claimed: ClaimedMessage[], claim: BatchClaim | null): Promise<SendRound & { pending: SendOutcome[] }> {
    const round: SendRound = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
    let outcomes: SendOutcome[] = [];
    let oldest = Date.now();
    for (let i = 0; i < claimed.length; i += SEND_CONCURRENCY) {
      const decided = await Promise.all(claimed.slice(i, i + SEND_CONCURRENCY).map((msg) => this.sendOne(msg)));
      for (const outcome of decided) {
        round[outcome.kind === 'sent' ? 'sent' : outcome.kind === 'retry' ? 'retried' : 'failed'] += 1;
      }
      outcomes.push(...decided);
      const last = i + SEND_CONCURRENCY >= claimed.length;
      if (!last && Date.now() - oldest >= WRITE_OUTCOMES_AFTER_MS) {
        // The claim stays: it still covers the batch's unsent rows.
        await this.record(outcomes, claim, false);
        outcomes = [];
        oldest = Date.now();
      }
    }
    return { ...round, pending: outcomes };
  }

  /**
   * Writes outcomes, and with the batch's last ones deletes its claim. A row that cannot be written is parked in
   * 'sending' until the claim's lease ends, then sent again.
   */
  private async record(outcomes: SendOutcome[], claim: BatchClaim | null, last = true): Promise<void> {
    if (outcomes.length > 0 || (claim && last)) {
      this.warnUnwritten(await this.repo.recordOutcomes(outcomes, new Date(), claim ?? undefined, last));
    }
  }

  private warnUnwritten(unwritten: string[]): void {
    if (unwritten.length > 0) {
      this.logger.warn({ msg: 'message outcomes not recorded; sent again after the claim lapses', messageIds: unwritten });
    }
  }

  /** Sends one claimed message (or decides it cannot go) and answers its outcome; writes nothing. */
  private async sendOne(msg: ClaimedMessage): Promise<SendOutcome> {
    const c = this.config.messages;
    const to = msg.channel === 'email' ? msg.email : msg.channel === 'sms' ? msg.phone : msg.memberId;
    if (!to) {
      return { kind: 'ended', id: msg.id, status: 'skipped_no_address', error: `the member has no ${msg.channel} address` };
    }
    const secrets = await this.secretsOf(msg);
    // Only transactional texts hold secret placeholders ({{code}} is refused in other templates); others go as stored.
    const fill = (t: string) => (msg.transactional ? fillSecrets(t, secrets) : { text: t, missing: [] });
    const subject = msg.subject === null ? { text: null, missing: [] } : fill(msg.subject);
    const text = fill(msg.body);
    const missing = [...new Set([...subject.missing, ...text.missing])];
    if (missing.length > 0) {
      // Never send a placeholder: the secret's life (the sign-in code's) is over, and the member asks for a new one.
      return { kind: 'ended', id: msg.id, status: 'failed', error: secretExpired(missing) };
    }
    const outgoing: OutgoingMessage = {
      messageId: msg.id,
      memberId: msg.memberId,
      channel: msg.channel,
      to,
      subject: subject.text,
      text: text.text,
      locale: msg.locale,
    };
    try {
      const result = await this.channels.for(msg.channel).send(outgoing);
      return { kind: 'sent', id: msg.id, providerMessageId: result.providerMessageId };
    } catch (err) {
      // A gateway's error may echo the text: the secret goes back to its placeholder before the error is stored.
      const error = redactSecrets(err instanceof Error ? err.message : String(err), secrets);
      const next =
        err instanceof PermanentSendError
          ? { giveUp: true as const }
          : afterFailure(msg.attempts, c.maxAttempts, new Date(), c.retryBaseMs, MAX_RETRY_DELAY_MS);
      if ('retryAt' in next) {
        return { kind: 'retry', id: msg.id, error, retryAt: next.retryAt };
      }
      this.logger.warn({ msg: 'message failed', messageId: msg.id, channel: msg.channel, attempts: msg.attempts, error });
      return { kind: 'ended', id: msg.id, status: 'failed', error };
    }
  }

  /** The secrets of a transactional message whose text holds a secret's placeholder (one Redis read); null otherwise. */
  private async secretsOf(msg: ClaimedMessage): Promise<SecretValues | null> {
    if (!msg.transactional || (secretsIn(msg.body).length === 0 && secretsIn(msg.subject).length === 0)) {
      return null;
    }
    return this.secrets.get(msg.id);
  }
}

/** The last error of a message whose secret expired before it could be sent. */
export function secretExpired(variables: string[]): string {
  return `not sent: its ${variables.map((v) => `{{${v}}}`).join(', ')} expired before it could be sent (the member asks for a new code)`;
}
