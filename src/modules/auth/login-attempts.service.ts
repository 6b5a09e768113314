import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { REDIS } from '../../queue/redis.module';

const MAX_LOCK_MS = 24 * 3600 * 1000;

/**
 * KEYS: failures, lock, lockouts. ARGV: window ms, max failures, max lock ms.
 * Counts a failure; at the threshold it locks the email for window × 2^(lockouts − 1)
 * (capped) and starts a new count. Returns the lock in ms, or 0.
 */
const RECORD_FAILURE = `
local failures = redis.call('INCR', KEYS[1])
if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if failures < tonumber(ARGV[2]) then return 0 end
local lockouts = redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
local lockMs = math.min(tonumber(ARGV[1]) * 2 ^ (lockouts - 1), tonumber(ARGV[3]))
redis.call('SET', KEYS[2], '1', 'PX', math.floor(lockMs))
redis.call('DEL', KEYS[1])
return math.floor(lockMs)
`;

/**
 * Per-email login lockout. Kept in Redis rather than the database: every API
 * instance shares it, the counters expire by themselves, and failed logins
 * (an attacker's traffic) cause no database writes and no schema change.
 * Emails are counted whether or not an account exists, so a lockout does not
 * reveal which emails are accounts; they are hashed in the key names.
 */
@Injectable()
export class LoginAttemptsService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Milliseconds the email stays locked, or 0. */
  async lockedForMs(email: string): Promise<number> {
    const ttl = await this.redis.pttl(this.keys(email).lock);
    return ttl > 0 ? ttl : 0;
  }

  /** Counts a failed login; returns the lock it started in ms, or 0. */
  async recordFailure(email: string): Promise<number> {
    const k = this.keys(email);
    const { seconds, maxFailures } = this.config.loginLockout;
    const result = await this.redis.eval(RECORD_FAILURE, 3, k.failures, k.lock, k.lockouts, seconds * 1000, maxFailures, MAX_LOCK_MS);
    return Number(result);
  }

  async recordSuccess(email: string): Promise<void> {
    const k = this.keys(email);
    await this.redis.del(k.failures, k.lockouts);
  }

  private keys(email: string) {
    const id = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    const base = `${this.config.queuePrefix}:auth:login:${id}`;
    return { failures: `${base}:failures`, lock: `${base}:lock`, lockouts: `${base}:lockouts` };
  }
}
