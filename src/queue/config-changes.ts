import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { quitWithin, REDIS } from './redis.module';

/** What an admin edit changed; every process drops its cached copy of it. */
export type ConfigTopic = 'tiers' | 'program' | 'webhooks' | 'bonus-rules';

/**
 * Cross-process cache invalidation over Redis pub/sub, on a channel under the
 * queue prefix. The process that made the change drops its cache at once;
 * every other API and worker process drops it when the message arrives
 * (milliseconds). Should Redis be away, caches still expire on their own
 * within seconds, so a lost message only delays a change, never loses it.
 */
@Injectable()
export class ConfigChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ConfigChanges.name);
  private readonly handlers = new Map<ConfigTopic, Array<() => void>>();
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.channel = `${config.queuePrefix}:config-changed`;
  }

  onModuleInit(): void {
    const subscriber = new Redis(this.config.redisUrl, {
      connectTimeout: this.config.redisTimeouts.connectMs,
      maxRetriesPerRequest: null,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, topic: string) => {
      if (channel === this.channel) {
        this.notify(topic as ConfigTopic);
      }
    });
    // Not awaited: a start with Redis away is not held up; ioredis subscribes again on every reconnect.
    subscriber.subscribe(this.channel).catch((err: Error) => this.logger.warn(`config-change subscription failed: ${err.message}`));
    this.subscriber = subscriber;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) {
      await quitWithin(this.subscriber, this.config.redisTimeouts.commandMs);
    }
  }

  on(topic: ConfigTopic, handler: () => void): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** Drops the topic's caches here at once, then tells the other processes. */
  async publish(topic: ConfigTopic): Promise<void> {
    this.notify(topic);
    try {
      await this.redis.publish(this.channel, topic);
    } catch (err) {
      this.logger.warn(`config change ${topic} not published (${(err as Error).message}); other processes see it when their cache expires`);
    }
  }

  private notify(topic: ConfigTopic): void {
    for (const handler of this.handlers.get(topic) ?? []) {
      handler();
    }
  }
}

@Global()
@Module({ providers: [ConfigChanges], exports: [ConfigChanges] })
export class ConfigChangesModule {}
