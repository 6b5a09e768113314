/** One-time sign-in codes: made, hashed and named here. Pure (the randomness is passed in for tests). */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const SIGN_IN_CODE_DIGITS = 6;

/** Six digits, leading zeros kept: 000000–999999, uniformly. */
export function generateSignInCode(draw: (maxExclusive: number) => number = randomInt): string {
  return String(draw(10 ** SIGN_IN_CODE_DIGITS)).padStart(SIGN_IN_CODE_DIGITS, '0');
}

export function isWellFormedCode(code: string): boolean {
  return new RegExp(`^\\d{${SIGN_IN_CODE_DIGITS}}$`).test(code);
}

/**
 * What is stored for a code: HMAC(secret, phone:code). Bound to the phone (a
 * code sent to one phone never works for another) and keyed, so a leaked
 * store does not give the million candidates away to an offline search.
 */
export function signInCodeHash(secret: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`sign-in-code:${phone}:${code}`).digest('hex');
}

/** The phone as it appears in key names: keyed hash, so Redis never holds the number. */
export function phoneKeyId(secret: string, phone: string): string {
  return createHmac('sha256', secret).update(`phone:${phone}`).digest('hex').slice(0, 32);
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The answer of one verification (see SignInCodesService: one atomic step in Redis). */
export type CodeCheck = { outcome: 'ok' } | { outcome: 'wrong'; triesLeft: number } | { outcome: 'locked'; retryAfterSeconds: number };

/**
 * The lockout rule: a wrong, expired or used code counts as a failure; the
 * failure that reaches maxFailures locks the phone for lockSeconds and throws
 * the code away. Mirrors the Redis script step for step.
 */
export function afterFailure(failuresBefore: number, maxFailures: number, lockSeconds: number): CodeCheck {
  const failures = failuresBefore + 1;
  if (failures >= maxFailures) {
    return { outcome: 'locked', retryAfterSeconds: lockSeconds };
  }
  return { outcome: 'wrong', triesLeft: maxFailures - failures };
}
