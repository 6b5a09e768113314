import { createHmac } from 'node:crypto';
import { sign, signedHeaders, verifySignature } from './signature';

describe('request signatures', () => {
  const secret = 'whsec_test_secret';
  const body = JSON.stringify({ type: 'purchase.posted', data: { points: 12 } });
  const now = new Date('2026-05-01T10:00:00.000Z');

  it('is HMAC-SHA256 of "timestamp.body" in hex, prefixed sha256=', () => {
    const ts = Math.floor(now.getTime() / 1000);
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(sign(secret, ts, body)).toBe(`sha256=${expected}`);
    expect(signedHeaders(secret, body, now)).toEqual({ 'X-Signature': `sha256=${expected}`, 'X-Timestamp': String(ts) });
  });

  it('verifies its own headers and refuses a changed body, another secret or an old timestamp', () => {
    const h = signedHeaders(secret, body, now);
    expect(verifySignature(secret, h['X-Signature'], h['X-Timestamp'], body, now)).toBe(true);
    expect(verifySignature(secret, h['X-Signature'], h['X-Timestamp'], body + ' ', now)).toBe(false);
    expect(verifySignature('other', h['X-Signature'], h['X-Timestamp'], body, now)).toBe(false);
    expect(verifySignature(secret, h['X-Signature'], h['X-Timestamp'], body, new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifySignature(secret, undefined, h['X-Timestamp'], body, now)).toBe(false);
  });
});
