import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { LocalThrottlerCounter, ResilientThrottlerStorage, RETRY_AFTER_MS } from './resilient-throttler.storage';

/** A Redis storage stand-in whose behaviour the test switches: answers, fails, or never answers. */
class SwitchableStorage implements ThrottlerStorage {
  mode: 'up' | 'down' | 'silent' = 'up';
  calls = 0;

  increment(_key: string, _ttl: number, limit: number) {
    this.calls += 1;
    if (this.mode === 'down') {
      return Promise.reject(new Error('Connection is closed.'));
    }
    if (this.mode === 'silent') {
      return new Promise<never>(() => undefined);
    }
    return Promise.resolve({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0, limit });
  }
}

beforeAll(() => Logger.overrideLogger(false));

describe('ResilientThrottlerStorage', () => {
  let clock: number;
  const now = () => clock;

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('counts in Redis while Redis answers', async () => {
    const redis = new SwitchableStorage();
    const storage = new ResilientThrottlerStorage(redis, 50, now);
    await storage.increment('k', 60_000, 5, 60_000, 'pos');
    expect(redis.calls).toBe(1);
    expect(storage.usingLocalCounts).toBe(false);
  });

  it('with Redis failing, still enforces the limit by counting in the process', async () => {
    const redis = new SwitchableStorage();
    redis.mode = 'down';
    const storage = new ResilientThrottlerStorage(redis, 50, now);
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await storage.increment('till-1', 60_000, 3, 60_000, 'pos'));
    }
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3].timeToBlockExpire).toBe(60);
    expect(storage.usingLocalCounts).toBe(true);
  });

  it('with Redis silent, answers within the timeout instead of waiting for Redis', async () => {
    const redis = new SwitchableStorage();
    redis.mode = 'silent';
    const storage = new ResilientThrottlerStorage(redis, 30);
    const started = Date.now();
    const record = await storage.increment('k', 60_000, 5, 60_000, 'pos');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(record).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('after a failure leaves Redis alone for a while, then goes back to it once a probe succeeds', async () => {
    const redis = new SwitchableStorage();
    redis.mode = 'down';
    const storage = new ResilientThrottlerStorage(redis, 50, now);
    await storage.increment('k', 60_000, 5, 60_000, 'pos');
    redis.mode = 'up';
    await storage.increment('k', 60_000, 5, 60_000, 'pos');
    expect(redis.calls).toBe(1);

    clock += RETRY_AFTER_MS;
    await storage.increment('k', 60_000, 5, 60_000, 'pos');
    expect(redis.calls).toBe(2);
    expect(storage.usingLocalCounts).toBe(false);
  });
});

describe('LocalThrottlerCounter', () => {
  it('starts a new window when the old one has expired', () => {
    const counter = new LocalThrottlerCounter(10);
    counter.increment('k', 1000, 1, 1000, 'pos', 0);
    expect(counter.increment('k', 1000, 1, 1000, 'pos', 500).isBlocked).toBe(true);
    expect(counter.increment('k', 1000, 1, 1000, 'pos', 1600)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps separate counts per throttler name and key', () => {
    const counter = new LocalThrottlerCounter(10);
    counter.increment('a', 1000, 1, 1000, 'pos', 0);
    expect(counter.increment('a', 1000, 1, 1000, 'admin', 0).totalHits).toBe(1);
    expect(counter.increment('b', 1000, 1, 1000, 'pos', 0).totalHits).toBe(1);
  });

  it('never holds more keys than its bound', () => {
    const counter = new LocalThrottlerCounter(100);
    for (let i = 0; i < 1000; i++) {
      counter.increment(`ip-${i}`, 60_000, 10, 60_000, 'admin', 0);
    }
    expect(counter.size).toBeLessThanOrEqual(100);
  });
});
