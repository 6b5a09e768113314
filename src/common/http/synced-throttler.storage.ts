import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';

export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Hits to add to one shared counter; the answer is the shared state after adding them. */
export interface RemoteHits {
  name: string;
  key: string;
  ttlMs: number;
  limit: number;
  blockMs: number;
  hits: number;
}

/** The shared counters (Redis, rate-limit-storage.ts): adds each item's hits, answers in item order. */
export interface RemoteCounters {
  add(items: RemoteHits[]): Promise<ThrottlerStorageRecord[]>;
}

/** How often each process sends its hits to Redis and learns the other processes' counts. */
export const SYNC_INTERVAL_MS = 250;
/** After Redis failed, it is left alone this long (counts stay in the process), then tried again. */
export const RETRY_AFTER_MS = 5000;
export const MAX_LOCAL_KEYS = 100_000;

interface Window {
  name: string;
  key: string;
  ttlMs: number;
  limit: number;
  blockMs: number;
  /** The shared count when Redis last answered (every process's hits, ours included). */
  shared: number;
  /** Our hits since then, not yet in Redis. */
  pending: number;
  expiresAt: number;
  blockedUntil: number;
  /** Set while the window's first hit is on its way to Redis: later hits wait for it. */
  ready: Promise<void> | null;
}

/**
 * Rate-limit counters kept in this process and shared through Redis every
 * SYNC_INTERVAL_MS, so that a request costs no Redis round trip:
 *
 * - The first hit of a tracker's window goes to Redis and waits for the
 *   answer (the window's shared count and expiry, the block if another process
 *   set one). Every later hit in the window is counted here and answered at
 *   once; every SYNC_INTERVAL_MS the hits counted since the last sync go to
 *   Redis in one pipeline, whose answers replace the shared count.
 * - Tolerance: within one process a limit is exact. With several API
 *   processes a process does not see the others' hits for up to one sync
 *   interval, so a tracker can get through at most what the other processes
 *   accepted from it in one interval above its limit (with 2 processes and a
 *   till sending 100 requests a second, 25 extra requests at most).
 * - Redis down, failing, or slower than the timeout (RATE_LIMIT_REDIS_TIMEOUT_MS)
 *   on a first hit: limits stay on, counted in this process (per-instance
 *   limits) with the same limit and window; nothing fails open and nothing
 *   fails closed (POS keeps taking purchases: points are guarded by the
 *   database, not by the limiter). Redis is then left alone for RETRY_AFTER_MS
 *   before the next try; hits counted meanwhile are sent to Redis when it
 *   answers again, unless their window is over.
 * - Bounded: at most MAX_LOCAL_KEYS windows; when full, expired windows go
 *   first, then the oldest (that tracker starts a new window).
 */
export class SyncedThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly windows = new Map<string, Window>();
  private redisDownUntil = 0;
  private syncing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly remote: RemoteCounters,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
    syncIntervalMs = SYNC_INTERVAL_MS,
    private readonly maxKeys = MAX_LOCAL_KEYS,
  ) {
    if (syncIntervalMs > 0) {
      this.timer = setInterval(() => void this.sync(), syncIntervalMs);
      this.timer.unref();
    }
  }

  get size(): number {
    return this.windows.size;
  }

  /** True while Redis is being left alone after a failure. */
  get usingLocalCounts(): boolean {
    return this.now() < this.redisDownUntil;
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return this.hit(key, ttl, limit, blockDuration, throttlerName, 1);
  }

  /** Counts `weight` hits at once (an offline batch weighs its receipt count). */
  async hit(key: string, ttlMs: number, limit: number, blockMs: number, name: string, weight: number): Promise<ThrottlerStorageRecord> {
    const id = `${name}:${key}`;
    let w = this.windows.get(id);
    if (w?.ready) {
      await w.ready;
      w = this.windows.get(id);
    }
    let now = this.now();
    if (w && now >= w.expiresAt && now >= w.blockedUntil) {
      this.windows.delete(id);
      w = undefined;
    }
    if (!w) {
      w = this.open(id, { name, key, ttlMs, limit, blockMs }, now);
      if (now >= this.redisDownUntil) {
        // The window's first hit: its shared count and expiry come from Redis.
        const first = w;
        first.ready = this.first(first, weight).finally(() => (first.ready = null));
        await first.ready;
        return this.record(first, this.now());
      }
    }
    now = this.now();
    if (w.blockedUntil > 0 && now >= w.blockedUntil) {
      // The block is over: a fresh window, as the Redis script does.
      w.shared = 0;
      w.pending = 0;
      w.expiresAt = now + ttlMs;
      w.blockedUntil = 0;
    }
    w.pending += weight;
    this.checkBlock(w, now);
    return this.record(w, now);
  }

  /** Sends every window's unsent hits to Redis in one round trip and takes the shared counts back. */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = null));
    return this.syncing;
  }

  close(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private async syncOnce(): Promise<void> {
    const now = this.now();
    const batch: Array<{ w: Window; sent: number }> = [];
    for (const [id, w] of this.windows) {
      if (now >= w.expiresAt && now >= w.blockedUntil) {
        this.windows.delete(id);
      } else if (w.pending > 0 && !w.ready) {
        batch.push({ w, sent: w.pending });
      }
    }
    if (batch.length === 0 || now < this.redisDownUntil) {
      return;
    }
    try {
      const records = await withTimeout(
        this.remote.add(batch.map(({ w, sent }) => ({ ...this.counter(w), hits: sent }))),
        Math.max(this.timeoutMs, 1000),
      );
      const at = this.now();
      batch.forEach(({ w, sent }, i) => {
        w.pending -= sent;
        this.learn(w, records[i], at);
      });
      if (this.redisDownUntil !== 0) {
        this.logger.log('Redis answers again: rate limits are shared across instances again');
        this.redisDownUntil = 0;
      }
    } catch (err) {
      this.failed(err);
    }
  }

  private async first(w: Window, weight: number): Promise<void> {
    const wasDown = this.redisDownUntil !== 0;
    try {
      const [record] = await withTimeout(this.remote.add([{ ...this.counter(w), hits: weight }]), this.timeoutMs);
      this.learn(w, record, this.now());
      if (wasDown) {
        this.logger.log('Redis answers again: rate limits are shared across instances again');
        this.redisDownUntil = 0;
      }
    } catch (err) {
      // Counted here; sent with the next sync once Redis answers, if the window is still open.
      w.pending += weight;
      this.checkBlock(w, this.now());
      this.failed(err);
    }
  }

  private failed(err: unknown): void {
    if (this.redisDownUntil === 0) {
      this.logger.warn(`Redis rate-limit storage failed (${(err as Error).message}); counting in this process for now`);
    }
    this.redisDownUntil = this.now() + RETRY_AFTER_MS;
  }

  private counter(w: Window): Omit<RemoteHits, 'hits'> {
    return { name: w.name, key: w.key, ttlMs: w.ttlMs, limit: w.limit, blockMs: w.blockMs };
  }

  /** Redis's answer: the shared count and expiry, and its block if set (a block set here stays). */
  private learn(w: Window, r: ThrottlerStorageRecord, at: number): void {
    w.shared = r.totalHits;
    w.expiresAt = at + r.timeToExpire * 1000;
    if (r.isBlocked) {
      w.blockedUntil = Math.max(w.blockedUntil, at + r.timeToBlockExpire * 1000);
    }
    this.checkBlock(w, at);
  }

  private checkBlock(w: Window, now: number): void {
    if (w.blockedUntil === 0 && w.shared + w.pending > w.limit) {
      w.blockedUntil = now + w.blockMs;
    }
  }

  private record(w: Window, now: number): ThrottlerStorageRecord {
    const isBlocked = w.blockedUntil > now;
    return {
      totalHits: w.shared + w.pending,
      timeToExpire: Math.max(0, Math.ceil((w.expiresAt - now) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((w.blockedUntil - now) / 1000) : 0,
    };
  }

  private open(id: string, c: Omit<RemoteHits, 'hits'>, now: number): Window {
    this.makeRoom(now);
    const w: Window = { ...c, shared: 0, pending: 0, expiresAt: now + c.ttlMs, blockedUntil: 0, ready: null };
    this.windows.set(id, w);
    return w;
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) {
      return;
    }
    for (const [id, w] of this.windows) {
      if (now >= w.expiresAt && now >= w.blockedUntil && !w.ready) {
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
