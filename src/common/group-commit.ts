import { ShuttingDownError } from './errors/infra-errors';

/**
 * Collects concurrent requests for a moment and hands them to one handler
 * call, so that many postings share one transaction and one commit. A batch
 * leaves when `maxBatch` items wait or `maxWaitMs` after its first item,
 * whichever comes first; at most `maxConcurrent` batches run at once, and
 * items that arrive meanwhile form the next batch (which is how the batch
 * grows with the load instead of with a timer).
 *
 * The handler answers every item on its own: one item's failure is that
 * item's answer and never sinks the others.
 */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  maxBatch: number;
  maxWaitMs: number;
  maxConcurrent: number;
}

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T, R> {
  private queue: Array<Waiting<T, R>> = [];
  private running = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly handler: (items: T[]) => Promise<Array<ItemOutcome<R>>>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: T): Promise<R> {
    if (this.closed) {
      return Promise.reject(new ShuttingDownError('The posting queue'));
    }
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for a batch (not yet handed to the handler). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Stops taking items; resolves when every accepted item has its answer. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.queue.length > 0 || this.running > 0) {
      this.drain();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private schedule(): void {
    if (this.running >= this.options.maxConcurrent) {
      return; // the next batch to finish takes what queued meanwhile
    }
    if (this.queue.length >= this.options.maxBatch || this.options.maxWaitMs <= 0) {
      this.drain();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.drain();
    }, this.options.maxWaitMs);
  }

  private drain(): void {
    while (this.queue.length > 0 && this.running < this.options.maxConcurrent) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running += 1;
      void this.run(batch);
    }
    if (this.queue.length === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private async run(batch: Array<Waiting<T, R>>): Promise<void> {
    try {
      const outcomes = await this.handler(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const outcome = outcomes[i];
        if (!outcome) {
          w.reject(new Error('The batch handler gave no answer for this item'));
        } else if (outcome.ok) {
          w.resolve(outcome.value);
        } else {
          w.reject(outcome.error);
        }
      });
    } catch (err) {
      for (const w of batch) {
        w.reject(err);
      }
    } finally {
      this.running -= 1;
      if (this.queue.length > 0) {
        // Whatever queued while this batch ran leaves now: the load sets the batch size.
        this.drain();
      }
    }
  }
}
