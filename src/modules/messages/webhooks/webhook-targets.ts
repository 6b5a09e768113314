import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { isIP, LookupFunction } from 'node:net';
import { AppConfig } from '../../../config/app-config';
import { webhookTargetRefused } from '../messages.errors';
import { isRefused, refusalText, refusedAddress, refusedHost } from '../rules/webhook-target';

/** A delivery's target that is not public (rules/webhook-target.ts): nothing was sent. */
export class WebhookTargetRefusedError extends Error {
  override readonly name = 'WebhookTargetRefusedError';
}

/**
 * Keeps webhooks off the platform's own network (WEBHOOK_ALLOW_PRIVATE_TARGETS, rules/webhook-target.ts): a URL is
 * checked when a subscription is saved (its host and every address it resolves to then), and each delivery checks the
 * address its socket actually connects to, so a name that resolved to a public address at save time and to 127.0.0.1
 * later (DNS rebinding) is still refused.
 */
@Injectable()
export class WebhookTargets {
  constructor(private readonly config: AppConfig) {}

  private get allowPrivate(): boolean {
    return this.config.messages.webhookAllowPrivateTargets;
  }

  /** At create and update: 400 WEBHOOK_TARGET_REFUSED naming the reason. A name that does not resolve yet is kept (checked at delivery). */
  async assertAllowed(url: string): Promise<void> {
    const { hostname } = new URL(url);
    const byHost = refusedHost(hostname);
    if (isRefused(byHost, this.allowPrivate)) {
      throw webhookTargetRefused(refusalText(hostname, byHost));
    }
    if (hostname.startsWith('[') || isIP(hostname) !== 0) {
      return;
    }
    let addresses: LookupAddress[];
    try {
      addresses = await dnsLookupAsync(hostname, { all: true, verbatim: true });
    } catch {
      return;
    }
    for (const { address } of addresses) {
      const byAddress = refusedAddress(address);
      if (isRefused(byAddress, this.allowPrivate)) {
        throw webhookTargetRefused(refusalText(hostname, byAddress, address));
      }
    }
  }

  /** At delivery, before connecting: the URL's own host (an IP literal is connected to without a lookup). */
  refusalOf(url: URL): string | null {
    const byHost = refusedHost(url.hostname);
    return isRefused(byHost, this.allowPrivate) ? refusalText(url.hostname, byHost) : null;
  }

  /**
   * The socket's DNS lookup: resolves the name, and fails the connection if any address it resolves to is refused,
   * so the address connected to is always one that was checked.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      for (const { address } of addresses) {
        const byAddress = refusedAddress(address);
        if (isRefused(byAddress, this.allowPrivate)) {
          callback(new WebhookTargetRefusedError(refusalText(hostname, byAddress, address)), '', 0);
          return;
        }
      }
      if (options.all) {
        (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
        return;
      }
      if (addresses.length === 0) {
        callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        return;
      }
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
