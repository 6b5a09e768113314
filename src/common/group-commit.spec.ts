import { GroupCommit, ItemOutcome } from './group-commit';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GroupCommit', () => {
  it('items that arrive while a batch runs leave together in the next batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gc = new GroupCommit<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) {
          await new Promise<void>((resolve) => (release = resolve));
        }
        return items.map((i) => ({ ok: true, value: i * 10 }));
      },
      { maxBatch: 100, maxWaitMs: 0, maxConcurrent: 1 },
    );
    const first = gc.submit(1);
    await tick();
    const rest = [2, 3, 4, 5].map((i) => gc.submit(i));
    await tick();
    expect(gc.waiting).toBe(4);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('never puts more than maxBatch items in one batch', async () => {
    const sizes: number[] = [];
    const gc = new GroupCommit<number, number>(
      async (items) => {
        sizes.push(items.length);
        await tick(2);
        return items.map((i) => ({ ok: true, value: i }));
      },
      { maxBatch: 3, maxWaitMs: 1, maxConcurrent: 1 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => gc.submit(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('one item failing is that item’s answer; the others succeed', async () => {
    const gc = new GroupCommit<number, number>(
      async (items) =>
        items.map((i): ItemOutcome<number> => (i === 2 ? { ok: false, error: new Error('bad item') } : { ok: true, value: i })),
      { maxBatch: 10, maxWaitMs: 5, maxConcurrent: 1 },
    );
    const results = await Promise.allSettled([1, 2, 3].map((i) => gc.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('bad item');
  });

  it('a handler that throws rejects every item of its batch, and the next batch still runs', async () => {
    let calls = 0;
    const gc = new GroupCommit<number, number>(
      async (items) => {
        calls += 1;
        if (calls === 1) {
          throw new Error('database gone');
        }
        return items.map((i) => ({ ok: true, value: i }));
      },
      { maxBatch: 10, maxWaitMs: 0, maxConcurrent: 1 },
    );
    await expect(gc.submit(1)).rejects.toThrow('database gone');
    await expect(gc.submit(2)).resolves.toBe(2);
  });

  it('close() waits for accepted items and refuses new ones', async () => {
    const gc = new GroupCommit<number, number>(
      async (items) => {
        await tick(5);
        return items.map((i) => ({ ok: true, value: i }));
      },
      { maxBatch: 10, maxWaitMs: 0, maxConcurrent: 2 },
    );
    const accepted = gc.submit(7);
    await gc.close();
    await expect(accepted).resolves.toBe(7);
    await expect(gc.submit(8)).rejects.toThrow('shutting down');
  });
});
