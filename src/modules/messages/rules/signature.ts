import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed requests to webhooks and message gateways: HMAC-SHA256 over
 * `${timestamp}.${body}` with the shared secret, sent as
 * `X-Signature: sha256=<hex>` with `X-Timestamp: <unix seconds>`. The
 * timestamp inside the signature lets the receiver refuse replays of old requests.
 */
export const SIGNATURE_HEADER = 'X-Signature';
export const TIMESTAMP_HEADER = 'X-Timestamp';

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function signedHeaders(secret: string, body: string, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [SIGNATURE_HEADER]: sign(secret, timestamp, body), [TIMESTAMP_HEADER]: String(timestamp) };
}

/** What a receiver does: recompute and compare in constant time, and refuse a timestamp older than the tolerance. */
export function verifySignature(
  secret: string,
  header: string | undefined,
  timestamp: string | undefined,
  body: string,
  now: Date = new Date(),
  toleranceSeconds = 300,
): boolean {
  if (!header || !timestamp || !/^\d+$/.test(timestamp)) {
    return false;
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) {
    return false;
  }
  const expected = Buffer.from(sign(secret, Number(timestamp), body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
