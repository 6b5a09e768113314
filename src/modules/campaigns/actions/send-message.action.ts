import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MinLength } from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { CONSENT_CHANNELS_FOR_MESSAGES, MessageChannel } from '../audience/audience-part.kind';
import { CAMPAIGN_MESSAGE_SENDER, CampaignMessageSender } from '../campaign-message-sender';
import { bilingual } from '../rule-description';
import { ActionDelivery, CampaignActionKind, DeliveryBatch } from './campaign-action.kind';

const CHANNEL_NAMES: Record<MessageChannel, { zh: string; en: string }> = {
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '邮件', en: 'email' },
  push: { zh: '推送', en: 'push' },
};

/** A message to each member reached (also the stored body, and the legacy `message` field of a campaign). */
export class MessageDto {
  @ApiProperty({ enum: ['sms', 'email', 'push'], example: 'sms' })
  @IsIn(CONSENT_CHANNELS_FOR_MESSAGES)
  channel: MessageChannel;

  @ApiProperty({ maxLength: 1000, description: 'Template name or text handed to the outbox.', example: 'birthday-greeting' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(1000)
  @IsSafeText()
  template: string;
}

export class MessageActionDto extends MessageDto {
  @ApiProperty({ enum: ['message'], example: 'message' })
  @IsIn(['message'])
  type: 'message';
}

/** Hands the batch's messages to the outbox in the batch's transaction (only to members the earlier actions reached). */
@Injectable()
export class SendMessageDelivery implements ActionDelivery<MessageDto> {
  constructor(@Inject(CAMPAIGN_MESSAGE_SENDER) private readonly sender: CampaignMessageSender) {}

  async apply(batch: DeliveryBatch, message: MessageDto): Promise<void> {
    const statuses = await this.sender.enqueue(
      batch.m,
      batch.reached.map((memberId) => ({
        campaignId: batch.campaign.id,
        occurrence: batch.occurrence,
        memberId,
        channel: message.channel,
        template: message.template,
      })),
    );
    for (const [memberId, status] of statuses) {
      batch.messageStatus.set(memberId, status);
    }
  }
}

export const sendMessageAction: CampaignActionKind<MessageActionDto, MessageDto> = {
  type: 'message',
  input: MessageActionDto,
  stored: MessageDto,
  validate: (input) => ({ channel: input.channel, template: input.template }),
  describe: (message) =>
    bilingual(
      `发送${CHANNEL_NAMES[message.channel].zh}（模板 ${message.template}）`,
      `send ${CHANNEL_NAMES[message.channel].en} (template ${message.template})`,
    ),
  delivery: SendMessageDelivery,
  // Only members who consented to the channel are in the audience at all.
  consentChannel: (message) => message.channel,
};
