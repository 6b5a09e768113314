/**
 * The server's keys for member codes and the sealing of each member's secret at rest. Pure.
 * Both keys come from MEMBER_CODE_KEY by HKDF (RFC 5869), one per use; without it, from JWT_SECRET
 * (then rotating JWT_SECRET unseals no secret: each member gets a new one on their next code, and older
 * codes answer MEMBER_NOT_FOUND).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface MemberCodeKeys {
  /** Encrypts a code's payload (member-code.ts). */
  prp: Buffer;
  /** Seals member secrets in member_codes.secret (AES-256-GCM, bound to the member id). */
  seal: Buffer;
}

export const SECRET_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function memberCodeKeys(master: string): MemberCodeKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', Buffer.from(master, 'utf8'), Buffer.alloc(0), info, 32));
  return { prp: derive('loyalty member code prp v1'), seal: derive('loyalty member code seal v1') };
}

export function newMemberSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** iv ‖ ciphertext ‖ tag; the member id is authenticated, so a sealed secret copied to another member does not open. */
export function sealSecret(sealKey: Buffer, memberId: string, secret: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
  cipher.setAAD(Buffer.from(memberId, 'utf8'));
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** The secret, or null when the box was sealed by another key or for another member, or altered. */
export function openSecret(sealKey: Buffer, memberId: string, sealed: Buffer): Buffer | null {
  if (sealed.length !== IV_BYTES + SECRET_BYTES + TAG_BYTES) {
    return null;
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(memberId, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
