import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../src/config/app-config';
import { deleteKeysUnder } from '../src/queue/delete-keys-under';

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
    await deleteKeysUnder(redis, config.queuePrefix);
  } finally {
    redis.disconnect();
  }
}
