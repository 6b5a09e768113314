import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** OWASP (2024) scrypt minimum: N = 2^17, r = 8, p = 1. */
export const DEFAULT_SCRYPT_LOG2N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Highest cost accepted from a stored hash: a forged row cannot make us allocate gigabytes. */
const MAX_LOG2N = 20;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export function scryptParams(log2N: number = DEFAULT_SCRYPT_LOG2N): ScryptParams {
  return { N: 2 ** log2N, r: R, p: P };
}

/** scrypt needs 128 × N × r bytes; Node refuses above 32 MiB unless maxmem says more. */
function maxmem({ N, r }: ScryptParams): number {
  return 128 * N * r * 2;
}

/** scrypt (Node's crypto) with a random salt; the parameters are stored with the hash: scrypt$N$r$p$salt$hash. */
export async function hashPassword(password: string, params: ScryptParams = scryptParams()): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await scrypt(password, salt, KEY_LENGTH, { ...params, maxmem: maxmem(params) });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const [scheme, n, r, p, saltB64, hashB64] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    scheme === 'scrypt' &&
    Boolean(saltB64 && hashB64) &&
    Number.isInteger(params.N) &&
    params.N > 1 &&
    params.N <= 2 ** MAX_LOG2N &&
    (params.N & (params.N - 1)) === 0 &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16;
  return valid ? { params, salt: Buffer.from(saltB64, 'base64'), hash: Buffer.from(hashB64, 'base64') } : null;
}

/** Verifies with the parameters stored in the hash, so hashes made under older parameters keep working. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) {
    return false;
  }
  const actual = await scrypt(password, parsed.salt, parsed.hash.length, {
    ...parsed.params,
    maxmem: maxmem(parsed.params),
  });
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/** True when the hash was made with other parameters than the current ones (rehash it at the next login). */
export function needsRehash(stored: string, current: ScryptParams = scryptParams()): boolean {
  const parsed = parse(stored);
  return (
    !parsed ||
    parsed.params.N !== current.N ||
    parsed.params.r !== current.r ||
    parsed.params.p !== current.p ||
    parsed.hash.length !== KEY_LENGTH
  );
}

/**
 * A hash no password matches, with the current parameters: verifying an unknown
 * email against it costs what verifying a real account costs, so the answer time
 * does not tell whether the email exists.
 */
export function dummyHash(params: ScryptParams = scryptParams()): string {
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    Buffer.alloc(SALT_LENGTH).toString('base64'),
    Buffer.alloc(KEY_LENGTH).toString('base64'),
  ].join('$');
}
