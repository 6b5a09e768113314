import type Redis from 'ioredis';

/**
 * Deletes every key under a queue prefix (SCAN, then DEL in pages): what a throw-away run leaves in Redis — the test
 * run's queues and rate limits, a bench's. Never used on a production prefix. Answers how many keys went.
 */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<number> {
  if (prefix.length < 3) {
    throw new Error(`Refusing to delete the keys under "${prefix}": too short a prefix`);
  }
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) {
      deleted += await redis.del(...keys);
    }
  } while (cursor !== '0');
  return deleted;
}
