import { Logger } from '@nestjs/common';
import { maskEmail, maskPhone } from '../../../common/masking';
import { ChannelAdapter, OutgoingMessage, SendResult } from './channel-adapter';

/**
 * Development and demo: the message is only written to the log, its address masked; never its subject or text
 * (they carry names and codes). In development the portal logs the sign-in code itself (SendSignInCodeUseCase).
 */
export class LogChannelAdapter implements ChannelAdapter {
  readonly name = 'log';
  private readonly logger = new Logger('Messages');

  send(message: OutgoingMessage): Promise<SendResult> {
    const to = message.channel === 'email' ? maskEmail(message.to) : message.channel === 'sms' ? maskPhone(message.to) : message.to;
    this.logger.log({
      msg: 'message (log adapter)',
      messageId: message.messageId,
      channel: message.channel,
      to,
      chars: Array.from(message.text).length,
    });
    return Promise.resolve({ providerMessageId: `log-${message.messageId}` });
  }
}
