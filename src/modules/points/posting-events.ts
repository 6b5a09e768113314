import { Injectable, Logger } from '@nestjs/common';

export interface PostedPurchase {
  purchaseId: string;
  storeId: string;
  receiptNo: string;
  memberId: string;
  occurredAt: string;
  totalCents: number;
  pointsEarned: number;
}

export interface PostedTierMove {
  memberId: string;
  from: string;
  to: string;
  /** The purchase that moved the tier: the change's id. */
  purchaseId: string;
  at: string;
}

export interface PostedBatch {
  purchases: PostedPurchase[];
  tierMoves: PostedTierMove[];
  /** The category code of every posted line (for the catalog's use counts; not forwarded to the queue). */
  lineCategories?: string[];
}

/**
 * What committed POS batches posted, told to whoever listens (the messages
 * module turns it into webhooks and tier notices). Listeners are called
 * after the commit and must not block: the till is waiting for its answer.
 */
@Injectable()
export class PostingEvents {
  private readonly logger = new Logger(PostingEvents.name);
  private readonly listeners: Array<(batch: PostedBatch) => void> = [];

  subscribe(listener: (batch: PostedBatch) => void): void {
    this.listeners.push(listener);
  }

  emit(batch: PostedBatch): void {
    if (batch.purchases.length === 0 && batch.tierMoves.length === 0) {
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch (err) {
        this.logger.error({ msg: 'a posting listener failed', err });
      }
    }
  }
}
