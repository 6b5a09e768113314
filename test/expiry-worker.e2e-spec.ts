import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { loadConfig } from '../src/config/app-config';
import { JobName, QueueName } from '../src/queue/queue.constants';
import { redisConnection } from '../src/queue/queue.module';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, ledgerInvariants, loginAdmin, pos, purchaseBody } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('points expiry worker (real BullMQ on the run’s queue prefix)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let events: QueueEvents;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    const config = loadConfig();
    events = new QueueEvents(QueueName.PointsExpiry, { connection: redisConnection(config.redisUrl), prefix: config.queuePrefix });
    await events.waitUntilReady();
  });

  /** Runs the planner, then follows the run through GET /api/v1/admin/jobs/{id} until it is completed. */
  async function runExpiry(asOf: string): Promise<Record<string, unknown>> {
    const queue = worker.get<Queue>(getQueueToken(QueueName.PointsExpiry));
    const plan = await queue.add(JobName.PlanExpiry, { asOf });
    const planned = (await plan.waitUntilFinished(events, 30_000)) as { runId: string; ranges: number };
    expect(planned.ranges).toBeGreaterThanOrEqual(1);
    const token = await loginAdmin(t);
    for (let i = 0; i < 300; i++) {
      const view = await t.http.get(`/api/v1/admin/jobs/${planned.runId}`).set('Authorization', `Bearer ${token}`).expect(200);
      if (view.body.state !== 'running') {
        expect(view.body).toMatchObject({
          kind: 'points-expiry',
          state: 'completed',
          total: planned.ranges,
          done: planned.ranges,
          percent: 100,
        });
        return view.body as Record<string, unknown>;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the expiry run did not finish');
  }

  afterAll(async () => {
    await events.close();
    await worker.close();
    await t.close();
  });

  it('the worker registers the daily expiry schedule', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.PointsExpiry));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain('daily-points-expiry');
  });

  it('the worker schedules the coupon expiry daily at 00:05 Asia/Shanghai', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.Coupons));
    const scheduler = (await queue.getJobSchedulers()).find((s) => s.key === 'daily-coupon-expiry');
    expect(scheduler).toMatchObject({ pattern: '0 5 0 * * *', tz: 'Asia/Shanghai', name: JobName.PlanCouponExpiry });
  });

  it('the coupon notice templates (issued, expiring) exist once the API and the worker have started, with both languages', async () => {
    const rows: Array<{ code: string }> = await t.db.query(
      "SELECT DISTINCT code FROM message_templates WHERE code IN ('notice.coupon-issued', 'notice.coupon-expiring') ORDER BY code",
    );
    expect(rows.map((r) => r.code)).toEqual(['notice.coupon-expiring', 'notice.coupon-issued']);
    const token = await loginAdmin(t);
    for (const code of ['notice.coupon-issued', 'notice.coupon-expiring']) {
      const res = await t.http.get(`/api/v1/admin/message-templates/${code}`).set('Authorization', `Bearer ${token}`).expect(200);
      const first = res.body.versions[res.body.versions.length - 1];
      expect(first).toMatchObject({ code, channel: 'sms', transactional: false });
      expect(first.variants['zh-CN'].body).toContain('{{coupon}}');
      expect(first.variants.en.body).toContain('{{validUntil}}');
    }
  });

  it('expires lots past their date, oldest first, once, however often the job runs', async () => {
    const store = await createStore(t);
    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 30_000 }]))
      .expect(201);
    // Earned 26 months ago: past the default 24-month expiry.
    await t.db.query(
      'UPDATE point_lots SET earned_at = DATE_SUB(NOW(3), INTERVAL 26 MONTH), expires_at = DATE_SUB(NOW(3), INTERVAL 2 MONTH) WHERE member_id = ?',
      [m.memberId],
    );
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 50_000 }]))
      .expect(201);
    await pos(t, store)
      .redeem({ redemptionNo: `D-${Date.now()}`, member: { cardNo: m.cardNo }, points: 100 })
      .expect(201);
    expect((await ledgerInvariants(t.db, m.memberId)).balance).toBe(700);

    const first = await runExpiry(new Date().toISOString());
    expect(first.totals).toMatchObject({ members: 1, lots: 1, points: 200 });
    const second = await runExpiry(new Date().toISOString());
    expect(second.totals).toMatchObject({ members: 0, lots: 0, points: 0 });
    // The redemption took 100 from the old lot first, so 200 expire.
    expect(await ledgerInvariants(t.db, m.memberId)).toEqual({ balance: 500, entrySum: 500, lotSum: 500, lowestLot: 0 });
    const expiries = await t.db.query("SELECT points FROM point_entries WHERE member_id = ? AND type = 'expiry'", [m.memberId]);
    expect(expiries.map((e: { points: string }) => Number(e.points))).toEqual([-200]);
  });
});
