import { Injectable, Logger } from '@nestjs/common';
import { request as httpRequest, OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { AppConfig } from '../../../config/app-config';
import { afterFailure } from '../rules/backoff';
import { signedHeaders } from '../rules/signature';
import { WebhookTargetRefusedError, WebhookTargets } from './webhook-targets';
import { ClaimedDelivery, WebhooksRepository } from './webhooks.repository';

const MAX_RETRY_DELAY_MS = 3_600_000;
const SEND_CONCURRENCY = 8;

/**
 * What a delivery record says when no HTTP answer came: one wording whatever the cause (refused, reset, timed out,
 * not resolved, TLS), so delivery records cannot be used to tell open ports from closed ones. The cause is logged.
 */
export const NO_ANSWER = 'no answer: the receiver could not be reached or did not answer in time';

/** POSTs body to url and answers the status code; the socket connects only to addresses `lookup` accepted. */
function post(url: URL, headers: OutgoingHttpHeaders, body: string, timeoutMs: number, lookup: LookupFunction): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
        lookup,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

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
    private readonly targets: WebhookTargets,
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
      const url = new URL(d.url);
      const refusal = this.targets.refusalOf(url);
      if (refusal) {
        throw new WebhookTargetRefusedError(refusal);
      }
      statusCode = await post(
        url,
        {
          'Content-Type': 'application/json',
          'User-Agent': 'loyalty-webhooks/1',
          'X-Event-Id': d.eventId,
          'X-Event-Type': d.eventType,
          'X-Delivery-Id': d.id,
          ...signedHeaders(d.secret, d.payload),
        },
        d.payload,
        c.sendTimeoutMs,
        this.targets.lookup,
      );
      if (statusCode < 200 || statusCode > 299) {
        error = `answered ${statusCode}`;
      }
    } catch (err) {
      if (err instanceof WebhookTargetRefusedError) {
        error = `refused: ${err.message}`;
      } else {
        error = NO_ANSWER;
        // The cause is for operators only; the delivery record keeps the uniform wording.
        const cause = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        this.logger.warn({ msg: 'webhook POST got no answer', deliveryId: d.id, cause });
      }
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
