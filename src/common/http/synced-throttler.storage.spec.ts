import { Logger } from '@nestjs/common';
import { RemoteCounters, RemoteHits, RETRY_AFTER_MS, SyncedThrottlerStorage, ThrottlerStorageRecord } from './synced-throttler.storage';

/** Shared counters in memory, with the Redis script's answers; the test switches it to failing or silent. */
class FakeCounters implements RemoteCounters {
  mode: 'up' | 'down' | 'silent' = 'up';
  calls = 0;
  readonly hits = new Map<string, number>();

  add(items: RemoteHits[]): Promise<ThrottlerStorageRecord[]> {
    this.calls += 1;
    if (this.mode === 'down') {
      return Promise.reject(new Error('Connection is closed.'));
    }
    if (this.mode === 'silent') {
      return new Promise<never>(() => undefined);
    }
    return Promise.resolve(
      items.map((i) => {
        const id = `${i.name}:${i.key}`;
        const total = (this.hits.get(id) ?? 0) + i.hits;
        this.hits.set(id, total);
        const isBlocked = total > i.limit;
        return { totalHits: total, timeToExpire: 60, isBlocked, timeToBlockExpire: isBlocked ? 60 : 0 };
      }),
    );
  }
}

beforeAll(() => Logger.overrideLogger(false));

describe('SyncedThrottlerStorage', () => {
  let clock: number;
  const now = () => clock;

  beforeEach(() => {
    clock = 1_000_000;
  });

  it("asks Redis for a window's first hit only, counts the others in the process and sends them in one sync", async () => {
    const remote = new FakeCounters();
    const storage = new SyncedThrottlerStorage(remote, 50, now, 0);
    const totals: number[] = [];
    for (let i = 0; i < 5; i++) {
      totals.push((await storage.increment('till-1', 60_000, 100, 60_000, 'pos')).totalHits);
    }
    expect(totals).toEqual([1, 2, 3, 4, 5]);
    expect(remote.calls).toBe(1);
    await storage.sync();
    expect(remote.calls).toBe(2);
    expect(remote.hits.get('pos:till-1')).toBe(5);
    await storage.sync(); // nothing new: no call
    expect(remote.calls).toBe(2);
  });

  it('is exact within one process: the hit past the limit is blocked, whatever the sync', async () => {
    const storage = new SyncedThrottlerStorage(new FakeCounters(), 50, now, 0);
    const blocked: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      blocked.push((await storage.increment('ip:1', 60_000, 3, 60_000, 'login')).isBlocked);
    }
    expect(blocked).toEqual([false, false, false, true]);
  });

  it('weighs a request as many hits as it says', async () => {
    const storage = new SyncedThrottlerStorage(new FakeCounters(), 50, now, 0);
    expect((await storage.hit('k', 60_000, 6, 60_000, 'pos', 4)).totalHits).toBe(4);
    expect((await storage.hit('k', 60_000, 6, 60_000, 'pos', 3)).isBlocked).toBe(true);
  });

  it("learns the other processes' hits at each sync and blocks on the shared count", async () => {
    const remote = new FakeCounters();
    const a = new SyncedThrottlerStorage(remote, 50, now, 0);
    const b = new SyncedThrottlerStorage(remote, 50, now, 0);
    for (let i = 0; i < 3; i++) {
      await a.increment('till', 60_000, 5, 60_000, 'pos');
    }
    expect((await b.increment('till', 60_000, 5, 60_000, 'pos')).totalHits).toBe(2); // b's first hit: Redis has a's first only
    await a.sync(); // a's other two hits reach Redis: 4 in all
    // Until its next sync b sees only its own hits beside what it last learned: the tolerance.
    expect((await b.increment('till', 60_000, 5, 60_000, 'pos')).totalHits).toBe(3);
    await b.sync(); // b's hit goes to Redis and b learns the shared count: 5
    expect((await b.increment('till', 60_000, 5, 60_000, 'pos')).isBlocked).toBe(true);
    // a learned 4 at its sync (b's first hit included), not b's last: b's block reaches a at a's next sync
    expect((await a.increment('till', 60_000, 5, 60_000, 'pos')).totalHits).toBe(5);
  });

  it('concurrent first hits of one window make one Redis call', async () => {
    const remote = new FakeCounters();
    const storage = new SyncedThrottlerStorage(remote, 50, now, 0);
    const records = await Promise.all(Array.from({ length: 4 }, () => storage.increment('k', 60_000, 10, 60_000, 'pos')));
    expect(remote.calls).toBe(1);
    expect(records.map((r) => r.totalHits).sort()).toEqual([1, 2, 3, 4]);
  });

  it('starts a new window when the old one has expired', async () => {
    const storage = new SyncedThrottlerStorage(new FakeCounters(), 50, now, 0);
    await storage.increment('k', 60_000, 1, 1000, 'pos');
    expect((await storage.increment('k', 60_000, 1, 1000, 'pos')).isBlocked).toBe(true);
    clock += 61_000;
    const remote = new FakeCounters(); // a fresh Redis window too
    const fresh = new SyncedThrottlerStorage(remote, 50, now, 0);
    expect(await fresh.increment('k', 60_000, 1, 1000, 'pos')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('with Redis failing, still enforces the limit by counting in the process', async () => {
    const remote = new FakeCounters();
    remote.mode = 'down';
    const storage = new SyncedThrottlerStorage(remote, 50, now, 0);
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await storage.increment('till-1', 60_000, 3, 60_000, 'pos'));
    }
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3].timeToBlockExpire).toBe(60);
    expect(storage.usingLocalCounts).toBe(true);
  });

  it('with Redis silent, answers within the timeout instead of waiting for Redis', async () => {
    const remote = new FakeCounters();
    remote.mode = 'silent';
    const storage = new SyncedThrottlerStorage(remote, 30, Date.now, 0);
    const started = Date.now();
    const record = await storage.increment('k', 60_000, 5, 60_000, 'pos');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(record).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('after a failure leaves Redis alone for a while, then sends the hits counted meanwhile', async () => {
    const remote = new FakeCounters();
    remote.mode = 'down';
    const storage = new SyncedThrottlerStorage(remote, 50, now, 0);
    await storage.increment('k', 60_000, 5, 60_000, 'pos');
    remote.mode = 'up';
    await storage.increment('k', 60_000, 5, 60_000, 'pos');
    await storage.sync();
    expect(remote.calls).toBe(1);

    clock += RETRY_AFTER_MS;
    await storage.sync();
    expect(remote.calls).toBe(2);
    expect(remote.hits.get('pos:k')).toBe(2);
    expect(storage.usingLocalCounts).toBe(false);
  });

  it('never holds more windows than its bound', async () => {
    const storage = new SyncedThrottlerStorage(new FakeCounters(), 50, now, 0, 100);
    for (let i = 0; i < 1000; i++) {
      await storage.increment(`ip-${i}`, 60_000, 10, 60_000, 'admin');
    }
    expect(storage.size).toBeLessThanOrEqual(100);
  });
});
