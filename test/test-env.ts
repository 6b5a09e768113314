import { randomBytes } from 'node:crypto';

/** The run's own database and queue prefix, shared by every suite of one `npm test`. */
export function testEnvironment(): Record<string, string> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const base = process.env.TEST_DATABASE_SERVER_URL ?? 'mysql://root:@127.0.0.1:3306';
  return {
    NODE_ENV: 'test',
    DATABASE_URL: `${base}/loyalty_test_${runId}`,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{loyalty_test_${runId}}`,
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'test-admin-password',
    JWT_SECRET: randomBytes(32).toString('hex'),
    // Errors only: a green run logs none, and an unexpected 500 in a failing run shows its cause in the output.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DATABASE_POOL_SIZE: '20',
    // The production bound on the wait for a pooled connection (2 s, then 503) is not what the suites test; on a
    // machine busy with parallel builds it turned racing requests of the concurrency suites into 503s.
    DATABASE_ACQUIRE_TIMEOUT_MS: '10000',
    // Suites sign in often: a cheaper scrypt and a roomier login limit keep them fast (production: 17 and 20).
    PASSWORD_SCRYPT_LOG2N: '14',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
  };
}
