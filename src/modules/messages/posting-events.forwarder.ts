import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../queue/queue.constants';
import { FlushesIntoQueues } from '../../queue/queue-shutdown';
import { PostedBatch, PostingEvents } from '../points/posting-events';

/** Events gathered for at most this long go out as one queue job. */
const FLUSH_MS = 200;
const MAX_PURCHASES_PER_JOB = 2000;

/**
 * Hands what POS batches posted to the messages queue, after the till has
 * its answer: batches are gathered for a moment and sent as one job (one
 * Redis command per flush, not per purchase). The worker publishes the
 * webhooks and the tier notices, which are idempotent by purchase id.
 *
 * Gathered events live in this process until flushed: a crash in that
 * moment, or Redis down at the flush, loses those webhooks and notices (the
 * points are posted regardless). That is the price of keeping them off the
 * POS transaction; it is logged. At a graceful stop the last events are
 * queued before the queues close (QueueShutdown calls flushIntoQueues).
 */
@Injectable()
export class PostingEventsForwarder implements OnModuleInit, FlushesIntoQueues {
  private readonly logger = new Logger(PostingEventsForwarder.name);
  private pending: PostedBatch = { purchases: [], tierMoves: [] };
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: PostingEvents,
    @InjectQueue(QueueName.Messages) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((batch) => this.gather(batch));
  }

  private gather(batch: PostedBatch): void {
    this.pending.purchases.push(...batch.purchases);
    this.pending.tierMoves.push(...batch.tierMoves);
    if (this.pending.purchases.length >= MAX_PURCHASES_PER_JOB) {
      void this.flush();
    } else {
      this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
    }
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    this.pending = { purchases: [], tierMoves: [] };
    if (batch.purchases.length === 0 && batch.tierMoves.length === 0) {
      return;
    }
    try {
      await this.queue.add(JobName.PostingEvents, batch);
    } catch (err) {
      this.logger.error({
        msg: 'posting events lost: could not queue them',
        purchases: batch.purchases.length,
        tierMoves: batch.tierMoves.length,
        err,
      });
    }
  }

  /** At shutdown, after the last purchase batch has committed and before the queues close. */
  async flushIntoQueues(): Promise<void> {
    await this.flush();
  }
}
