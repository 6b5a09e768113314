import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../queue/queue.constants';
import { FlushesIntoQueues } from '../../queue/queue-shutdown';

/** How long member ids gather before they leave as one job, and how many make a job leave at once. */
export const CLUB_EVALUATION_DEBOUNCE_MS = 250;
export const CLUB_EVALUATION_BATCH = 500;
/** Beyond this many waiting ids (Redis away for long), new ones are dropped: the nightly regroup catches them. */
const MAX_WAITING = 20_000;

/**
 * Off the POS hot path: the till's answer never waits for club evaluation.
 * After a purchase (or refund) is answered, its member id is put in a set in
 * memory; the set leaves as one BullMQ job every CLUB_EVALUATION_DEBOUNCE_MS or
 * every CLUB_EVALUATION_BATCH ids, and a worker re-evaluates those members'
 * automatic clubs. A job lost with a crashed process is made good by the
 * nightly regroup.
 */
@Injectable()
export class ClubActivityNotifier implements FlushesIntoQueues {
  private readonly logger = new Logger(ClubActivityNotifier.name);
  private waiting = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;

  constructor(@InjectQueue(QueueName.ClubMembership) private readonly queue: Queue) {}

  /** Never throws and never waits. */
  memberActive(memberId: string): void {
    if (this.waiting.size >= MAX_WAITING) {
      return;
    }
    this.waiting.add(memberId);
    if (this.waiting.size >= CLUB_EVALUATION_BATCH) {
      this.flushSoon(0);
    } else {
      this.flushSoon(CLUB_EVALUATION_DEBOUNCE_MS);
    }
  }

  private flushSoon(ms: number): void {
    if (this.timer && ms > 0) {
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
    this.timer.unref();
  }

  /** Sends what waits, one add at a time (ids that arrive meanwhile go with the next). */
  async flush(): Promise<void> {
    if (this.sending) {
      await this.sending;
      if (this.waiting.size > 0) {
        this.flushSoon(0);
      }
      return;
    }
    if (this.waiting.size === 0) {
      return;
    }
    const ids = [...this.waiting];
    this.waiting = new Set();
    this.sending = (async () => {
      for (let i = 0; i < ids.length; i += CLUB_EVALUATION_BATCH) {
        const memberIds = ids.slice(i, i + CLUB_EVALUATION_BATCH);
        try {
          await this.queue.add(JobName.EvaluateClubMembers, { memberIds }, { removeOnComplete: true, removeOnFail: 1000 });
        } catch (err) {
          this.logger.warn({ err, members: memberIds.length }, 'club evaluation not queued; the nightly regroup will catch up');
        }
      }
    })().finally(() => {
      this.sending = null;
    });
    await this.sending;
  }

  /** At shutdown, after the last purchases are answered and before the queues close (QueueShutdown bounds the wait). */
  async flushIntoQueues(): Promise<void> {
    while (this.sending || this.waiting.size > 0) {
      await this.flush();
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
