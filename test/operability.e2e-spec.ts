import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** A sample's value from the Prometheus text format, or undefined when the series is absent. */
function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health, metrics and the queue dashboard', () => {
  let t: TestApp;
  let store: TestStore;
  const metricsToken = 'metrics-token-for-the-e2e-run';

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: metricsToken });
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const scrape = () => t.http.get('/metrics').set('Authorization', `Bearer ${metricsToken}`).expect(200);

  describe('health', () => {
    it('GET /health/live answers 200 without checking dependencies', async () => {
      const res = await t.http.get('/health/live').expect(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('GET /health/ready and its alias GET /health answer 200 when MySQL and Redis are up', async () => {
      for (const path of ['/health/ready', '/health']) {
        const res = await t.http.get(path).expect(200);
        // @nestjs/terminus 12 adds the ping's responseTime (ms) to the database check.
        expect(res.body.details).toEqual({ mysql: { status: 'up', responseTime: expect.any(Number) }, redis: { status: 'up' } });
      }
    });

    it('GET /health/ready answers 503 within the check timeout when Redis is unreachable, while /health/live stays 200', async () => {
      const down = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
      try {
        const started = Date.now();
        const res = await down.http.get('/health/ready').expect(503);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(res.body.error.redis.status).toBe('down');
        expect(res.body.details.mysql.status).toBe('up');
        await down.http.get('/health').expect(503);
        await down.http.get('/health/live').expect(200);
      } finally {
        await down.close();
      }
    }, 30_000);
  });

  describe('metrics', () => {
    it('GET /metrics needs the METRICS_TOKEN when one is configured', async () => {
      const res = await t.http.get('/metrics').expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token-of-some-length').expect(401);
    });

    it('exposes HTTP, posting, queue, MySQL pool and process metrics in the Prometheus format', async () => {
      const res = await scrape();
      expect(res.headers['content-type']).toContain('text/plain');
      for (const name of [
        'http_requests_total',
        'http_request_duration_seconds',
        'loyalty_postings_total',
        'bullmq_queue_jobs',
        'mysql_pool_connections',
        'process_cpu_seconds_total',
        'nodejs_heap_size_used_bytes',
      ]) {
        expect(res.text).toContain(`# TYPE ${name} `);
      }
      expect(sample(res.text, 'bullmq_queue_jobs{queue="points-expiry",state="waiting"}')).toBeGreaterThanOrEqual(0);
      expect(sample(res.text, 'mysql_pool_connections{state="limit"}')).toBe(20);
      expect(sample(res.text, 'mysql_pool_connections{state="total"}')).toBeGreaterThan(0);
    });

    it('labels HTTP metrics with the route template, never the raw URL with card numbers or document numbers', async () => {
      const member = await createMember(t);
      await pos(t, store).lookup({ cardNo: member.cardNo }).expect(200);
      const redemptionNo = uniq('D');
      await pos(t, store).cancel(redemptionNo).expect(404);
      const res = await scrape();
      expect(sample(res.text, 'http_requests_total{method="GET",route="/api/v1/pos/members/lookup",status="200"}')).toBeGreaterThanOrEqual(
        1,
      );
      expect(
        sample(res.text, 'http_requests_total{method="POST",route="/api/v1/pos/redemptions/:redemptionNo/cancel",status="404"}'),
      ).toBeGreaterThanOrEqual(1);
      expect(res.text).toContain(
        'http_request_duration_seconds_bucket{le="0.1",method="GET",route="/api/v1/pos/members/lookup",status="200"}',
      );
      expect(res.text).not.toContain(member.cardNo);
      expect(res.text).not.toContain(redemptionNo);
    });

    it('counts postings by type when they are written, not when they are replayed', async () => {
      const member = await createMember(t);
      const before = await scrape();
      const purchase = purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 50000 }]);
      await pos(t, store).purchase(purchase).expect(201);
      await pos(t, store).purchase(purchase).expect(200);
      await pos(t, store)
        .refund({ refundNo: uniq('F'), receiptNo: purchase.receiptNo, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 1000 }] })
        .expect(201);
      const redemptionNo = uniq('D');
      await pos(t, store)
        .redeem({ redemptionNo, member: { cardNo: member.cardNo }, points: 100 })
        .expect(201);
      await pos(t, store).cancel(redemptionNo).expect(200);
      const after = await scrape();
      const delta = (type: string) =>
        (sample(after.text, `loyalty_postings_total{type="${type}"}`) ?? 0) -
        (sample(before.text, `loyalty_postings_total{type="${type}"}`) ?? 0);
      expect(delta('purchase')).toBe(1);
      expect(delta('refund')).toBe(1);
      expect(delta('redemption')).toBe(1);
      expect(delta('redemption_cancel')).toBe(1);
    });
  });

  describe('queue dashboard', () => {
    const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

    it('GET /admin/queues without credentials is 401 with a basic-auth challenge', async () => {
      const res = await t.http.get('/admin/queues').expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic /);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      await t.http.get('/admin/queues/api/queues').expect(401);
    });

    it('GET /admin/queues with a wrong password or a store API key is 401', async () => {
      await t.http
        .get('/admin/queues')
        .set('Authorization', basic(process.env.ADMIN_EMAIL as string, 'not-the-password'))
        .expect(401);
      await t.http.get('/admin/queues').set('Authorization', `Bearer ${store.key}`).expect(401);
    });

    it('an admin sees the dashboard with basic auth (email and password) or an admin token, and it lists the queues', async () => {
      const page = await t.http
        .get('/admin/queues')
        .set('Authorization', basic(process.env.ADMIN_EMAIL as string, process.env.ADMIN_PASSWORD as string))
        .expect(200);
      expect(page.text).toContain('<base href="/admin/queues/"');
      const token = await loginAdmin(t);
      const api = await t.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${token}`).expect(200);
      expect(api.body.queues.map((q: { name: string }) => q.name)).toContain('points-expiry');
    });
  });
});
