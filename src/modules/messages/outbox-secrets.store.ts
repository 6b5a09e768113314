import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { REDIS } from '../../queue/redis.module';
import { SecretValues } from './rules/secret-values';

/** The Redis key of a message's secrets (under the run's queue prefix, shared by the API and every worker process). */
export function outboxSecretsKey(prefix: string, messageId: string): string {
  return `${prefix}:outbox:secrets:${messageId}`;
}

/**
 * The secret values of outbox messages (sign-in codes), by message id, in
 * Redis for as long as the secret itself lives (the code's TTL), never in the
 * database. The API writes them when it asks for the message; the sender, in
 * whichever worker process, reads them at send time. After that life the
 * message can no longer be sent (the sender marks it failed).
 */
@Injectable()
export class OutboxSecretsStore {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async put(messageId: string, secrets: SecretValues, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.key(messageId), JSON.stringify(secrets), 'PX', Math.max(1, Math.round(ttlSeconds * 1000)));
  }

  /** The message's secrets, or null once they have expired (or were never stored). */
  async get(messageId: string): Promise<SecretValues | null> {
    const raw = await this.redis.get(this.key(messageId));
    return raw === null ? null : (JSON.parse(raw) as SecretValues);
  }

  private key(messageId: string): string {
    return outboxSecretsKey(this.config.queuePrefix, messageId);
  }
}
