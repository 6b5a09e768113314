import { SYNC_INTERVAL_MS } from '../src/common/http/synced-throttler.storage';
import { createMember, createStore, loginAdmin, pos, purchaseBody } from './support/factories';
import { useIsolatedPrefix } from './support/isolated-prefix';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Two API processes' worth of app on one database and Redis, each with its own in-process caches and
 * rate-limit counts. What one changes or counts, the other sees within a stated time:
 * - program settings: at once over the config-change channel; asserted within 1 s, while the cache
 *   would otherwise keep the old settings for 5 s;
 * - rate limits: counted in each process, shared through Redis every SYNC_INTERVAL_MS; asserted after
 *   two intervals (the README's tolerance: what the other process accepted in one interval).
 */
describe('in-process caches and counts are shared between API processes', () => {
  const prefix = useIsolatedPrefix('xproc');
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_POS_PER_MINUTE: '6' });
    b = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_POS_PER_MINUTE: '6' });
  });

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a program change made through one process is applied by the other within 1 s', async () => {
    const token = await loginAdmin(a);
    const program = (body: object) => a.http.patch('/api/v1/admin/program').set('Authorization', `Bearer ${token}`).send(body);
    const before = (await a.http.get('/api/v1/admin/program').set('Authorization', `Bearer ${token}`).expect(200)).body as {
      centsPerPoint: number;
    };
    const store = await createStore(a);
    const member = await createMember(a);
    const sale = () => pos(b, store).purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 10_000 }]));
    try {
      const first = await sale().expect(201); // b now holds the settings in its cache
      expect(first.body.pointsEarned).toBe(10_000 / before.centsPerPoint);
      await program({ centsPerPoint: before.centsPerPoint * 2 }).expect(200);
      const changedAt = Date.now();
      let earned = first.body.pointsEarned as number;
      while (earned === first.body.pointsEarned && Date.now() - changedAt < 1000) {
        earned = (await sale().expect(201)).body.pointsEarned;
      }
      expect(earned).toBe(10_000 / (before.centsPerPoint * 2));
      expect(Date.now() - changedAt).toBeLessThan(1000);
    } finally {
      await program({ centsPerPoint: before.centsPerPoint }).expect(200);
    }
  });

  it("a till's requests counted by one process reach the other's limit within two sync intervals", async () => {
    const store = await createStore(a);
    for (let i = 0; i < 5; i++) {
      await pos(a, store).issueCard().expect(201);
    }
    // b's first request of the window asks Redis: it sees a's first hit, and the others once a has synced.
    await new Promise((resolve) => setTimeout(resolve, 2 * SYNC_INTERVAL_MS));
    const sixth = await pos(b, store).issueCard().expect(201);
    expect(sixth.headers['x-ratelimit-remaining']).toBe('0');
    const refused = await pos(b, store).issueCard().expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    // a learns b's hits when it next syncs a hit of its own: within the tolerance it may accept one more, then refuses.
    const statuses: number[] = [];
    for (let i = 0; i < 3 && statuses.at(-1) !== 429; i++) {
      statuses.push((await pos(a, store).issueCard()).status);
      await new Promise((resolve) => setTimeout(resolve, 2 * SYNC_INTERVAL_MS));
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(1);
  });
});
