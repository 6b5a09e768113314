import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { afterFailure } from '../rules/backoff';
import { signedHeaders } from '../rules/signature';
import { ClaimedDelivery, WebhooksRepository } from './webhooks.repository';

const MAX_RETRY_DELAY_MS = 3_600_000;
const SEND_CONCURRENCY = 8;

/**
 * POSTs due webhook deliveries: JSON body, `X-Signature: sha256=HMAC(secret,
 * timestamp.body)`, `X-Timestamp`, `X-Event-Id`, `X-Event-Type`. A 2xx answer
 * is delivered; anything else is recorded as an attempt and retried with
 * backoff until WEBHOOK_MAX_ATTEMPTS, then the delivery is failed (replayable).
 */
@Injectable()
export class WebhookSenderService {
  private readonly logger = new Logger(WebhookSenderService.name);

  constructor(
    private readonly repo: WebhooksRepository,
    private readonly config: AppConfig,
  ) {}

  async deliverDue(budgetMs = 20_000): Promise<{ claimed: number; delivered: number; retried: number; failed: number }> {
    const totals = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
    const started = Date.now();
    const { batchSize, sendTimeoutMs } = this.config.messages;
    await this.repo.requeueLapsed(new Date());
    while (Date.now() - started < budgetMs) {
      const claimed = await this.repo.claim(new Date(), batchSize, sendTimeoutMs * 3 + 60_000);
      totals.claimed += claimed.length;
      for (let i = 0; i < claimed.length; i += SEND_CONCURRENCY) {
        const outcomes = await Promise.all(claimed.slice(i, i + SEND_CONCURRENCY).map((d) => this.deliverOne(d)));
        for (const o of outcomes) {
          totals[o] += 1;
        }
      }
      if (claimed.length < batchSize) {
        break;
      }
    }
    return totals;
  }

  private async deliverOne(d: ClaimedDelivery): Promise<'delivered' | 'retried' | 'failed'> {
    const c = this.config.messages;
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'loyalty-webhooks/1',
          'X-Event-Id': d.eventId,
          'X-Event-Type': d.eventType,
          'X-Delivery-Id': d.id,
          ...signedHeaders(d.secret, d.payload),
        },
        body: d.payload,
        signal: AbortSignal.timeout(c.sendTimeoutMs),
        redirect: 'manual',
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (!res.ok) {
        error = `answered ${res.status}`;
      }
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    const now = new Date();
    await this.repo.recordAttempt({ deliveryId: d.id, statusCode, error, durationMs: Date.now() - started, at: now });
    if (error === null) {
      await this.repo.finish(d.id, { status: 'delivered', statusCode, error: null }, now);
      return 'delivered';
    }
    const next = afterFailure(d.attempts, c.webhookMaxAttempts, now, c.retryBaseMs, MAX_RETRY_DELAY_MS);
    if ('retryAt' in next) {
      await this.repo.finish(d.id, { status: 'pending', statusCode, error, nextAttemptAt: next.retryAt }, now);
      return 'retried';
    }
    await this.repo.finish(d.id, { status: 'failed', statusCode, error }, now);
    this.logger.warn({ msg: 'webhook delivery failed', deliveryId: d.id, eventType: d.eventType, attempts: d.attempts, error });
    return 'failed';
  }
}
