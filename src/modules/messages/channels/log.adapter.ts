import { Logger } from '@nestjs/common';
import { maskEmail, maskPhone } from '../../../common/masking';
import { ChannelAdapter, OutgoingMessage, SendResult } from './channel-adapter';

/**
 * Development and demo: the message is only written to the log, its address masked. Outside production the log
 * line carries the text too, so a developer or a demo user can read the member page's sign-in code from it.
 */
export class LogChannelAdapter implements ChannelAdapter {
  readonly name = 'log';
  private readonly logger = new Logger('Messages');

  constructor(private readonly showText = false) {}

  send(message: OutgoingMessage): Promise<SendResult> {
    const to = message.channel === 'email' ? maskEmail(message.to) : message.channel === 'sms' ? maskPhone(message.to) : message.to;
    this.logger.log({
      msg: 'message (log adapter)',
      messageId: message.messageId,
      channel: message.channel,
      to,
      subject: message.subject,
      chars: Array.from(message.text).length,
      ...(this.showText ? { text: message.text } : {}),
    });
    return Promise.resolve({ providerMessageId: `log-${message.messageId}` });
  }
}
