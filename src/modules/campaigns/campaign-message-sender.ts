import { EntityManager } from 'typeorm';
import { MessageChannel } from './rules/audience';

export const CAMPAIGN_MESSAGE_SENDER = Symbol('CAMPAIGN_MESSAGE_SENDER');

export interface CampaignMessage {
  campaignId: string;
  occurrence: string;
  memberId: string;
  channel: MessageChannel;
  template: string;
}

/**
 * Where a campaign batch hands its messages, inside the batch's transaction
 * (so a message is enqueued exactly when its delivery row is written). The
 * outbox implements this with OutboxService.enqueue (unique per source,
 * member and channel; source = `campaign:<id>:<occurrence>`). Answers each
 * member's message status for the delivery row.
 */
export interface CampaignMessageSender {
  enqueue(m: EntityManager, messages: CampaignMessage[]): Promise<Map<string, string>>;
}
