import Redis from 'ioredis';
import { loadConfig } from '../../src/config/app-config';
import { runMigrations } from '../../src/database/migrate';
import { deleteKeysUnder } from '../../src/queue/delete-keys-under';

/**
 * A suite whose figures must see only its own members (whole-population counts, shares of all members) runs on
 * a database and queue prefix of its own, beside the run's: `<run db>_<suffix>`, `{<run prefix>_<suffix>}`.
 * `enter()` points the environment at them and migrates; `leave()` drops both and restores the environment.
 */
export function ownDatabase(suffix: string): { enter(): Promise<void>; leave(): Promise<void> } {
  const saved: Record<string, string | undefined> = {};
  return {
    async enter() {
      const overrides = {
        DATABASE_URL: `${process.env.DATABASE_URL as string}_${suffix}`,
        QUEUE_PREFIX: `${(process.env.QUEUE_PREFIX as string).slice(0, -1)}_${suffix}}`,
      };
      for (const [k, v] of Object.entries(overrides)) {
        saved[k] = process.env[k];
        process.env[k] = v;
      }
      await runMigrations(loadConfig().database);
    },
    async leave() {
      const url = new URL(String(process.env.DATABASE_URL));
      const name = url.pathname.slice(1);
      if (name.startsWith('loyalty_test_') && name.endsWith(`_${suffix}`)) {
        const mysql = await import('mysql2/promise');
        url.pathname = '/';
        const conn = await mysql.createConnection(url.toString());
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await conn.end();
      }
      const redis = new Redis(process.env.REDIS_URL as string);
      await deleteKeysUnder(redis, process.env.QUEUE_PREFIX as string);
      redis.disconnect();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) {
          delete process.env[k];
        } else {
          process.env[k] = v;
        }
      }
    },
  };
}
