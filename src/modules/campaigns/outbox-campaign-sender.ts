import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../messages/outbox.service';
import { CampaignMessage, CampaignMessageSender } from './campaign-message-sender';

/**
 * Campaign messages go through the one outbox, inside the fan-out batch's
 * transaction: a message is recorded exactly when its delivery row is, and
 * the outbox's (source, member, channel) key makes a re-run batch send
 * nothing twice. The outbox applies consent once more and renders the
 * template; the sender worker delivers. The delivery row notes 'outbox'.
 */
@Injectable()
export class OutboxCampaignSender implements CampaignMessageSender {
  constructor(private readonly outbox: OutboxService) {}

  async enqueue(m: EntityManager, messages: CampaignMessage[]): Promise<Map<string, string>> {
    await this.outbox.enqueueMany(
      messages.map((msg) => ({
        source: `campaign:${msg.campaignId}:${msg.occurrence}`,
        memberId: msg.memberId,
        templateCode: msg.template,
        channel: msg.channel,
      })),
      m,
    );
    return new Map(messages.map((msg) => [msg.memberId, 'outbox']));
  }
}
