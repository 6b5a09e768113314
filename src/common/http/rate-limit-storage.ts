import { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * KEYS: hits, blocked. ARGV: ttl ms, limit, block ms.
 * A fixed window of ttl; past the limit the tracker is blocked for the block
 * duration, then starts a new window.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blockTtl = tonumber(ARGV[3])
end
if blockTtl > 0 then
  return { hits, ttl, 1, blockTtl }
end
return { hits, ttl, 0, 0 }
`;

/**
 * Rate-limit counters in Redis under the deployment's key prefix
 * (QUEUE_PREFIX, e.g. "{loyalty}:ratelimit:..."), so two deployments sharing
 * one Redis never share counters. The prefix is a hash tag: both keys of a
 * counter sit in one Redis Cluster slot.
 */
export class PrefixedRedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:ratelimit:${throttlerName}:${key}`;
    const result = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration)) as number[];
    const [totalHits, timeToExpireMs, isBlocked, timeToBlockExpireMs] = result.map(Number);
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpireMs / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpireMs / 1000),
    };
  }
}
