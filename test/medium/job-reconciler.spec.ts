import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { coreImports } from '../../src/core.module';
import { JobReconciler } from '../../src/modules/jobs/job-reconciler';
import { JobRunsService } from '../../src/modules/jobs/job-runs.service';
import { JobsModule } from '../../src/modules/jobs/jobs.module';
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';
import { ensureJobScheduler } from '../../src/modules/jobs/reconcile-loop';
import { redisConnection } from '../../src/queue/queue.module';
import { QueueName } from '../../src/queue/queue.constants';
import { deleteKeysUnder } from '../../src/queue/delete-keys-under';

/**
 * The reconciler against the real database and Redis. No worker runs the
 * queue here, so queued jobs stay where they are and can be lost on purpose.
 */
describe('job reconciler: parts whose queue job Redis lost are queued again', () => {
  let ctx: INestApplicationContext;
  let runs: JobRunsService;
  let reconciler: JobReconciler;
  let queue: Queue;
  // Runs of 'held-kind' listed here may not continue (as a paused campaign's).
  const held = new Set<string>();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [...coreImports('worker'), JobsModule] }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    runs = ctx.get(JobRunsService);
    reconciler = ctx.get(JobReconciler);
    // A queue no processor in this process consumes.
    queue = ctx.get<Queue>(getQueueToken(QueueName.MemberImport), { strict: false });
    reconciler.registerKind('held-kind', { mayContinue: async (runId) => !held.has(runId) });
  });

  // Each test counts only its own runs: runs left running by earlier tests are closed first.
  beforeEach(async () => {
    await ctx.get(DataSource).query("UPDATE job_runs SET state = 'completed' WHERE state = 'running'");
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await ctx.close();
  });

  /** Deletes this queue's keys under the test prefix, as a restart of a Redis without persistence does. */
  async function wipeQueue(): Promise<number> {
    return deleteKeysUnder((await queue.getBackend().client) as unknown as Redis, queue.toKey(''));
  }

  async function jobIdsInRedis(runId: string, parts: number): Promise<Array<string | null>> {
    const out: Array<string | null> = [];
    for (let p = 0; p < parts; p += 1) {
      const job = await queue.getJob(`${runId}-${p}`);
      out.push(job ? JSON.stringify(job.data) : null);
    }
    return out;
  }

  it('after a wipe, the pending parts of a running run are queued again with their job id and data; done parts are not', async () => {
    const runId = await runs.start('test-kind', 3, null);
    await runs.queueParts(queue, 'import-members-part', runId, [{ fromRow: 0 }, { fromRow: 10 }, { fromRow: 20 }]);
    const before = await jobIdsInRedis(runId, 3);
    expect(before.every((d) => d !== null)).toBe(true);
    // Nothing lost yet: nothing queued.
    expect(await reconciler.reconcile()).toMatchObject({ requeued: 0, retried: 0 });

    await ctx.get(JobsRepository).completePart(runId, 1, '{}', new Date());
    expect(await wipeQueue()).toBeGreaterThan(0);
    expect(await jobIdsInRedis(runId, 3)).toEqual([null, null, null]);

    const report = await reconciler.reconcile();
    expect(report.requeued).toBe(2);
    expect(await jobIdsInRedis(runId, 3)).toEqual([before[0], null, before[2]]);
    expect(JSON.parse(before[2]!)).toEqual({ fromRow: 20, runId, partNo: 2 });
    // A second pass finds them there.
    expect((await reconciler.reconcile()).requeued).toBe(0);
  });

  it('a run its kind holds (a paused campaign) is left unqueued; released, it is queued again', async () => {
    const runId = await runs.start('held-kind', 1, null);
    held.add(runId);
    await runs.queueParts(queue, 'import-members-part', runId, [{ fromRow: 0 }]);
    await wipeQueue();
    expect((await reconciler.reconcile()).requeued).toBe(0);
    expect(await queue.getJob(`${runId}-0`)).toBeUndefined();
    held.delete(runId);
    expect((await reconciler.reconcile()).requeued).toBe(1);
    expect((await queue.getJob(`${runId}-0`))?.data).toEqual({ fromRow: 0, runId, partNo: 0 });
  });

  it('parts queued again later (a resume) are checked under their new job id', async () => {
    const runId = await runs.start('test-kind', 2, null);
    await runs.queueParts(queue, 'import-members-part', runId, [{ a: 1 }], { partNos: [1], jobIdSuffix: '-r1' });
    await wipeQueue();
    expect((await reconciler.reconcile()).requeued).toBe(1);
    expect((await queue.getJob(`${runId}-1-r1`))?.data).toEqual({ a: 1, runId, partNo: 1 });
    // Part 0 was never queued: nothing recorded, nothing to restore.
    expect(await queue.getJob(`${runId}-0`)).toBeUndefined();
  });

  it('a job that failed for good while its part stayed pending (the database was away) is retried', async () => {
    const runId = await runs.start('test-kind', 1, null);
    await runs.queueParts(queue, 'import-members-part', runId, [{ x: 1 }]);
    const config = ctx.get(AppConfig);
    // A worker whose every attempt fails before it could record anything.
    const worker = new Worker(
      queue.name,
      async () => {
        throw new Error('database away');
      },
      { connection: redisConnection(config.redisUrl), prefix: config.queuePrefix, autorun: false },
    );
    const job = (await queue.getJob(`${runId}-0`))!;
    worker.run().catch(() => undefined);
    // The queue's default is 5 attempts with backoff; skip the waits by promoting each retry.
    const deadline = Date.now() + 20_000;
    while (!(await (await queue.getJob(job.id!))!.isFailed())) {
      if (Date.now() > deadline) {
        throw new Error('the job never failed for good');
      }
      const j = await queue.getJob(job.id!);
      if (j && (await j.isDelayed())) {
        await j.promote();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await worker.close();
    expect((await runs.view(runId)).state).toBe('running');

    const report = await reconciler.reconcile();
    expect(report.retried).toBe(1);
    expect(await (await queue.getJob(job.id!))!.getState()).toBe('waiting');
  }, 30_000);

  it('a run whose parts all ended but that a dead worker left open is closed, and its kind is told', async () => {
    const finished: string[] = [];
    reconciler.registerKind('closing-kind', { afterFinish: async (runId, state) => void finished.push(`${runId}:${state}`) });
    const runId = await runs.start('closing-kind', 1, null);
    // The part is recorded done, then the worker dies before closing the run.
    await ctx.get(JobsRepository).completePart(runId, 0, '{"n":1}', new Date());
    expect((await runs.view(runId)).state).toBe('running');
    // Within the grace period the worker that finished the last part is left to close it.
    expect((await reconciler.reconcile()).closed).toBe(0);
    expect((await runs.view(runId)).state).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await reconciler.reconcile(10)).closed).toBe(1);
    expect((await runs.view(runId)).state).toBe('completed');
    expect(finished).toEqual([`${runId}:completed`]);
  });

  it('registered tasks run on every pass: a job scheduler Redis lost is registered again, an existing one is left alone', async () => {
    const template = { name: 'import-members-part', data: { probe: true } };
    reconciler.registerTask({
      name: 'probe scheduler',
      run: async () => void (await ensureJobScheduler(queue, 'probe-scheduler', { pattern: '0 0 3 * * *', tz: 'UTC' }, template)),
    });
    await reconciler.reconcile();
    expect(await queue.getJobScheduler('probe-scheduler')).toMatchObject({ key: 'probe-scheduler', pattern: '0 0 3 * * *' });
    expect(await ensureJobScheduler(queue, 'probe-scheduler', { pattern: '0 0 3 * * *', tz: 'UTC' }, template)).toBe(false);
    await wipeQueue();
    expect(await queue.getJobScheduler('probe-scheduler')).toBeUndefined();
    expect((await reconciler.reconcile()).taskErrors).toBe(0);
    expect(await queue.getJobScheduler('probe-scheduler')).toMatchObject({ key: 'probe-scheduler', pattern: '0 0 3 * * *' });
  });
});
