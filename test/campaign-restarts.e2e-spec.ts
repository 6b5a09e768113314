import { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { loadConfig } from '../src/config/app-config';
import { QueueName } from '../src/queue/queue.constants';
import { redisConnection } from '../src/queue/queue.module';
import { campaignLedger, createClubWith, seedMembers } from './support/campaign-fixtures';
import { loginAdmin } from './support/factories';
import { TcpProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWorkerBuilt, WorkerProcesses } from './support/worker-process';

const MEMBERS = 50_000;
const OUTAGE_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A 50k-member campaign through a real worker process whose Redis, then
 * MySQL, "restarts" mid-run. Both go through our own TCP proxy (never the
 * machine's servers): the proxy drops every connection and refuses new ones
 * for a few seconds. The Redis restart also loses every key, as a restart of a
 * Redis without persistence does: the test deletes the keys under this run's
 * queue prefix only (SCAN MATCH + DEL). Once both are back, the campaign must
 * finish with exact totals: nobody granted twice, nobody missed.
 */
describe('campaign fan-out survives Redis and MySQL restarts (real worker process, TCP proxies)', () => {
  const config = loadConfig();
  const redisUrl = new URL(config.redisUrl);
  const redisProxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
  const mysqlProxy = new TcpProxy(config.database.host, config.database.port);
  const prefix = config.queuePrefix;
  let proxiedRedisUrl: string;
  let proxiedDatabaseUrl: string;
  let direct: Redis;
  let t: TestApp;
  let token: string;
  let clubId: string;
  /** Points granted to the club's members by the tests so far (both campaigns grant to the same members). */
  let grantedSoFar = 0;
  const workers = new WorkerProcesses();

  beforeAll(async () => {
    ensureWorkerBuilt();
    const r = new URL(config.redisUrl);
    r.host = `127.0.0.1:${await redisProxy.start()}`;
    proxiedRedisUrl = r.toString();
    const d = new URL(process.env.DATABASE_URL as string);
    d.host = `127.0.0.1:${await mysqlProxy.start()}`;
    proxiedDatabaseUrl = d.toString();
    direct = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
    // The API enqueues the plan job: it talks to Redis through the proxy too.
    t = await startTestApp({ REDIS_URL: proxiedRedisUrl });
    token = await loginAdmin(t);
    clubId = await createClubWith(t.db, await seedMembers(t.db, MEMBERS));
  }, 180_000);

  afterAll(async () => {
    workers.killAll();
    await t.close();
    await redisProxy.close();
    await mysqlProxy.close();
    direct.disconnect();
  });

  function startWorker(env: Record<string, string>): ChildProcess {
    return workers.start({ ACTIVE_WORKERS: 'campaigns', JOB_RECONCILE_INTERVAL_MS: '1000', ...env });
  }

  async function deliveries(id: string): Promise<number> {
    const [row] = await t.db.query('SELECT COUNT(*) AS n FROM campaign_deliveries WHERE campaign_id = ?', [id]);
    return Number(row.n);
  }

  async function launch(points: number): Promise<string> {
    const created = await t.http
      .post('/api/v1/admin/campaigns')
      .set('Authorization', `Bearer ${token}`)
      .send({
        name: `Restart test ${points}`,
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points, reason: 'Restart test' },
        schedule: { kind: 'now' },
        holdoutPermille: 100,
      })
      .expect(201);
    const id = created.body.campaignId as string;
    await t.http.post(`/api/v1/admin/campaigns/${id}/launch`).set('Authorization', `Bearer ${token}`).expect(200);
    return id;
  }

  async function waitForDeliveries(id: string, worker: ChildProcess, atLeast: number): Promise<void> {
    const by = Date.now() + 90_000;
    while ((await deliveries(id)) < atLeast) {
      if (Date.now() > by || worker.exitCode !== null) {
        throw new Error(`the worker made no progress:\n${workers.output}`);
      }
      await sleep(50);
    }
  }

  async function keysUnderPrefix(): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await direct.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    return keys;
  }

  /** What a restart of a Redis without persistence does to this run: every key under its own prefix is gone. */
  async function loseEveryKeyUnderPrefix(): Promise<number> {
    const keys = await keysUnderPrefix();
    for (let i = 0; i < keys.length; i += 500) {
      await direct.del(...keys.slice(i, i + 500));
    }
    return keys.length;
  }

  async function waitCompleted(id: string): Promise<Record<string, any>> {
    const by = Date.now() + 150_000;
    for (;;) {
      const r = await t.http.get(`/api/v1/admin/campaigns/${id}/results`).set('Authorization', `Bearer ${token}`).expect(200);
      const results = r.body as Record<string, any>;
      if (results.state === 'completed') {
        return results;
      }
      if (Date.now() > by) {
        throw new Error(`the campaign did not finish: ${JSON.stringify(results)}\n${workers.output}`);
      }
      await sleep(500);
    }
  }

  /** Exact totals: every audience member delivered or held out once, one ledger entry per grant, balances and lots add up. */
  async function expectExactTotals(id: string, results: Record<string, any>, points: number): Promise<void> {
    const granted = results.delivered as number;
    expect(results).toMatchObject({
      audience: MEMBERS,
      failed: 0,
      overBudget: 0,
      pointsGranted: granted * points,
      progress: { state: 'completed', percent: 100 },
    });
    expect(granted + (results.holdout as number)).toBe(MEMBERS);
    expect(await deliveries(id)).toBe(MEMBERS);
    expect(results.holdout).toBeGreaterThan(MEMBERS * 0.09);
    expect(results.holdout).toBeLessThan(MEMBERS * 0.11);
    expect(await campaignLedger(t.db, id)).toEqual({ entries: granted, points: granted * points, members: granted });
    grantedSoFar += granted * points;
    const [sums] = await t.db.query(
      `SELECT COALESCE(SUM(a.balance), 0) AS balances FROM point_accounts a
         JOIN club_members cm ON cm.member_id = a.member_id AND cm.club_id = ?`,
      [clubId],
    );
    expect(Number(sums.balances)).toBe(grantedSoFar);
    const [lots] = await t.db.query(
      'SELECT COALESCE(SUM(l.remaining), 0) AS s FROM point_lots l JOIN club_members cm ON cm.member_id = l.member_id AND cm.club_id = ?',
      [clubId],
    );
    expect(Number(lots.s)).toBe(grantedSoFar);
  }

  it(`a ${MEMBERS}-member campaign finishes with exact totals after Redis restarts empty mid-run`, async () => {
    const points = 20;
    const id = await launch(points);
    const worker = startWorker({ REDIS_URL: proxiedRedisUrl });
    await waitForDeliveries(id, worker, 8_000);

    // Redis goes down: every connection dropped, new ones refused; and it comes back with nothing.
    await redisProxy.setMode('refuse');
    const atOutage = await deliveries(id);
    expect(atOutage).toBeLessThan(MEMBERS);
    expect(await loseEveryKeyUnderPrefix()).toBeGreaterThan(0);
    expect(await keysUnderPrefix()).toEqual([]);
    await sleep(OUTAGE_MS);
    await redisProxy.setMode('pass');

    const results = await waitCompleted(id);
    // The same worker process carried on: nothing was restarted, the lost range jobs were queued again.
    expect(worker.exitCode).toBeNull();
    expect(workers.output).toContain('long jobs reconciled with their queue jobs');
    await expectExactTotals(id, results, points);
    await workers.stop(worker);
  }, 300_000);

  it(`a ${MEMBERS}-member campaign finishes with exact totals after MySQL restarts mid-batch`, async () => {
    const points = 7;
    const id = await launch(points);
    const worker = startWorker({ DATABASE_URL: proxiedDatabaseUrl });
    await waitForDeliveries(id, worker, 8_000);

    // MySQL goes down: every connection cut (an open batch transaction rolls back), new ones refused.
    await mysqlProxy.setMode('refuse');
    const atOutage = await deliveries(id);
    expect(atOutage).toBeLessThan(MEMBERS);
    await sleep(OUTAGE_MS);
    // Nothing was written while it was away.
    expect(await deliveries(id)).toBe(atOutage);
    await mysqlProxy.setMode('pass');

    const results = await waitCompleted(id);
    expect(worker.exitCode).toBeNull();
    // The batch cut mid-way failed its attempt (its transaction rolled back) and its job ran again.
    const queue = new Queue(QueueName.Campaigns, { connection: redisConnection(config.redisUrl), prefix });
    try {
      const jobs = await queue.getJobs(['completed'], 0, 1000);
      const retried = jobs.filter(
        (j) => (j.data as { runId?: string }).runId && (j.stacktrace ?? []).length > 0 && j.data.campaignId === id,
      );
      expect(retried.length).toBeGreaterThanOrEqual(1);
    } finally {
      await queue.close();
    }
    await expectExactTotals(id, results, points);
    await workers.stop(worker);
  }, 300_000);
});
