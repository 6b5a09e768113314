import { createHash, randomBytes } from 'node:crypto';

/** Keys are random (192 bits), so one fast SHA-256 is the right stored form: nothing to brute-force. */
export function generateApiKey(): string {
  return `pos_${randomBytes(24).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
