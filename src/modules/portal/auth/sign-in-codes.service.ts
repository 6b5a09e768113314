import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { RetryLaterError } from '../../../common/errors/retry-later.error';
import { AppConfig } from '../../../config/app-config';
import { REDIS } from '../../../queue/redis.module';
import { generateSignInCode, phoneKeyId, signInCodeHash } from '../rules/sign-in-code';

/**
 * KEYS: code, failures, lock. ARGV: candidate hash, consume (1/0), max failures, lock ms, code ttl ms.
 * One atomic step, so a code works once however many requests race with it:
 * locked → {-1, ms left}; right → {1, 0} (deleted when consumed); wrong,
 * expired or used → a failure, and the one that reaches the maximum locks
 * the phone and drops the code → {-1, lock ms}; else {0, tries left}.
 * The same rule as afterFailure() in rules/sign-in-code.ts.
 */
const CHECK = `
local lockMs = redis.call('PTTL', KEYS[3])
if lockMs > 0 then return {-1, lockMs} end
local stored = redis.call('GET', KEYS[1])
if stored and stored == ARGV[1] then
  if ARGV[2] == '1' then redis.call('DEL', KEYS[1], KEYS[2]) end
  return {1, 0}
end
local failures = redis.call('INCR', KEYS[2])
if failures == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
if failures >= tonumber(ARGV[3]) then
  redis.call('SET', KEYS[3], '1', 'PX', ARGV[4])
  redis.call('DEL', KEYS[1], KEYS[2])
  return {-1, tonumber(ARGV[4])}
end
return {0, tonumber(ARGV[3]) - failures}
`;

export function signInKeys(prefix: string, secret: string, phone: string) {
  const base = `${prefix}:portal:sign-in:${phoneKeyId(secret, phone)}`;
  return { code: `${base}:code`, failures: `${base}:failures`, lock: `${base}:lock` };
}

/**
 * One-time sign-in codes in Redis: only the code's keyed hash is kept, for
 * PORTAL_CODE_TTL_SECONDS; it works once; PORTAL_CODE_MAX_FAILURES wrong tries
 * lock the phone for PORTAL_CODE_LOCK_SECONDS (429 SIGN_IN_LOCKED). Phones
 * are counted whether or not a member holds them, so nothing here tells.
 */
@Injectable()
export class SignInCodesService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** A fresh code for the phone (replacing an earlier one); refused while the phone is locked. */
  async issue(phone: string): Promise<string> {
    const keys = this.keys(phone);
    const lockMs = await this.redis.pttl(keys.lock);
    if (lockMs > 0) {
      throw lockedError(lockMs);
    }
    const code = generateSignInCode();
    await this.redis.set(keys.code, signInCodeHash(this.config.jwt.secret, phone, code), 'PX', this.config.portal.codeTtlSeconds * 1000);
    return code;
  }

  /**
   * Checks a code. consume=false leaves a right code in place (a sign-in of a
   * phone no member holds yet: the same code then registers it). Throws
   * SIGN_IN_CODE_INVALID (wrong, expired or used) or SIGN_IN_LOCKED.
   */
  async verify(phone: string, code: string, consume: boolean): Promise<void> {
    const keys = this.keys(phone);
    const p = this.config.portal;
    const [state, value] = (await this.redis.eval(
      CHECK,
      3,
      keys.code,
      keys.failures,
      keys.lock,
      signInCodeHash(this.config.jwt.secret, phone, code),
      consume ? '1' : '0',
      p.codeMaxFailures,
      p.codeLockSeconds * 1000,
      p.codeTtlSeconds * 1000,
    )) as [number, number];
    if (state === 1) {
      return;
    }
    if (state === -1) {
      throw lockedError(value);
    }
    throw new DomainError(
      ErrorCode.SIGN_IN_CODE_INVALID,
      `The code is wrong, expired or already used. Ask for a new code; ${value} ${value === 1 ? 'try' : 'tries'} left before this phone is locked.`,
      [{ field: 'code', message: `${value} tries left` }],
    );
  }

  private keys(phone: string) {
    return signInKeys(this.config.queuePrefix, this.config.jwt.secret, phone);
  }
}

function lockedError(ms: number): RetryLaterError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new RetryLaterError(ErrorCode.SIGN_IN_LOCKED, `Too many wrong codes for this phone. Try again in ${seconds} seconds.`, seconds);
}
