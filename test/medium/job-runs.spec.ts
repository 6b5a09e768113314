import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Job } from 'bullmq';
import { coreImports } from '../../src/core.module';
import { JobRunsService, PartPayload } from '../../src/modules/jobs/job-runs.service';
import { JobsModule } from '../../src/modules/jobs/jobs.module';

/** A queue job as BullMQ hands it to a processor: its data, its attempts so far and its allowed attempts. */
const jobOf = (runId: string, partNo: number, attemptsMade = 0, attempts = 3) =>
  ({ data: { runId, partNo }, attemptsMade, opts: { attempts } }) as unknown as Job<PartPayload>;

describe('job runs on the real database', () => {
  let ctx: INestApplicationContext;
  let runs: JobRunsService;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [...coreImports('worker'), JobsModule] }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    runs = ctx.get(JobRunsService);
  });

  afterAll(async () => {
    await ctx.close();
  });

  it('a part run twice counts once, and the run completes with the sum of its parts', async () => {
    const runId = await runs.start('test-kind', 2, { asOf: 'x' });
    expect(await runs.view(runId)).toMatchObject({ state: 'running', total: 2, done: 0, percent: 0 });
    const first = await runs.runPart(jobOf(runId, 0), async () => ({ members: 5, points: 50 }));
    expect(first.finished).toBeNull();
    let calls = 0;
    const again = await runs.runPart(jobOf(runId, 0), async () => {
      calls += 1;
      return { members: 5, points: 50 };
    });
    expect(again).toEqual({ result: null, finished: null });
    expect(calls).toBe(0);
    expect(await runs.view(runId)).toMatchObject({ done: 1, percent: 50, totals: { members: 5, points: 50 } });
    const last = await runs.runPart(jobOf(runId, 1), async () => ({ members: 2, points: 7 }));
    expect(last.finished).toBe('completed');
    const view = await runs.view(runId);
    expect(view).toMatchObject({
      state: 'completed',
      done: 2,
      failed: 0,
      percent: 100,
      totals: { members: 7, points: 57 },
      params: { asOf: 'x' },
    });
    expect(view.finishedAt).not.toBeNull();
  });

  it('a part failing on an attempt that is not its last is retried, on its last it is recorded and the run fails', async () => {
    const runId = await runs.start('test-kind', 2, null);
    await expect(runs.runPart(jobOf(runId, 0, 0, 3), async () => Promise.reject(new Error('database gone')))).rejects.toThrow(
      'database gone',
    );
    expect(await runs.view(runId)).toMatchObject({ state: 'running', failed: 0 });
    await expect(runs.runPart(jobOf(runId, 0, 2, 3), async () => Promise.reject(new Error('still gone')))).rejects.toThrow('still gone');
    await runs.runPart(jobOf(runId, 1), async () => ({ members: 1 }));
    expect(await runs.view(runId)).toMatchObject({
      state: 'failed',
      done: 1,
      failed: 1,
      percent: 100,
      errors: [{ part: 0, message: 'still gone' }],
    });
  });

  it('an unknown job id is JOB_NOT_FOUND', async () => {
    await expect(runs.view('01a212aa-8b99-749f-88e9-001ff70d99ce')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });
});
