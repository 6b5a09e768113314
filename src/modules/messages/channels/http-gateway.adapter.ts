import { signedHeaders } from '../rules/signature';
import { ChannelAdapter, OutgoingMessage, SendResult } from './channel-adapter';

/**
 * SMS and push through an HTTP gateway: a POST of JSON signed with
 * HMAC-SHA256 (X-Signature, X-Timestamp; see rules/signature.ts). A 2xx
 * answer is sent (its JSON `id` is the provider's id); anything else, or no
 * answer within the timeout, is a failed attempt that is retried.
 */
export class HttpGatewayChannelAdapter implements ChannelAdapter {
  readonly name = 'http';

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const body = JSON.stringify({
      messageId: message.messageId,
      channel: message.channel,
      to: message.to,
      subject: message.subject,
      text: message.text,
      locale: message.locale,
    });
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': message.messageId, ...signedHeaders(this.secret, body) },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`gateway answered ${res.status}: ${text.slice(0, 200)}`);
    }
    return { providerMessageId: providerId(text) };
  }
}

function providerId(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { id?: unknown };
    return typeof parsed.id === 'string' || typeof parsed.id === 'number' ? String(parsed.id).slice(0, 200) : null;
  } catch {
    return null;
  }
}
