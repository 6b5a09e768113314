import type { MessageChannel } from '../entities/outbox-message.entity';

/** A message ready to leave: the rendered text and where it goes. */
export interface OutgoingMessage {
  messageId: string;
  /** Null for a message to an address no member holds yet (a registration code). */
  memberId: string | null;
  channel: MessageChannel;
  /** Email address, E.164 phone, or the member id for push (the gateway knows the devices). */
  to: string;
  subject: string | null;
  text: string;
  locale: string;
}

export interface SendResult {
  /** The provider's id of the message, when it gives one. */
  providerMessageId: string | null;
}

/** One way of sending. A thrown error is a failed attempt (retried with backoff until the attempts are spent). */
export interface ChannelAdapter {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): Promise<void> | void;
}

/** An answer that will not change on a retry (an address the provider refuses): the message fails at once. */
export class PermanentSendError extends Error {}
