import { DataSource } from 'typeorm';
import { createStore, pos } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin } from './support/factories';

/** Two API processes' worth of app on one database and Redis: each has its own key cache. */
describe('store API keys are cached per process and revoked everywhere at once', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
  });

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  function countKeyLookups(t: TestApp): { count: () => number; stop: () => void } {
    const db = t.app.get(DataSource);
    const original = db.query.bind(db);
    let n = 0;
    db.query = ((sql: string, params?: unknown[]) => {
      if (sql.includes('FROM api_keys k JOIN stores')) {
        n += 1;
      }
      return original(sql, params);
    }) as DataSource['query'];
    return { count: () => n, stop: () => (db.query = original) };
  }

  it('a valid key costs one database lookup, not one per request', async () => {
    const store = await createStore(a);
    const lookups = countKeyLookups(b);
    try {
      for (let i = 0; i < 5; i++) {
        await pos(b, store).issueCard().expect(201);
      }
      expect(lookups.count()).toBe(1);
    } finally {
      lookups.stop();
    }
  });

  it('a key revoked through one process is refused by another process at once', async () => {
    const store = await createStore(a);
    await pos(a, store).issueCard().expect(201);
    await pos(b, store).issueCard().expect(201); // now cached in b
    const token = await loginAdmin(a);
    await a.http.delete(`/api/v1/admin/api-keys/${store.keyId}`).set('Authorization', `Bearer ${token}`).expect(204);
    await pos(a, store).issueCard().expect(401);
    // The revocation travels over Redis pub/sub; allow it the time of one round trip, far below the cache lifetime.
    let status = 0;
    for (let i = 0; i < 10 && status !== 401; i++) {
      status = (await pos(b, store).issueCard()).status;
      if (status !== 401) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    expect(status).toBe(401);
  });
});
