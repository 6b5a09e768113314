import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { Job, Queue, RepeatOptions } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../queue/queue.constants';
import { JobReconciler } from '../jobs/job-reconciler';
import { JobRunsService } from '../jobs/job-runs.service';
import { RangedJob } from '../jobs/ranged-job';
import { ensureJobScheduler } from '../jobs/reconcile-loop';
import { StartRangedRun } from '../jobs/start-ranged-run';
import { PostedBatch } from '../points/posting-events';
import { NoticesService } from './notices.service';
import { OutboxSenderService } from './outbox-sender.service';
import { PURCHASE_FOLLOW_UPS, PurchaseFollowUps } from './purchase-follow-ups.port';
import { EventsService } from './webhooks/events.service';
import { WebhookSenderService } from './webhooks/webhook-sender.service';

/** Monthly expiring-points notices over member-id ranges; scheduled by this processor beside its senders. */
export const EXPIRY_NOTICES = {
  kind: 'expiry-notices',
  queue: QueueName.Messages,
  planJob: JobName.PlanExpiryNotices,
  rangeJob: JobName.ExpiryNoticeRange,
  schedule: {
    id: 'monthly-expiry-notices',
    pattern: '0 0 2 1 * *',
    tz: 'Asia/Shanghai',
    says: 'expiring-points notices monthly on the 1st at 02:00 Asia/Shanghai',
  },
} satisfies RangedJob;

/** The jobs of the messages queue (a job of another name is refused below). */
type MessagesJobName =
  JobName.SendOutbox | JobName.DeliverWebhooks | JobName.PlanExpiryNotices | JobName.ExpiryNoticeRange | JobName.PostingEvents;

/**
 * The messages queue: the outbox sender and the webhook sender (each a
 * repeating job every MESSAGES_POLL_MS), the monthly expiring-points notices
 * over member-id ranges, and the events of posted POS batches.
 */
@Processor(QueueName.Messages, { concurrency: 4 })
export class MessagesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MessagesProcessor.name);

  constructor(
    private readonly sender: OutboxSenderService,
    private readonly webhooks: WebhookSenderService,
    private readonly events: EventsService,
    private readonly notices: NoticesService,
    private readonly startRun: StartRangedRun,
    private readonly runs: JobRunsService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Messages) private readonly queue: Queue,
    private readonly reconciler: JobReconciler,
    @Optional() @Inject(PURCHASE_FOLLOW_UPS) private readonly followUps: PurchaseFollowUps | null = null,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.messages.pollMs;
    const opts = { removeOnComplete: { count: 100 }, removeOnFail: { count: 1000 }, attempts: 1 };
    const schedulers: Array<[string, RepeatOptions, { name: string; data: object; opts?: Record<string, unknown> }]> = [
      ['outbox-sender', { every }, { name: JobName.SendOutbox, data: {}, opts }],
      ['webhook-sender', { every }, { name: JobName.DeliverWebhooks, data: {}, opts }],
      [
        EXPIRY_NOTICES.schedule.id,
        { pattern: EXPIRY_NOTICES.schedule.pattern, tz: EXPIRY_NOTICES.schedule.tz },
        { name: EXPIRY_NOTICES.planJob, data: {} },
      ],
    ];
    for (const [id, repeat, template] of schedulers) {
      await this.queue.upsertJobScheduler(id, repeat, template);
    }
    // Registered again by the reconciler should Redis lose them.
    this.reconciler.registerTask({
      name: 'message schedules',
      run: async () => {
        for (const [id, repeat, template] of schedulers) {
          await ensureJobScheduler(this.queue, id, repeat, template);
        }
      },
    });
    this.logger.log(`Sending the outbox and webhooks every ${every} ms; ${EXPIRY_NOTICES.schedule.says}`);
  }

  async process(job: Job<unknown, unknown, MessagesJobName>): Promise<unknown> {
    switch (job.name) {
      case JobName.SendOutbox:
        return this.sender.sendDue();
      case JobName.DeliverWebhooks:
        return this.webhooks.deliverDue();
      case JobName.PlanExpiryNotices:
        return this.startRun.start(EXPIRY_NOTICES, (job.data as PlanPayload).asOf ?? new Date().toISOString());
      case JobName.ExpiryNoticeRange: {
        const data = job.data as RangePayload;
        return this.runs.runPart(job as Job<RangePayload>, () =>
          this.notices.expiryNoticesForRange(data.fromId, data.toId, new Date(data.asOf)),
        );
      }
      case JobName.PostingEvents:
        return this.postingEvents(job.data as PostedBatch);
      default:
        throw new Error(`Unknown job ${String(job.name)} on ${QueueName.Messages}`);
    }
  }

  /**
   * Webhooks for posted purchases and tier moves, the tier notices, and the purchase follow-ups (survey invitations).
   * Safe to run twice: everything is keyed by purchase id.
   */
  private async postingEvents(batch: PostedBatch): Promise<{ deliveries: number; notices: number; followUps: number }> {
    const deliveries = await this.events.publishMany([
      ...batch.purchases.map((p) => ({
        type: 'purchase.posted' as const,
        id: `purchase.posted:${p.purchaseId}`,
        occurredAt: new Date(p.occurredAt),
        data: { ...p },
      })),
      ...batch.tierMoves.map((t) => ({
        type: 'tier.changed' as const,
        id: `tier.changed:${t.purchaseId}`,
        occurredAt: new Date(t.at),
        data: { memberId: t.memberId, from: t.from, to: t.to, reason: 'purchase', purchaseId: t.purchaseId },
      })),
    ]);
    let notices = 0;
    for (const move of batch.tierMoves) {
      const result = await this.notices.notifyTierChanged(move.memberId, move.from, move.to, move.purchaseId);
      notices += result?.queued ?? 0;
    }
    const followUps = this.followUps && batch.purchases.length > 0 ? await this.followUps.afterPurchases(batch.purchases) : 0;
    return { deliveries, notices, followUps };
  }
}
