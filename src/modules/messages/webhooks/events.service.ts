import { ConfigChanges } from '../../../queue/config-changes';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../../common/ids';
import { WebhookEvent, WebhookSubscription } from '../entities/webhook-subscription.entity';
import { NewDelivery, WebhooksRepository } from './webhooks.repository';

/** One event for other systems. `id` is stable for the fact it reports, so publishing it twice delivers it once. */
export interface DomainEvent {
  type: WebhookEvent;
  id: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

const SUBSCRIPTIONS_CACHE_MS = 5000;

/**
 * Publishes events to the webhook subscriptions: a delivery row per matching
 * active subscription, recorded in the caller's transaction when given one;
 * the sender worker POSTs them.
 */
@Injectable()
export class EventsService {
  private cached: { at: number; subs: WebhookSubscription[] } | null = null;

  constructor(
    private readonly repo: WebhooksRepository,
    changes: ConfigChanges,
  ) {
    // A subscription edited in any process drops this cache in every process at once.
    changes.on('webhooks', () => {
      this.cached = null;
    });
  }

  async publish(type: WebhookEvent, id: string, data: Record<string, unknown>, manager?: EntityManager): Promise<number> {
    return this.publishMany([{ type, id, occurredAt: new Date(), data }], manager);
  }

  /** Answers the number of deliveries asked for (a delivery recorded before stays as it is). */
  async publishMany(events: DomainEvent[], manager?: EntityManager): Promise<number> {
    if (events.length === 0) {
      return 0;
    }
    const subs = await this.activeSubscriptions();
    const rows: NewDelivery[] = [];
    for (const event of events) {
      const payload = JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString(), data: event.data });
      for (const sub of subs) {
        if (sub.events.split(',').includes(event.type)) {
          rows.push({ id: newId(), subscriptionId: sub.id, eventId: event.id, eventType: event.type, payload });
        }
      }
    }
    await this.repo.insertDeliveries(rows, new Date(), manager);
    return rows.length;
  }

  /** Active subscriptions, cached for 5 s per process; a change made through the API reaches every process at once. */
  private async activeSubscriptions(): Promise<WebhookSubscription[]> {
    if (this.cached && Date.now() - this.cached.at < SUBSCRIPTIONS_CACHE_MS) {
      return this.cached.subs;
    }
    const subs = (await this.repo.subscriptions()).filter((s) => s.active);
    this.cached = { at: Date.now(), subs };
    return subs;
  }
}
