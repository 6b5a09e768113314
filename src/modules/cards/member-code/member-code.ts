/**
 * The member code (POS-API 1.2): 18 digits, `8` then 17, made from a member's own secret and the 30-second
 * time step. Pure; the keys and the secret are passed in. The reasons for this layout are in the README
 * ("The member code").
 *
 *   payload (56 bits) = index (30 bits: the member's row in member_codes) ‖ mac (26 bits)
 *   mac  = HOTP dynamic truncation (RFC 4226 §5.3) of HMAC-SHA256(member secret, step) mod 2^26
 *   code = "8" ‖ PRP_K(payload) as 17 decimal digits
 *
 * PRP_K is a 10-round balanced Feistel network on 56 bits (two 28-bit halves, HMAC-SHA256 rounds keyed by a
 * server key, the structure of NIST FF1): a till decrypts one code to one index (one primary-key read),
 * while a code's digits say nothing of the index without the server key; the mac changes every step, so the
 * codes of one member at different steps are unrelated numbers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEMBER_CODE = /^8\d{17}$/;
export const STEP_SECONDS = 30;
export const INDEX_BITS = 30;
export const MAC_BITS = 26;
/** The largest member index a code can carry (about a billion members). */
export const MAX_INDEX = 2 ** INDEX_BITS - 1;
/** A code is accepted in its own step and the next one (RFC 6238 §5.2: one step of delay). */
export const ACCEPTED_STEPS_BACK = 1;
/**
 * Older codes up to this many steps (an hour) are told apart as MEMBER_CODE_EXPIRED; older ones answer as unknown
 * (MEMBER_NOT_FOUND, and the cashier asks for the current code either way). Each step looked at costs one HMAC,
 * and a forged code looks at all of them: a day (2,880 steps) took 36 ms of CPU at load 22, an hour takes 1–2 ms.
 */
export const EXPIRED_STEPS_BACK = 120;
/** How many codes the portal gives at once (10 minutes); a code of a later step than now is not valid yet. */
export const ISSUED_STEPS_AHEAD = 20;

const ROUNDS = 10;
const HALF_BITS = 28;
const HALF_MASK = (1 << HALF_BITS) - 1;
const PAYLOAD_LIMIT = 1n << BigInt(INDEX_BITS + MAC_BITS);

export function stepAt(ms: number): number {
  return Math.floor(ms / 1000 / STEP_SECONDS);
}

export function stepStart(step: number): Date {
  return new Date(step * STEP_SECONDS * 1000);
}

/** RFC 4226 §5.3 dynamic truncation of HMAC(secret, counter as 8 bytes big-endian): a 31-bit number. */
export function hotpValue(secret: Buffer, counter: number, algorithm: 'sha1' | 'sha256' = 'sha256'): number {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const h = createHmac(algorithm, secret).update(message).digest();
  const offset = h[h.length - 1] & 0x0f;
  return h.readUInt32BE(offset) & 0x7fffffff;
}

export function macAt(secret: Buffer, step: number): number {
  return hotpValue(secret, step) % 2 ** MAC_BITS;
}

function round(prpKey: Buffer, i: number, half: number): number {
  const message = Buffer.alloc(5);
  message.writeUInt8(i, 0);
  message.writeUInt32BE(half, 1);
  return createHmac('sha256', prpKey).update(message).digest().readUInt32BE(0) & HALF_MASK;
}

export function encryptPayload(prpKey: Buffer, payload: bigint): bigint {
  let left = Number(payload >> BigInt(HALF_BITS));
  let right = Number(payload & BigInt(HALF_MASK));
  for (let i = 0; i < ROUNDS; i++) {
    [left, right] = [right, (left ^ round(prpKey, i, right)) >>> 0];
  }
  return (BigInt(left) << BigInt(HALF_BITS)) | BigInt(right);
}

export function decryptPayload(prpKey: Buffer, cipher: bigint): bigint {
  let left = Number(cipher >> BigInt(HALF_BITS));
  let right = Number(cipher & BigInt(HALF_MASK));
  for (let i = ROUNDS - 1; i >= 0; i--) {
    [left, right] = [(right ^ round(prpKey, i, left)) >>> 0, left];
  }
  return (BigInt(left) << BigInt(HALF_BITS)) | BigInt(right);
}

/** The member's code at a step. */
export function memberCodeAt(prpKey: Buffer, index: number, secret: Buffer, step: number): string {
  if (!Number.isInteger(index) || index < 0 || index > MAX_INDEX) {
    throw new RangeError(`member code index ${index} is outside 0..${MAX_INDEX}`);
  }
  const payload = (BigInt(index) << BigInt(MAC_BITS)) | BigInt(macAt(secret, step));
  return `8${encryptPayload(prpKey, payload).toString().padStart(17, '0')}`;
}

/** What a code says before the member's secret is known: its index and mac, or null when it is no code at all. */
export function openMemberCode(prpKey: Buffer, code: string): { index: number; mac: number } | null {
  if (!MEMBER_CODE.test(code)) {
    return null;
  }
  const cipher = BigInt(code.slice(1));
  if (cipher >= PAYLOAD_LIMIT) {
    return null;
  }
  const payload = decryptPayload(prpKey, cipher);
  return { index: Number(payload >> BigInt(MAC_BITS)), mac: Number(payload & BigInt(2 ** MAC_BITS - 1)) };
}

export type CodeVerdict =
  { kind: 'valid'; step: number } | { kind: 'expired'; step: number } | { kind: 'not_yet_valid'; step: number } | { kind: 'unknown' };

/**
 * Which step a mac belongs to, judged at `nowStep`: the current or previous step is valid; a later step the
 * portal may have handed out is not valid yet; an earlier one within a day is expired; anything else was never
 * a code of this secret (a forged code, or one made before the secret was rotated).
 */
export function judgeMac(secret: Buffer, mac: number, nowStep: number): CodeVerdict {
  const matches = (step: number) => sameNumber(macAt(secret, step), mac);
  for (let back = 0; back <= ACCEPTED_STEPS_BACK; back++) {
    if (matches(nowStep - back)) {
      return { kind: 'valid', step: nowStep - back };
    }
  }
  for (let ahead = 1; ahead <= ISSUED_STEPS_AHEAD; ahead++) {
    if (matches(nowStep + ahead)) {
      return { kind: 'not_yet_valid', step: nowStep + ahead };
    }
  }
  for (let back = ACCEPTED_STEPS_BACK + 1; back <= EXPIRED_STEPS_BACK; back++) {
    if (matches(nowStep - back)) {
      return { kind: 'expired', step: nowStep - back };
    }
  }
  return { kind: 'unknown' };
}

function sameNumber(a: number, b: number): boolean {
  const x = Buffer.alloc(4);
  const y = Buffer.alloc(4);
  x.writeUInt32BE(a);
  y.writeUInt32BE(b);
  return timingSafeEqual(x, y);
}
