import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { REDIS } from '../../queue/redis.module';
import { StorePrincipal } from '../auth/auth.types';

/** A valid key is trusted this long without asking the database, unless a revocation arrives first. */
export const KNOWN_KEY_CACHE_MS = 10_000;
const MAX_ENTRIES = 50_000;

/**
 * Valid store keys, remembered in this process so that a till's every
 * request does not cost a database lookup. A revocation takes effect at once
 * in every API process: the process that revokes publishes the key's hash on
 * a Redis channel (under the deployment's prefix) and every process drops
 * it. If Redis cannot carry the message, the short lifetime of an entry is
 * the backstop: a revoked key is refused everywhere within KNOWN_KEY_CACHE_MS.
 */
@Injectable()
export class ApiKeyCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeyCache.name);
  private readonly known = new Map<string, { principal: StorePrincipal; until: number }>();
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.channel = `${config.queuePrefix}:api-keys:revoked`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate({ lazyConnect: true });
    this.subscriber.on('message', (channel: string, keyHash: string) => {
      if (channel === this.channel) {
        this.known.delete(keyHash);
      }
    });
    this.subscriber.on('error', () => undefined); // reconnects by itself; entries expire meanwhile
    try {
      await this.subscriber.connect();
      await this.subscriber.subscribe(this.channel);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'revocations from other processes arrive only by expiry until Redis answers');
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.subscriber?.disconnect();
    this.subscriber = null;
    this.known.clear();
    return Promise.resolve();
  }

  get(keyHash: string): StorePrincipal | null {
    const entry = this.known.get(keyHash);
    if (!entry) {
      return null;
    }
    if (entry.until <= Date.now()) {
      this.known.delete(keyHash);
      return null;
    }
    return entry.principal;
  }

  remember(keyHash: string, principal: StorePrincipal): void {
    if (this.known.size >= MAX_ENTRIES) {
      this.known.clear();
    }
    this.known.set(keyHash, { principal, until: Date.now() + KNOWN_KEY_CACHE_MS });
  }

  /** Drops the key here and tells every other process to drop it. */
  async revoked(keyHash: string): Promise<void> {
    this.known.delete(keyHash);
    try {
      await this.redis.publish(this.channel, keyHash);
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        `key revocation not broadcast; other processes drop it within ${KNOWN_KEY_CACHE_MS} ms`,
      );
    }
  }
}
