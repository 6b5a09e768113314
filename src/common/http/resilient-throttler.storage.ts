import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

/**
 * Rate-limit counters in Redis (shared by every API instance), with a local
 * fallback so that a Redis outage does not become an outage of every route.
 *
 * Policy when Redis is down, slow (no answer within RATE_LIMIT_REDIS_TIMEOUT_MS)
 * or failing:
 * - Limits stay on, counted in this process (per-instance limits) with the
 *   same limit and window. Nothing fails open to "unlimited" and nothing fails
 *   closed to "429/503 for everyone":
 *   - POS routes must keep taking purchases when only Redis is down: points
 *     are guarded by the database (unique receipt numbers, row locks), not by
 *     the limiter, whose job is only to stop a runaway till.
 *   - Admin routes, login included, keep a per-instance limit against password
 *     guessing; with N instances a guesser gets at most N times the limit
 *     during the outage, which is the price of keeping the console usable.
 * - After a failure Redis is left alone for RETRY_AFTER_MS (no timeout paid on
 *   every request), then a single request probes it; when it answers, counting
 *   goes back to Redis. Counts made locally during the outage are not carried over.
 * - The local table is bounded (MAX_LOCAL_KEYS): when full, expired windows are
 *   dropped first, then the oldest; a dropped key starts a new window (fails
 *   open for that key), which keeps memory bounded under a flood of new keys.
 */
export const RETRY_AFTER_MS = 5000;
export const MAX_LOCAL_KEYS = 100_000;

export class ResilientThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new LocalThrottlerCounter(MAX_LOCAL_KEYS);
  private redisDownUntil = 0;
  private probing = false;

  constructor(
    private readonly redis: ThrottlerStorage,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while counts are kept in this process. */
  get usingLocalCounts(): boolean {
    return this.now() < this.redisDownUntil || this.probing;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    if (now < this.redisDownUntil || this.probing) {
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName, now);
    }
    const isProbe = this.redisDownUntil !== 0;
    if (isProbe) {
      this.probing = true;
    }
    try {
      const record = await withTimeout(this.redis.increment(key, ttl, limit, blockDuration, throttlerName), this.timeoutMs);
      if (isProbe) {
        this.logger.log('Redis answers again: rate limits are shared across instances again');
        this.redisDownUntil = 0;
      }
      return record;
    } catch (err) {
      if (!isProbe) {
        this.logger.warn(`Redis rate-limit storage failed (${(err as Error).message}); counting in this process for now`);
      }
      this.redisDownUntil = this.now() + RETRY_AFTER_MS;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName, this.now());
    } finally {
      if (isProbe) {
        this.probing = false;
      }
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

interface LocalWindow {
  hits: number;
  expiresAt: number;
  blockedUntil: number;
}

/**
 * Fixed-window counter with the same answers as the Redis script of
 * @nest-lab/throttler-storage-redis (hits, time to expire, blocked), in
 * memory and without timers, so that it never holds the process open.
 */
export class LocalThrottlerCounter {
  private readonly windows = new Map<string, LocalWindow>();

  constructor(private readonly maxKeys: number) {}

  get size(): number {
    return this.windows.size;
  }

  increment(
    key: string,
    ttlMs: number,
    limit: number,
    blockDurationMs: number,
    throttlerName: string,
    now: number,
  ): ThrottlerStorageRecord {
    const id = `${throttlerName}:${key}`;
    let w = this.windows.get(id);
    if (w && now >= w.expiresAt && now >= w.blockedUntil) {
      this.windows.delete(id);
      w = undefined;
    }
    if (!w) {
      this.makeRoom(now);
      w = { hits: 0, expiresAt: now + ttlMs, blockedUntil: 0 };
      this.windows.set(id, w);
    }
    if (w.blockedUntil > 0 && now >= w.blockedUntil) {
      // The block is over: a fresh window, as the Redis script does.
      w.hits = 0;
      w.expiresAt = now + ttlMs;
      w.blockedUntil = 0;
    }
    w.hits += 1;
    if (w.blockedUntil === 0 && w.hits > limit) {
      w.blockedUntil = now + blockDurationMs;
    }
    const isBlocked = w.blockedUntil > now;
    return {
      totalHits: w.hits,
      timeToExpire: Math.max(0, Math.ceil((w.expiresAt - now) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((w.blockedUntil - now) / 1000) : 0,
    };
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) {
      return;
    }
    for (const [id, w] of this.windows) {
      if (now >= w.expiresAt && now >= w.blockedUntil) {
        this.windows.delete(id);
      }
    }
    // Still full: drop the oldest windows (Map keeps insertion order).
    for (const id of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) {
        break;
      }
      this.windows.delete(id);
    }
  }
}
