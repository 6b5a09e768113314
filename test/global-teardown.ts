import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../src/config/app-config';

/** Drops the run's database and deletes every Redis key under its queue prefix. */
export default async function globalTeardown(): Promise<void> {
  const config = loadConfig();
  const db = config.database;
  if (!db.database.startsWith('loyalty_test_')) {
    throw new Error(`Refusing to drop ${db.database}: not a test database`);
  }
  const conn = await createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  } finally {
    await conn.end();
  }
  const redis = new Redis(config.redisUrl, { lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queuePrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
