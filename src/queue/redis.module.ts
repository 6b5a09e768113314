import { Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS = Symbol('REDIS');

/**
 * The shared client fails fast instead of queueing: with the offline queue
 * off, a command while Redis is away is rejected at once; commandTimeout
 * bounds a command Redis accepted but never answers; socketTimeout then drops
 * the silent socket so that ioredis reconnects by itself when Redis is back.
 */
export function sharedRedisClient(config: AppConfig): Redis {
  const { connectMs, commandMs } = config.redisTimeouts;
  const client = new Redis(config.redisUrl, {
    connectTimeout: connectMs,
    commandTimeout: commandMs,
    socketTimeout: commandMs * 2,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    disconnectTimeout: 500,
    // Keep retrying while Redis is away, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Connection errors are expected during an outage and handled per command; without a listener they would be thrown.
  client.on('error', () => undefined);
  return client;
}

/** Waits for the first connection, at most the connect timeout: a start with Redis away is not held up. */
function readyOrTimeout(client: Redis, ms: number): Promise<void> {
  if (client.status === 'ready') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once('ready', done);
  });
}

/** Quits politely, but disconnects at once if Redis does not answer within ms: shutdown never waits on a dead Redis. */
export async function quitWithin(client: Redis, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.quit(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('quit timed out')), ms);
      }),
    ]);
  } catch {
    // Redis away or silent: drop the socket below.
  } finally {
    clearTimeout(timer);
    if (client.status !== 'end') {
      client.disconnect();
    }
  }
}

/** One shared ioredis client for rate limits, caches and health checks (BullMQ keeps its own connections). */
@Global()
@Module({
  providers: [{ provide: REDIS, inject: [AppConfig], useFactory: sharedRedisClient }],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await readyOrTimeout(this.redis, this.config.redisTimeouts.connectMs);
    if (this.redis.status !== 'ready') {
      this.logger.warn(`Redis is not reachable at start (${this.redis.status}); rate limits are counted per process until it is`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await quitWithin(this.redis, this.config.redisTimeouts.commandMs);
  }
}
