import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { ANALYTICS_SNAPSHOT } from '../src/modules/analytics/use-cases/start-snapshot.use-case';
import { QueueName } from '../src/queue/queue.constants';
import { WorkerModule } from '../src/worker.module';
import { uniq } from './support/factories';
import { ownDatabase } from './support/own-database';
import { startTestApp, TestApp } from './support/test-app';

/** Snapshot runs one at a time: the API app alone (no worker yet), so a started run stays running until the test starts one. */
describe('analytics snapshots run one at a time', () => {
  const own = ownDatabase('snap_once');
  let t: TestApp;
  let analyst: string;

  const start = () => t.http.post('/api/v1/admin/analytics/snapshots').set('Authorization', `Bearer ${analyst}`).send({});
  const runs = async (): Promise<Array<{ id: string; state: string }>> =>
    t.db.query('SELECT id, state FROM job_runs WHERE kind = ? ORDER BY created_at', [ANALYTICS_SNAPSHOT.kind]);

  beforeAll(async () => {
    await own.enter();
    t = await startTestApp();
    const adminToken = (
      await t.http
        .post('/api/v1/admin/auth/login')
        .send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })
        .expect(200)
    ).body.accessToken as string;
    const email = `${uniq('analyst')}@example.com`.toLowerCase();
    await t.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email, password: 'a long enough password', role: 'analyst' })
      .expect(201);
    analyst = (await t.http.post('/api/v1/admin/auth/login').send({ email, password: 'a long enough password' }).expect(200)).body
      .accessToken as string;
  });

  afterAll(async () => {
    await t?.close();
    await own.leave();
  });

  it('an analyst asking for snapshots many times at once starts one run, and every answer names it', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => start()));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202, 202]);
    const ids = new Set(answers.map((a) => a.body.jobId as string));
    expect(ids.size).toBe(1);
    const [jobId] = [...ids];
    expect(await runs()).toEqual([{ id: jobId, state: 'running' }]);
    const queue = t.app.get<Queue>(getQueueToken(QueueName.AnalyticsSnapshots), { strict: false });
    const queued = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
    expect(queued.map((j) => j.id)).toEqual([`${jobId}-0`]);

    // asking again while it runs answers the same job
    expect((await start().expect(202)).body.jobId).toBe(jobId);
    expect(await runs()).toHaveLength(1);
  });

  it('once the running snapshot has finished, the next ask starts a new run', async () => {
    const [running] = await runs();
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    try {
      for (let i = 0; i < 600 && (await runs())[0].state === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await runs())[0]).toEqual({ id: running.id, state: 'completed' });
      const next = (await start().expect(202)).body.jobId as string;
      expect(next).not.toBe(running.id);
      expect((await runs()).map((r) => r.id)).toEqual([running.id, next]);
    } finally {
      await worker.close();
    }
  });
});
