import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import type { MessageChannel } from '../entities/outbox-message.entity';
import { ChannelAdapter } from './channel-adapter';
import { HttpGatewayChannelAdapter } from './http-gateway.adapter';
import { LogChannelAdapter } from './log.adapter';
import { SmtpChannelAdapter } from './smtp.adapter';

/** The adapter of each channel, as configured (MESSAGES_EMAIL_ADAPTER, MESSAGES_SMS_ADAPTER, MESSAGES_PUSH_ADAPTER). */
@Injectable()
export class ChannelRegistry implements OnApplicationShutdown {
  private readonly adapters: Record<MessageChannel, ChannelAdapter>;

  constructor(config: AppConfig) {
    const c = config.messages;
    const log = new LogChannelAdapter();
    const gateway = (url: string | null, channel: string): ChannelAdapter => {
      if (!url || !c.gatewaySecret) {
        throw new Error(`The ${channel} http adapter needs its gateway URL and MESSAGES_GATEWAY_SECRET`);
      }
      return new HttpGatewayChannelAdapter(url, c.gatewaySecret, c.sendTimeoutMs);
    };
    this.adapters = {
      email: c.adapters.email === 'smtp' ? new SmtpChannelAdapter(c.smtpUrl ?? '', c.mailFrom, c.sendTimeoutMs) : log,
      sms: c.adapters.sms === 'http' ? gateway(c.smsGatewayUrl, 'sms') : log,
      push: c.adapters.push === 'http' ? gateway(c.pushGatewayUrl, 'push') : log,
      log,
    };
  }

  for(channel: MessageChannel): ChannelAdapter {
    return this.adapters[channel];
  }

  async onApplicationShutdown(): Promise<void> {
    for (const adapter of new Set(Object.values(this.adapters))) {
      await adapter.close?.();
    }
  }
}
