import { ChildProcess } from 'node:child_process';
import { campaignLedger, createClubWith, seedMembers } from './support/campaign-fixtures';
import { loginAdmin } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWorkerBuilt, WorkerProcesses } from './support/worker-process';

const MEMBERS = 50_000;
const POINTS = 20;

describe('campaign fan-out survives a worker killed with kill -9 (real worker processes)', () => {
  let t: TestApp;
  const workers = new WorkerProcesses();

  beforeAll(async () => {
    ensureWorkerBuilt();
    t = await startTestApp();
  }, 180_000);

  afterAll(async () => {
    workers.killAll();
    await t.close();
  });

  function startWorker(): ChildProcess {
    return workers.start({ ACTIVE_WORKERS: 'campaigns' });
  }

  async function deliveries(id: string): Promise<number> {
    const [row] = await t.db.query('SELECT COUNT(*) AS n FROM campaign_deliveries WHERE campaign_id = ?', [id]);
    return Number(row.n);
  }

  it(`a ${MEMBERS}-member campaign finishes with exact totals after its worker is killed mid-run`, async () => {
    const members = await seedMembers(t.db, MEMBERS);
    const clubId = await createClubWith(t.db, members);
    const token = await loginAdmin(t);
    const created = await t.http
      .post('/api/v1/admin/campaigns')
      .set('Authorization', `Bearer ${token}`)
      .send({
        name: 'Crash test',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points: POINTS, reason: 'Crash test' },
        schedule: { kind: 'now' },
        holdoutPermille: 100,
      })
      .expect(201);
    const id = created.body.campaignId as string;
    await t.http.post(`/api/v1/admin/campaigns/${id}/launch`).set('Authorization', `Bearer ${token}`).expect(200);

    const first = startWorker();
    const killBy = Date.now() + 60_000;
    while ((await deliveries(id)) < 8_000) {
      if (Date.now() > killBy || first.exitCode !== null) {
        throw new Error(`the first worker made no progress:\n${workers.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.kill('SIGKILL');
    const atKill = await deliveries(id);
    expect(atKill).toBeLessThan(MEMBERS);

    startWorker();
    const doneBy = Date.now() + 90_000;
    let results: Record<string, any>;
    for (;;) {
      const r = await t.http.get(`/api/v1/admin/campaigns/${id}/results`).set('Authorization', `Bearer ${token}`).expect(200);
      results = r.body as Record<string, any>;
      if (results.state === 'completed') {
        break;
      }
      if (Date.now() > doneBy) {
        throw new Error(`the campaign did not finish: ${JSON.stringify(results)}\n${workers.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const granted = results.delivered as number;
    expect(results).toMatchObject({
      audience: MEMBERS,
      failed: 0,
      overBudget: 0,
      pointsGranted: granted * POINTS,
      progress: { state: 'completed', percent: 100 },
    });
    expect(granted + (results.holdout as number)).toBe(MEMBERS);
    expect(results.holdout).toBeGreaterThan(MEMBERS * 0.09);
    expect(results.holdout).toBeLessThan(MEMBERS * 0.11);
    // Nobody granted twice, nobody missed: one entry per granted member, and the balances add up.
    expect(await campaignLedger(t.db, id)).toEqual({ entries: granted, points: granted * POINTS, members: granted });
    const [sums] = await t.db.query(
      `SELECT COALESCE(SUM(a.balance), 0) AS balances, COUNT(*) AS n FROM point_accounts a
         JOIN club_members cm ON cm.member_id = a.member_id AND cm.club_id = ?`,
      [clubId],
    );
    expect(Number(sums.balances)).toBe(granted * POINTS);
    const [lots] = await t.db.query(
      'SELECT COALESCE(SUM(l.remaining), 0) AS s FROM point_lots l JOIN club_members cm ON cm.member_id = l.member_id AND cm.club_id = ?',
      [clubId],
    );
    expect(Number(lots.s)).toBe(granted * POINTS);
  }, 240_000);
});
