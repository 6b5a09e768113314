import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { newId } from '../../../common/ids';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { DeliveryStatus, WebhookDelivery } from '../entities/webhook-delivery.entity';
import { WebhookAttempt } from '../entities/webhook-attempt.entity';
import { WebhookEvent, WebhookSubscription } from '../entities/webhook-subscription.entity';
import { deliveryNotFound, webhookNotFound } from '../messages.errors';
import { ConfigChanges } from '../../../queue/config-changes';
import { WebhookTargets } from './webhook-targets';
import { WebhooksRepository } from './webhooks.repository';

/** Subscriptions as the console manages them, and replays of deliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: WebhooksRepository,
    private readonly audit: AuditService,
    private readonly changes: ConfigChanges,
    private readonly targets: WebhookTargets,
  ) {}

  /** Creates a subscription with a new secret (answered here only; it signs every delivery). */
  async create(actor: Actor, url: string, events: WebhookEvent[]): Promise<WebhookSubscription> {
    await this.targets.assertAllowed(url);
    const now = new Date();
    const sub: WebhookSubscription = {
      id: newId(),
      url,
      events: [...new Set(events)].join(','),
      secret: `whsec_${randomBytes(24).toString('base64url')}`,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.retrying(async (m) => {
      await this.repo.insertSubscription(sub, m);
      await this.audit.record(actor, 'webhook.created', { type: 'webhook', id: sub.id }, { url, events: sub.events }, m);
    });
    // Every process publishing events drops its cached subscriptions now, not in 5 s.
    await this.changes.publish('webhooks');
    return sub;
  }

  list(): Promise<WebhookSubscription[]> {
    return this.repo.subscriptions();
  }

  async update(
    actor: Actor,
    id: string,
    changes: { url?: string; events?: WebhookEvent[]; active?: boolean },
  ): Promise<WebhookSubscription> {
    if (!(await this.repo.subscription(id))) {
      throw webhookNotFound(id);
    }
    if (changes.url !== undefined) {
      await this.targets.assertAllowed(changes.url);
    }
    const set: Partial<Pick<WebhookSubscription, 'url' | 'events' | 'active'>> = {};
    if (changes.url !== undefined) {
      set.url = changes.url;
    }
    if (changes.events !== undefined) {
      set.events = [...new Set(changes.events)].join(',');
    }
    if (changes.active !== undefined) {
      set.active = changes.active;
    }
    await this.transactions.retrying(async (m) => {
      await this.repo.updateSubscription(id, set, new Date(), m);
      await this.audit.record(actor, 'webhook.updated', { type: 'webhook', id }, set, m);
    });
    await this.changes.publish('webhooks');
    return (await this.repo.subscription(id)) as WebhookSubscription;
  }

  deliveries(filter: { subscriptionId?: string; status?: DeliveryStatus; before?: string; limit: number }): Promise<WebhookDelivery[]> {
    return this.repo.deliveries(filter);
  }

  async delivery(id: string): Promise<{ delivery: WebhookDelivery; attempts: WebhookAttempt[] }> {
    const delivery = await this.repo.delivery(id);
    if (!delivery) {
      throw deliveryNotFound(id);
    }
    return { delivery, attempts: await this.repo.attempts(id) };
  }

  /** Sends a delivery again (a failed one, or a delivered one a receiver lost): due at once, with a fresh retry budget. */
  async replay(actor: Actor, id: string): Promise<{ delivery: WebhookDelivery; attempts: WebhookAttempt[] }> {
    if (!(await this.repo.delivery(id))) {
      throw deliveryNotFound(id);
    }
    await this.transactions.retrying(async (m) => {
      await this.repo.replay(id, new Date(), m);
      await this.audit.record(actor, 'webhook-delivery.replayed', { type: 'webhook-delivery', id }, null, m);
    });
    return this.delivery(id);
  }
}
