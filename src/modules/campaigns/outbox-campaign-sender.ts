import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../messages/outbox.service';
import { MessageStatus } from '../messages/entities/outbox-message.entity';
import { CampaignMessage, CampaignMessageSender } from './campaign-message-sender';

/** What the delivery row keeps of the outbox row's status at enqueue time. */
const DELIVERY_MESSAGE_STATUS: Record<MessageStatus, string> = {
  queued: 'outbox',
  sending: 'outbox',
  sent: 'outbox',
  failed: 'outbox',
  skipped_no_consent: 'no_consent',
  skipped_no_address: 'no_address',
};

/**
 * Campaign messages go through the one outbox, inside the fan-out batch's
 * transaction: a message is recorded exactly when its delivery row is, and
 * the outbox's (source, member, channel) key makes a re-run batch send
 * nothing twice. The outbox applies consent once more and renders the
 * template; the sender worker delivers. The delivery row notes 'outbox',
 * or why the outbox recorded the message without sending it ('no_address',
 * 'no_consent'), so the results count those apart.
 */
@Injectable()
export class OutboxCampaignSender implements CampaignMessageSender {
  constructor(private readonly outbox: OutboxService) {}

  async enqueue(m: EntityManager, messages: CampaignMessage[]): Promise<Map<string, string>> {
    const sourceOf = (msg: CampaignMessage) => `campaign:${msg.campaignId}:${msg.occurrence}`;
    await this.outbox.enqueueMany(
      messages.map((msg) => ({
        source: sourceOf(msg),
        memberId: msg.memberId,
        templateCode: msg.template,
        channel: msg.channel,
      })),
      m,
    );
    const out = new Map<string, string>();
    const bySource = new Map<string, string[]>();
    for (const msg of messages) {
      bySource.set(sourceOf(msg), [...(bySource.get(sourceOf(msg)) ?? []), msg.memberId]);
    }
    for (const [source, memberIds] of bySource) {
      const statuses = await this.outbox.statusesOf(m, source, memberIds);
      for (const id of memberIds) {
        out.set(id, DELIVERY_MESSAGE_STATUS[statuses.get(id) ?? 'queued']);
      }
    }
    return out;
  }
}
