import Redis from 'ioredis';
import { deleteKeysUnder } from '../../src/queue/delete-keys-under';

/**
 * A Redis prefix of its own beside the run's, `{<run prefix>_<name>}`: for suites whose limits count per client
 * address (every test client is 127.0.0.1) and must not share counters with other suites.
 */
export function isolatedPrefix(name: string): string {
  return `${(process.env.QUEUE_PREFIX as string).slice(0, -1)}_${name}}`;
}

/** isolatedPrefix(name) for the enclosing describe, its keys deleted after each test so each starts with fresh limits. */
export function useIsolatedPrefix(name: string): string {
  const prefix = isolatedPrefix(name);
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL as string);
  });
  afterEach(async () => {
    await deleteKeysUnder(redis, prefix);
  });
  afterAll(() => {
    redis.disconnect();
  });
  return prefix;
}
