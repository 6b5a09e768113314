import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { placeholders } from '../../../database/multi-row';
import { inTransaction } from '../../../database/transaction';
import { DeliveryStatus, WebhookDelivery } from '../entities/webhook-delivery.entity';
import { WebhookAttempt } from '../entities/webhook-attempt.entity';
import { WebhookSubscription } from '../entities/webhook-subscription.entity';

export interface NewDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  payload: string;
}

export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

const INSERT_CHUNK = 500;

/** All SQL of webhook subscriptions, deliveries and attempts. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertSubscription(sub: WebhookSubscription, m?: EntityManager): Promise<void> {
    await (m ?? this.dataSource.manager).getRepository(WebhookSubscription).insert(sub);
  }

  async subscriptions(): Promise<WebhookSubscription[]> {
    return this.dataSource.getRepository(WebhookSubscription).find({ order: { createdAt: 'ASC' }, take: 1000 });
  }

  async subscription(id: string): Promise<WebhookSubscription | null> {
    return this.dataSource.getRepository(WebhookSubscription).findOne({ where: { id } });
  }

  async updateSubscription(
    id: string,
    changes: Partial<Pick<WebhookSubscription, 'url' | 'events' | 'active'>>,
    now: Date,
    m: EntityManager,
  ): Promise<void> {
    await m.getRepository(WebhookSubscription).update({ id }, { ...changes, updatedAt: now });
  }

  /** Records deliveries; one already recorded for the same (subscription, event) stays as it is. */
  async insertDeliveries(rows: NewDelivery[], now: Date, m?: EntityManager): Promise<void> {
    const manager = m ?? this.dataSource.manager;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await manager.query(
        `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES ${placeholders(chunk.length, 10)} ON DUPLICATE KEY UPDATE id = id`,
        chunk.flatMap((d) => [d.id, d.subscriptionId, d.eventId, d.eventType, d.payload, 'pending', 0, now, now, now]),
      );
    }
  }

  /** Claims due deliveries (SKIP LOCKED, like the outbox): marked delivering with a lease and one more attempt. */
  async claim(now: Date, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const ids = await inTransaction(this.dataSource, async (m) => {
      const rows: Array<{ id: string }> = await m.query(
        `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
          ORDER BY next_attempt_at LIMIT ${Number(limit)} FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const locked = rows.map((r) => r.id);
      if (locked.length > 0) {
        await m.query(
          `UPDATE webhook_deliveries SET status = 'delivering', attempts = attempts + 1, next_attempt_at = ?, updated_at = ? WHERE id IN (?)`,
          [new Date(now.getTime() + leaseMs), now, locked],
        );
      }
      return locked;
    });
    if (ids.length === 0) {
      return [];
    }
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT d.id, d.event_id, d.event_type, d.payload, d.attempts, s.url, s.secret
         FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id IN (?)`,
      [ids],
    );
    return rows.map((r) => ({
      id: String(r.id),
      eventId: String(r.event_id),
      eventType: String(r.event_type),
      payload: String(r.payload),
      attempts: Number(r.attempts),
      url: String(r.url),
      secret: String(r.secret),
    }));
  }

  /** Deliveries left in 'delivering' past their lease (their sender died) are pending again. */
  async requeueLapsed(now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'pending', updated_at = ? WHERE status = 'delivering' AND next_attempt_at <= ?`,
      [now, now],
    );
  }

  async recordAttempt(attempt: Omit<WebhookAttempt, 'id'>): Promise<void> {
    await this.dataSource.query('INSERT INTO webhook_attempts (delivery_id, status_code, error, duration_ms, at) VALUES (?, ?, ?, ?, ?)', [
      attempt.deliveryId,
      attempt.statusCode,
      attempt.error,
      attempt.durationMs,
      attempt.at,
    ]);
  }

  async finish(
    id: string,
    outcome: { status: DeliveryStatus; statusCode: number | null; error: string | null; nextAttemptAt?: Date },
    now: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = ?, last_status_code = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at),
              delivered_at = IF(? = 'delivered', ?, delivered_at), updated_at = ?
        WHERE id = ? AND status = 'delivering'`,
      [
        outcome.status,
        outcome.statusCode,
        outcome.error?.slice(0, 500) ?? null,
        outcome.nextAttemptAt ?? null,
        outcome.status,
        now,
        now,
        id,
      ],
    );
  }

  async delivery(id: string): Promise<WebhookDelivery | null> {
    return this.dataSource.getRepository(WebhookDelivery).findOne({ where: { id } });
  }

  async attempts(deliveryId: string): Promise<WebhookAttempt[]> {
    return this.dataSource.getRepository(WebhookAttempt).find({ where: { deliveryId }, order: { id: 'ASC' }, take: 100 });
  }

  async deliveries(filter: {
    subscriptionId?: string;
    status?: DeliveryStatus;
    before?: string;
    limit: number;
  }): Promise<WebhookDelivery[]> {
    const qb = this.dataSource.getRepository(WebhookDelivery).createQueryBuilder('d').orderBy('d.id', 'DESC').limit(filter.limit);
    if (filter.subscriptionId) {
      qb.andWhere('d.subscription_id = :sub', { sub: filter.subscriptionId });
    }
    if (filter.status) {
      qb.andWhere('d.status = :status', { status: filter.status });
    }
    if (filter.before) {
      qb.andWhere('d.id < :before', { before: filter.before });
    }
    return qb.getMany();
  }

  /** Due again now with a fresh retry budget; its attempts so far stay recorded. */
  async replay(id: string, now: Date, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL, updated_at = ? WHERE id = ?`,
      [now, now, id],
    );
  }
}
