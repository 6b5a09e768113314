import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { RemoteCounters, RemoteHits, ThrottlerStorageRecord } from './synced-throttler.storage';

/**
 * KEYS: hits, blocked. ARGV: ttl ms, limit, block ms, hits to add.
 * A fixed window of ttl from its first hit; past the limit the tracker is
 * blocked for the block duration, then starts a new window.
 */
const ADD_HITS = `
local hits = redis.call('INCRBY', KEYS[1], ARGV[4])
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
const ADD_HITS_SHA = createHash('sha1').update(ADD_HITS).digest('hex');

/**
 * The shared rate-limit counters in Redis under the deployment's key prefix
 * (QUEUE_PREFIX, e.g. "{loyalty}:ratelimit:pos:key:<key id>:hits"), so two
 * deployments sharing one Redis never share counters. The prefix is a hash
 * tag: both keys of a counter sit in one Redis Cluster slot. A batch of
 * counters is one pipeline (EVALSHA, EVAL where Redis lost the script).
 */
export class PrefixedRedisCounters implements RemoteCounters {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async add(items: RemoteHits[]): Promise<ThrottlerStorageRecord[]> {
    const args = items.map((i) => {
      const base = `${this.prefix}:ratelimit:${i.name}:${i.key}`;
      return [`${base}:hits`, `${base}:blocked`, i.ttlMs, i.limit, i.blockMs, i.hits] as const;
    });
    const pipeline = this.redis.pipeline();
    for (const a of args) {
      pipeline.evalsha(ADD_HITS_SHA, 2, ...a);
    }
    const replies = (await pipeline.exec()) ?? [];
    return Promise.all(
      args.map(async (a, i) => {
        const [err, reply] = replies[i] ?? [new Error('no reply from Redis'), null];
        let result = reply;
        if (err) {
          if (!String(err.message).startsWith('NOSCRIPT')) {
            throw err;
          }
          result = await this.redis.eval(ADD_HITS, 2, ...a);
        }
        const [totalHits, timeToExpireMs, isBlocked, timeToBlockExpireMs] = (result as number[]).map(Number);
        return {
          totalHits,
          timeToExpire: Math.ceil(timeToExpireMs / 1000),
          isBlocked: isBlocked === 1,
          timeToBlockExpire: Math.ceil(timeToBlockExpireMs / 1000),
        };
      }),
    );
  }
}
