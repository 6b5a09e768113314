import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { coreImports } from '../../src/core.module';
import { AppConfig } from '../../src/config/app-config';
import { redisConnection } from '../../src/queue/queue.module';
import { ALL_QUEUES, QueueName } from '../../src/queue/queue.constants';

/** Finished jobs are capped in Redis: the queues' default job options, on a real queue with a real worker. */
describe('finished jobs are capped in Redis', () => {
  let ctx: INestApplicationContext;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: coreImports('worker') }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
  });

  afterAll(async () => {
    await ctx.close();
  });

  it('every queue keeps at most 1000 completed and 5000 failed jobs by default', () => {
    for (const name of ALL_QUEUES) {
      const queue = ctx.get<Queue>(getQueueToken(name));
      expect([name, queue.defaultJobOptions.removeOnComplete, queue.defaultJobOptions.removeOnFail]).toEqual([
        name,
        expect.objectContaining({ count: 1000 }),
        expect.objectContaining({ count: 5000 }),
      ]);
    }
  });

  it('1,050 jobs run on a queue with those defaults leave exactly 1000 completed ones in Redis', async () => {
    const config = ctx.get(AppConfig);
    const connection = { ...redisConnection(config.redisUrl), maxRetriesPerRequest: null };
    // A queue of its own (a worker of another suite may still serve the real ones) with the real queues' default job options.
    const defaults = ctx.get<Queue>(getQueueToken(QueueName.PointsRelease)).defaultJobOptions;
    const queue = new Queue(`cap-test-${randomUUID()}`, { connection, prefix: config.queuePrefix, defaultJobOptions: defaults });
    const total = 1050;
    // Added as the code adds part jobs: a job id, no per-job removal options, so the queue's defaults apply.
    await queue.addBulk(Array.from({ length: total }, (_, i) => ({ name: 'cap-test', data: { i }, opts: { jobId: `cap-${i}` } })));
    let processed = 0;
    const worker = new Worker(
      queue.name,
      async () => {
        processed += 1;
        return null;
      },
      { connection, prefix: config.queuePrefix, concurrency: 50 },
    );
    try {
      for (let i = 0; processed < total; i++) {
        if (i > 1200) {
          throw new Error(`only ${processed} of ${total} jobs ran`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The last completions are recorded just after their processor returns.
      for (let i = 0; (await queue.getJobCounts('active')).active > 0 && i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(processed).toBe(total);
      expect(await queue.getCompletedCount()).toBe(1000);
      expect(await queue.getCompleted(0, -1)).toHaveLength(1000);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
