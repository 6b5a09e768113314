import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Queue, QueueEvents } from 'bullmq';
import { loadConfig } from '../src/config/app-config';
import { JobName, QueueName } from '../src/queue/queue.constants';
import { redisConnection } from '../src/queue/queue.module';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, ledgerInvariants, pos, purchaseBody } from './support/factories';
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

  /** Runs the planner, then waits for every range job it queued. */
  async function runExpiry(asOf: string): Promise<void> {
    const queue = worker.get<Queue>(getQueueToken(QueueName.PointsExpiry));
    const plan = await queue.add(JobName.PlanExpiry, { asOf });
    const planned = (await plan.waitUntilFinished(events, 30_000)) as { ranges: number };
    expect(planned.ranges).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < planned.ranges; i++) {
      const job = await Job.fromId(queue, `expire-${Date.parse(asOf)}-${i}`);
      expect(job).toBeDefined();
      await job?.waitUntilFinished(events, 30_000);
    }
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

  it('expires lots past their date, oldest first, once, however often the job runs', async () => {
    const store = await createStore(t);
    const m = await createMember(t);
    await pos(t, store).purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 30_000 }])).expect(201);
    // Earned 26 months ago: past the default 24-month expiry.
    await t.db.query('UPDATE point_lots SET earned_at = DATE_SUB(NOW(3), INTERVAL 26 MONTH), expires_at = DATE_SUB(NOW(3), INTERVAL 2 MONTH) WHERE member_id = ?', [m.memberId]);
    await pos(t, store).purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 50_000 }])).expect(201);
    await pos(t, store).redeem({ redemptionNo: `D-${Date.now()}`, member: { cardNo: m.cardNo }, points: 100 }).expect(201);
    expect((await ledgerInvariants(t.db, m.memberId)).balance).toBe(700);

    for (let run = 0; run < 2; run++) {
      await runExpiry(new Date().toISOString());
    }
    // The redemption took 100 from the old lot first, so 200 expire.
    expect(await ledgerInvariants(t.db, m.memberId)).toEqual({ balance: 500, entrySum: 500, lotSum: 500, lowestLot: 0 });
    const expiries = await t.db.query("SELECT points FROM point_entries WHERE member_id = ? AND type = 'expiry'", [m.memberId]);
    expect(expiries.map((e: { points: string }) => Number(e.points))).toEqual([-200]);
  });
});
