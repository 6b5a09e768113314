import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { GroupCommit } from '../../../../common/group-commit';
import { AppConfig } from '../../../../config/app-config';
import { PostingResult, PurchaseCommand, PurchaseResult } from '../../points.types';
import { PostPurchaseBatch } from './post-purchase.batch';

/**
 * A POS purchase: points accrue, the tier may move up. Purchases arriving
 * together share one transaction and one commit (group commit); each still
 * gets its own answer, exactly as if it had been posted alone.
 */
@Injectable()
export class PostPurchaseUseCase implements OnModuleDestroy {
  private readonly group: GroupCommit<PurchaseCommand, PostingResult<PurchaseResult>>;

  constructor(batch: PostPurchaseBatch, config: AppConfig) {
    this.group = new GroupCommit((cmds) => batch.post(cmds), {
      maxBatch: config.postings.maxBatch,
      maxWaitMs: config.postings.maxWaitMs,
      maxConcurrent: config.postings.maxConcurrentBatches,
    });
  }

  post(cmd: PurchaseCommand): Promise<PostingResult<PurchaseResult>> {
    return this.group.submit(cmd);
  }

  /** Purchases waiting for their batch (a gauge for the metrics). */
  get waiting(): number {
    return this.group.waiting;
  }

  /** After the HTTP server has drained (HttpDrain) and before the queues close: the last batch commits and tells its events. */
  async onModuleDestroy(): Promise<void> {
    await this.group.close();
  }
}
