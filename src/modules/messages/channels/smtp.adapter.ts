import { createTransport, Transporter } from 'nodemailer';
import { ChannelAdapter, OutgoingMessage, PermanentSendError, SendResult } from './channel-adapter';

/** Email over SMTP (nodemailer, pooled connections). Plain text: nothing rendered into HTML, so nothing to escape. */
export class SmtpChannelAdapter implements ChannelAdapter {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    const url = new URL(smtpUrl);
    this.transport = createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true,
      maxConnections: 4,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      // A local relay without a certificate (the tests' sink): STARTTLS only when offered.
      ignoreTLS: url.searchParams.get('tls') === 'off',
    });
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        headers: { 'X-Loyalty-Message-Id': message.messageId },
      })) as { messageId?: string };
      return { providerMessageId: info.messageId ?? null };
    } catch (err) {
      // 5xx from the server: the address or the message is refused, a retry will not help.
      const code = (err as { responseCode?: number }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) {
        throw new PermanentSendError(`SMTP ${code}: ${(err as Error).message}`);
      }
      throw err;
    }
  }

  close(): void {
    this.transport.close();
  }
}
